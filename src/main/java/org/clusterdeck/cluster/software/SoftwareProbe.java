package org.clusterdeck.cluster.software;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clusterdeck.cluster.command.ClusterCommandException;
import org.clusterdeck.cluster.command.Drbd;
import org.clusterdeck.cluster.command.Probe;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.TransportException;

/**
 * Finds out what a node runs. Only Pacemaker is required (a node without {@code crm_node} is not
 * a cluster node and gets a clear error); everything else is optional and simply recorded absent.
 */
public final class SoftwareProbe {
    private static final Pattern PACEMAKER = Pattern.compile("Pacemaker\\s+(\\S+)");
    private static final Pattern COROSYNC = Pattern.compile("version\\s+'([^']+)'");
    private static final Pattern PROC_DRBD = Pattern.compile("^version:\\s*(\\S+)", Pattern.MULTILINE);

    private final CommandRunner node;

    public SoftwareProbe(CommandRunner node) {
        this.node = node;
    }

    public NodeSoftware probe() throws TransportException, ClusterCommandException {
        return probe(List.of()).software();
    }

    /**
     * What the node runs, and the answers to read-only commands asked together with the probe's own
     * questions: a one-shot reader that needs the node's status spends one round trip, not two.
     */
    public Probed probe(List<Command> alongside) throws TransportException, ClusterCommandException {
        // All at once, the node's name with the rest: each question is read-only and independent of the
        // others, and the round trip the name took alone cost a one-shot status a tenth of its time. A
        // node without Pacemaker then answers every question with an error, of which the name's is told.
        // /proc/drbd is only needed where drbdadm does not tell, but asking costs nothing more.
        List<Command> questions = new ArrayList<>(List.of(Probe.localNodeName(), Probe.pacemakerVersion(),
                Probe.corosyncVersion(), Probe.optionalTools(), Probe.drbdVersion(), Drbd.procDrbd()));
        questions.addAll(alongside);
        List<CommandResult> answers = node.runAll(questions);
        CommandResult name = answers.get(0);
        if (!name.ok()) {
            // 127: no crm_node, no Pacemaker; 102: Pacemaker installed but not running here
            throw ClusterCommandException.of(node.node(), Probe.localNodeName(), name);
        }
        if (name.stdout().isBlank()) {
            throw new ClusterCommandException(node.node(), Probe.localNodeName().display(), name.exitCode(),
                    List.of("printed no node name"));
        }
        String pacemaker = match(PACEMAKER, answers.get(1));
        String corosync = match(COROSYNC, answers.get(2));
        String tools = answers.get(3).stdout();
        String drbdUtils = null;
        String drbdKernel = null;
        if (answers.get(4).ok()) {
            drbdUtils = keyValue(answers.get(4).stdout(), "DRBDADM_VERSION");
            drbdKernel = drbdKernel(answers.get(4).stdout());
        }
        if (drbdKernel == null) {
            // drbd-utils 8.4 and nodes without the utils still show the module here
            CommandResult proc = answers.get(5);
            drbdKernel = proc.ok() ? group(PROC_DRBD.matcher(proc.stdout())) : null;
        }
        NodeSoftware software = new NodeSoftware(name.stdout().strip(), pacemaker, corosync, hasTool(tools, "crm"),
                hasTool(tools, "pcs"), drbdUtils, drbdKernel);
        return new Probed(software, answers.subList(questions.size() - alongside.size(), questions.size()));
    }

    /** A probe's finding, and the answers to the commands asked alongside it, in their order. */
    public record Probed(NodeSoftware software, List<CommandResult> alongside) {
        public Probed {
            alongside = List.copyOf(alongside);
        }
    }

    /** Pacemaker's version alone, e.g. 2.1.5; null where pacemakerd does not say. Works where no cluster runs. */
    public String pacemakerVersion() throws TransportException {
        return match(PACEMAKER, node.run(Probe.pacemakerVersion()));
    }

    /**
     * The loaded DRBD module's version from {@code drbdadm --version}. Its version code is 0 when no
     * module is loaded (drbd-utils installed, DRBD not in use: the version then reads "0", which is
     * no version); drbd-utils 9 talking to an 8.4 module prints only the code ({@code 0x08040b}).
     */
    static String drbdKernel(String versionOutput) {
        String code = keyValue(versionOutput, "DRBD_KERNEL_VERSION_CODE");
        if (code != null && code.matches("0x[0-9a-fA-F]{6}")) {
            int c = Integer.parseInt(code.substring(2), 16);
            return c == 0 ? null : Objects.requireNonNullElse(keyValue(versionOutput, "DRBD_KERNEL_VERSION"),
                    (c >> 16) + "." + ((c >> 8) & 0xff) + "." + (c & 0xff));
        }
        return keyValue(versionOutput, "DRBD_KERNEL_VERSION");
    }

    private static boolean hasTool(String commandVOutput, String tool) {
        return commandVOutput.lines().map(String::strip).anyMatch(p -> p.endsWith("/" + tool));
    }

    private static String match(Pattern p, CommandResult r) {
        return r.ok() ? group(p.matcher(r.stdout())) : null;
    }

    private static String group(Matcher m) {
        return m.find() ? m.group(1) : null;
    }

    private static String keyValue(String text, String key) {
        return text.lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1).strip())
                .filter(v -> !v.isEmpty()).findFirst().orElse(null);
    }
}
