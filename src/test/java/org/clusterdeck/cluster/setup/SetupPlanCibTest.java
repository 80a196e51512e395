package org.clusterdeck.cluster.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clusterdeck.transport.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fencing and resources steps' own commands, checks, verifications and undos, run by the
 * local Pacemaker 2.1.5 tools on a CIB file standing in for the live cluster ({@code CIB_file}),
 * as {@code SimulatedCluster} does for actions: a {@code crm_resource --wait} becomes crm_simulate
 * carrying out the transition, and the plan's fixed paths for the CIB backup and copy move into
 * the test's directory. Everything else runs as the plan has it.
 */
class SetupPlanCibTest {
    private static final NodeGeneration PCMK_2 = new NodeGeneration(false, "2.1.5", NodeGeneration.PackageManager.APT,
            1L << 30, 0);

    @TempDir
    Path dir;
    private Path live;

    @Test
    void fencingThenResourcesAreDoneVerifiedAndUndone() throws Exception {
        SetupSpec spec = Specs.lab();
        SetupPlan plan = SetupPlan.of(spec, Map.of("node1", PCMK_2, "node2", PCMK_2));
        live = dir.resolve("live.xml");
        Files.writeString(live, RealTools.ok(null, "cibadmin", "--empty").stdout());
        RealTools.ok(null, "crm_simulate", "-x", live.toString(), "-u", "node1", "-u", "node2", "-q", "1", "-S",
                "-O", live.toString());

        SetupStep fencing = plan.step("fencing");
        assertTrue(anyFails(fencing.check().get("node1")), "not done before it ran");
        runAll(fencing.on("node1"));
        assertAllPass(fencing.check().get("node1"));
        assertAllPass(fencing.verification().get("node1"));

        SetupStep resources = plan.step("resources");
        assertTrue(anyFails(resources.check().get("node1")), "not done before it ran");
        runAll(resources.on("node1"));
        assertTrue(Files.exists(dir.resolve("clusterdeck-setup-cib-before.xml")), "the CIB's backup");
        // what ocf:linbit:drbd sets once both disks are UpToDate, then the transition that follows
        for (String node : List.of("node1", "node2")) {
            RealTools.ok(live, "crm_attribute", "-N", node, "-n", "master-" + CibResources.drbdPrimitive(spec), "-v",
                    "10000", "-l", "reboot");
        }
        settle();
        assertAllPass(resources.check().get("node1"));
        assertAllPass(resources.verification().get("node1"));

        // the verification's failover (FailoverProof): the node running the group goes to standby, the
        // group moves, the node comes back
        FailoverProof proof = plan.proof();
        String before = FailoverProof.runningOn(RealTools.ok(onFile(proof.locate())).stdout()).orElseThrow();
        runAll(List.of(proof.standby(before), proof.settle()));
        String after = FailoverProof.runningOn(RealTools.ok(onFile(proof.locate())).stdout()).orElseThrow();
        assertNotEquals(before, after, "the group moved away from the node in standby");
        runAll(List.of(proof.online(before), proof.settle()));
        assertEquals(after, FailoverProof.runningOn(RealTools.ok(onFile(proof.locate())).stdout()).orElseThrow(),
                "stickiness keeps it on the survivor");
        // the listing shows the same commands, with the node found at run time named by a stand-in
        assertTrue(plan.step("verification").on("node1").contains(proof.standby("ACTIVE_NODE")));

        runAll(resources.undo().get("node1"));
        for (String id : CibResources.dataIds(spec)) {
            assertNotEquals(0, RealTools.run(onFile(SetupCommands.cibHas(id))).exitCode(), id + " left behind");
        }
        assertAllPass(fencing.check().get("node1"));
        runAll(fencing.undo().get("node1"));
        for (String id : CibResources.fencingIds(spec)) {
            assertNotEquals(0, RealTools.run(onFile(SetupCommands.cibHas(id))).exitCode(), id + " left behind");
        }
        assertTrue(anyFails(fencing.check().get("node1")), "undone");
        // back where it started: nothing configured (crm_verify would say so too: no fence device)
        assertEquals("<resources/>", RealTools.ok(live, "cibadmin", "--query", "--scope", "resources").stdout().strip());
        assertEquals("<constraints/>", RealTools.ok(live, "cibadmin", "--query", "--scope", "constraints").stdout().strip());
    }

    private void runAll(List<Command> commands) throws Exception {
        for (Command c : commands) {
            if (c.argv().get(0).equals("crm_resource") && c.argv().get(1).equals("--wait")) {
                settle();
            } else if (c.argv().get(0).equals("crm_resource") && c.argv().get(1).equals("--cleanup")) {
                // asks the controller to forget failures: a CIB file has neither (and 2.1.5's tool crashes on one)
                continue;
            } else {
                RealTools.ok(onFile(c));
            }
        }
    }

    private void assertAllPass(List<Command> checks) {
        for (Command c : checks) {
            var r = RealTools.run(onFile(c));
            assertEquals(0, r.exitCode(), c.display() + "\n" + r.stdout() + r.stderr());
        }
    }

    private boolean anyFails(List<Command> checks) {
        return checks.stream().anyMatch(c -> RealTools.run(onFile(c)).exitCode() != 0);
    }

    /** The command against the test's files: the live CIB unless it names the copy itself. */
    private Command onFile(Command c) {
        List<String> argv = new ArrayList<>();
        for (String a : c.argv()) {
            argv.add(a.replace(SetupPlan.CIB_BACKUP, dir.resolve("clusterdeck-setup-cib-before.xml").toString())
                    .replace(SetupPlan.CIB_COPY, dir.resolve("clusterdeck-setup-cib-staged.xml").toString()));
        }
        String cibFile = c.env().containsKey("CIB_file")
                ? dir.resolve("clusterdeck-setup-cib-staged.xml").toString() : live.toString();
        return new Command(argv, Map.of("CIB_file", cibFile), c.stdin(), c.timeout());
    }

    private void settle() throws Exception {
        Path next = dir.resolve("next.xml");
        for (int i = 0; i < 3; i++) {
            RealTools.ok(null, "crm_simulate", "-x", live.toString(), "-S", "-O", next.toString());
            Files.move(next, live, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
