package org.clusterdeck.cluster.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plan's drbdadm commands as the real drbdadm reads them: {@code drbdadm -d} (dry run) on the
 * generated configuration, as each node ({@code __DRBD_NODE__}, drbd-utils' way to pretend to be a
 * host of the file). drbdadm wants the pretended node's address on this machine, so node1 gets
 * this machine's address and node2 the loopback. A connection that names no peer of the node, or
 * a command the generation does not know, fails here.
 */
class SetupPlanDrbdadmTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "DRBD 9: {0}")
    @ValueSource(booleans = {true, false})
    void everyDrbdadmCommandOfThePlanIsAcceptedByTheRealDrbdadm(boolean drbd9) throws Exception {
        SetupSpec spec = SetupSpecReader.read(Specs.EXAMPLE.replace("heartbeat: 10.99.0.12", "heartbeat: 127.0.0.1")
                .replace("heartbeat: 10.99.0.11", "heartbeat: " + RealTools.localIpv4()));
        NodeGeneration g = new NodeGeneration(drbd9, "2.1.5", NodeGeneration.PackageManager.APT, 1L << 30, 0);
        SetupPlan plan = SetupPlan.of(spec, Map.of("node1", g, "node2", g));
        Path conf = dir.resolve("r0.res");
        Files.writeString(conf, DrbdConf.resource(spec, drbd9));
        int checked = 0;
        for (String node : List.of("node1", "node2")) {
            for (List<String> drbdadm : drbdadmCalls(plan, node)) {
                List<String> argv = new ArrayList<>(List.of(drbd9 ? "drbdadm" : "/usr/lib/drbd/drbdadm-84", "-d", "-c",
                        conf.toString()));
                argv.addAll(drbdadm.subList(1, drbdadm.size()));
                CommandResult r = RealTools.run(Command.of(argv.toArray(String[]::new)).withEnv("__DRBD_NODE__", node));
                assertEquals(0, r.exitCode(), node + ": " + argv + "\n" + r.stdout() + r.stderr());
                checked++;
            }
        }
        assertTrue(checked >= 12, "drbdadm calls checked: " + checked);

        // the check is real: DRBD 9 refuses a peer that is not in the file, 8.4 any RES:PEER (9's words)
        CommandResult wrong = RealTools.run(Command.of(drbd9 ? "drbdadm" : "/usr/lib/drbd/drbdadm-84", "-d", "-c",
                conf.toString(), "cstate", drbd9 ? "r0:node3" : "r0:node2").withEnv("__DRBD_NODE__", "node1"));
        assertTrue(wrong.exitCode() != 0, wrong.stdout());
    }

    /** The drbdadm calls a node makes in the plan: commands, undo, and those inside the DRBD check scripts. */
    private static List<List<String>> drbdadmCalls(SetupPlan plan, String node) {
        List<List<String>> out = new ArrayList<>();
        for (SetupStep step : plan.steps()) {
            List<Command> all = new ArrayList<>(step.on(node));
            all.addAll(step.undo().getOrDefault(node, List.of()));
            all.addAll(step.check().getOrDefault(node, List.of()));
            for (Command c : all) {
                List<String> argv = c.argv();
                if (argv.get(0).equals("drbdadm")) {
                    out.add(argv);
                } else if (argv.size() > 3 && argv.get(3).equals("drbd-in-sync")) {
                    out.add(List.of("drbdadm", "dstate", argv.get(4)));
                    out.add(List.of("drbdadm", "cstate", argv.get(5)));
                }
            }
        }
        return out;
    }
}
