package org.clusterdeck.cluster.command;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.ShellScript;

/**
 * A prediction run on the node itself, so the node's own Pacemaker decides: the CIB given on
 * standard input goes to a temporary file, each stage's commands change that copy
 * ({@code CIB_file}), and {@code crm_simulate} prints the transition the cluster would run for it
 * and saves the simulated result, on which the next stage builds. The live cluster is never
 * touched; the file is removed however the script ends.
 */
public final class CrmSimulate {
    /** Starts the line a failed staged command leaves on standard error, followed by the command as shown. */
    public static final String STAGE_FAILED = "clusterdeck: staging failed: ";

    /** Staging and simulating a large CIB takes seconds; a hung tool must not hold up the action. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private CrmSimulate() {
    }

    /**
     * @param cib    the CIB to stage on, as {@code cibadmin --query} printed it
     * @param stages the changes of each stage, in order, as shown; each prints one {@code <pacemaker-result>}
     * @param onCopy how each change runs against the copy; a failing one is named as shown ({@link #STAGE_FAILED})
     */
    public static Command stagedPrediction(String cib, List<List<Command>> stages, UnaryOperator<Command> onCopy) {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("nothing to predict");
        }
        ShellScript.Builder script = ShellScript.builder()
                .code("f=$(mktemp) && g=$(mktemp) || exit 70\n")
                .code("trap 'rm -f \"$f\" \"$g\"' EXIT\n")
                .code("cat > \"$f\" || exit 74\n")
                // CIB_file makes every tool below, crm_simulate --live-check included, use the copy
                .code("export CIB_file=\"$f\"\n");
        for (List<Command> stage : stages) {
            for (Command shown : stage) {
                Command c = onCopy.apply(shown);
                if (!c.env().isEmpty()) {
                    throw new IllegalArgumentException("a staged command takes its CIB from CIB_file only: " + c.display());
                }
                if (c.stdin() != null) {
                    // the script's own input is the CIB: the command's (crm configure's commands) comes as a quoted word,
                    // as shown: this script is on the node's process list, and a masked secret predicts the same
                    script.code("printf '%s' ").word(c.stdinShown() ? c.shownStdin() : c.stdin()).code(" | ");
                }
                script.command(c.argv()).code(" >&2 || { rc=$?; printf '%s\\n' ")
                        .word(STAGE_FAILED + shown.display()).code(" >&2; exit $rc; }\n");
            }
            script.command(simulate()).code(" --save-output=\"$g\" || exit\n")
                    .code("cat \"$g\" > \"$f\" || exit 74\n");
        }
        return script.build().run().withStdin(cib).withTimeout(TIMEOUT);
    }

    /**
     * An empty CIB in which these nodes are members and online with quorum, as {@code crm_simulate
     * --node-up} records them: what a new cluster's configuration is predicted on before the cluster
     * exists. Prints the CIB.
     */
    public static Command emptyClusterOf(List<String> nodes) {
        ShellScript.Builder script = ShellScript.builder()
                .code("f=$(mktemp) || exit 70\n")
                .code("trap 'rm -f \"$f\"' EXIT\n")
                .code("cibadmin --empty > \"$f\" || exit\n");
        script.code("crm_simulate --xml-file \"$f\"");
        for (String n : nodes) {
            script.code(" --node-up ").word(n);
        }
        script.code(" --quorum 1 --simulate --save-output \"$f\" > /dev/null || exit\n")
                .code("cat \"$f\"\n");
        return script.build().run().withTimeout(TIMEOUT);
    }

    /** The transition for the CIB in {@code CIB_file}, carried out in simulation, as XML (Pacemaker 2.1 and later). */
    static List<String> simulate() {
        return List.of("crm_simulate", "--live-check", "--simulate", "--output-as=xml");
    }
}
