package org.clusterdeck.cluster.events;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.cluster.status.StatusReader;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.LocalProcessRunner;

/**
 * Runs the real crm_simulate on a CIB file and reads the states before and after with the real
 * crm_mon ({@code CIB_file}), so event tests work on states Pacemaker itself computed.
 *
 * @param summary crm_simulate's own "Transition Summary" lines, the independent reading
 */
public record Simulation(ClusterStatus before, ClusterStatus after, List<Action> summary, int exitCode) {

    private static final LocalProcessRunner RUNNER = new LocalProcessRunner("local");
    private static final StatusReader READER = new StatusReader(RUNNER);
    private static final Pattern FENCE = Pattern.compile("^\\s*\\* Fence \\((\\w+)\\) (\\S+)");
    private static final Pattern ACTION = Pattern.compile("^\\s*\\* (\\S+)\\s+(\\S+)\\s+\\(\\s*(.*?)\\s*\\)(.*)$");
    private static final List<String> ROLES = List.of("Stopped", "Started", "Promoted", "Unpromoted", "Master",
            "Slave");

    /**
     * One line of the transition summary, e.g. {@code * Move ip ( n1 -> n2 )}: the verb, the id as
     * crm_simulate prints it (clone instances with {@code :N}), and the node/role text split at
     * {@code ->}. {@code blocked} actions are not carried out.
     */
    public record Action(String verb, String id, String fromNode, String fromRole, String toNode, String toRole,
            boolean blocked) {
    }

    public static ClusterStatus read(Path cib) throws Exception {
        return READER.readCibFile(cib);
    }

    /** {@code crm_simulate -x in [options] -O out}, then crm_mon on both files. */
    public static Simulation run(Path in, Path out, String... options) throws Exception {
        List<String> argv = new ArrayList<>(List.of("crm_simulate", "-x", in.toAbsolutePath().toString()));
        argv.addAll(List.of(options));
        argv.addAll(List.of("-O", out.toAbsolutePath().toString()));
        CommandResult r = RUNNER.run(Command.of(argv.toArray(String[]::new)));
        if (!r.ok()) {
            return new Simulation(null, null, List.of(), r.exitCode());
        }
        return new Simulation(read(in), read(out), summary(r.stdout()), 0);
    }

    static List<Action> summary(String stdout) {
        List<Action> actions = new ArrayList<>();
        boolean inSummary = false;
        for (String line : stdout.lines().toList()) {
            if (line.startsWith("Transition Summary:")) {
                inSummary = true;
            } else if (!line.startsWith(" ") && !line.isBlank()) {
                inSummary = false;
            } else if (inSummary) {
                Matcher f = FENCE.matcher(line);
                Matcher m = ACTION.matcher(line);
                if (f.find()) {
                    actions.add(new Action("Fence", null, null, null, f.group(2), f.group(1), false));
                } else if (m.find()) {
                    actions.add(action(m.group(1), m.group(2), m.group(3), m.group(4).contains("blocked")));
                }
            }
        }
        return actions;
    }

    private static Action action(String verb, String id, String inside, boolean blocked) {
        String[] sides = inside.split("\\s*->\\s*");
        String[] left = sides[0].trim().split("\\s+");
        String[] right = sides[sides.length - 1].trim().split("\\s+");
        String fromRole = ROLES.contains(left[0]) ? left[0] : null;
        String fromNode = ROLES.contains(left[left.length - 1]) ? null : left[left.length - 1];
        String toRole = sides.length > 1 && ROLES.contains(right[0]) ? right[0] : null;
        String toNode = sides.length > 1 && !ROLES.contains(right[right.length - 1]) ? right[right.length - 1] : null;
        if (sides.length == 1) {
            toNode = fromNode;
        }
        if (sides.length > 1 && toNode == null) {
            toNode = fromNode;
        }
        if (sides.length > 1 && fromNode == null) {
            fromNode = toNode;
        }
        return new Action(verb, id, fromNode, fromRole, toNode, toRole, blocked);
    }
}
