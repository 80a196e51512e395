package org.clusterdeck.cluster.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.cib.CibReader;
import org.clusterdeck.cluster.software.SoftwareProbe;
import org.clusterdeck.cluster.status.StatusReader;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.LocalProcessRunner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures of the real Pacemaker 2.1.5 tools, on CIB files and on this machine, which runs no cluster. */
class ClusterCommandExceptionTest {
    private final LocalProcessRunner local = new LocalProcessRunner("node1");

    @TempDir
    Path dir;

    private Path cib(String name) throws Exception {
        // crm_resource writes to its CIB_file: a copy, never the shared corpus
        return Files.copy(Corpus.path("pacemaker/cib/" + name + ".xml"), dir.resolve("cib.xml"));
    }

    @Test
    void aWaitThatRunsOutOfTimeSaysTheClusterDidNotSettleAndWhatIsLeft() throws Exception {
        // nothing carries out the scheduler's probes on a CIB file: they stay pending
        Path cib = cib("group1");
        Duration timeout = Duration.ofSeconds(1);
        CommandResult r = local.run(CrmResource.waitForIdle(timeout).withEnv("CIB_file", cib.toString()));
        assertEquals(124, r.exitCode(), r.stdout() + r.stderr());

        ClusterNotSettledException e = assertInstanceOf(ClusterNotSettledException.class,
                ClusterNotSettledException.of("node1", timeout, r));
        assertEquals(List.of("child_rsc3_monitor_0 on node2", "child_rsc2_monitor_0 on node2",
                "child_rsc1_monitor_0 on node2", "child_rsc3_monitor_0 on node1", "child_rsc2_monitor_0 on node1",
                "child_rsc1_monitor_0 on node1"), e.pending());
        assertEquals("the cluster did not settle within 1 s (crm_resource --wait --timeout=1s on node1): 6 actions"
                + " (child_rsc3_monitor_0 on node2, child_rsc2_monitor_0 on node2, child_rsc1_monitor_0 on node2,"
                + " child_rsc3_monitor_0 on node1, child_rsc2_monitor_0 on node1, and 1 more) still pending",
                e.getMessage());
        assertEquals(124, e.exitCode());
        assertEquals(timeout, e.timeout());
        assertEquals(List.of("crm_resource: Error performing operation: Timeout occurred"), e.messages());
    }

    @Test
    void withoutARunningClusterTheToolsAreNotConnectedAndAWaitIsNoTimeout() throws Exception {
        Command move = CrmResource.move("g_dhcp", "node2", null, null);
        CommandResult r = local.run(move);
        Assumptions.assumeTrue(r.exitCode() == 102, "a cluster answered on this machine; nothing to test");

        ClusterCommandException e = assertInstanceOf(ClusterNotConnectedException.class,
                ClusterCommandException.of("node1", move, r));
        assertTrue(e.getMessage().startsWith("node1: 'crm_resource --move --resource g_dhcp --node node2' failed with"
                + " exit code 102 (Not connected: the cluster stack"), e.getMessage());
        assertTrue(e.messages().stream().anyMatch(m -> m.contains("Could not connect to the CIB")), e.messages()::toString);

        // crm_resource --wait failing for another reason than time is not "did not settle"
        Duration timeout = Duration.ofSeconds(1);
        assertInstanceOf(ClusterNotConnectedException.class,
                ClusterNotSettledException.of("node1", timeout, local.run(CrmResource.waitForIdle(timeout))));
    }

    @Test
    void theReadersOfALiveNodeSayItsClusterIsNotConnectedWithTheToolsReason() throws Exception {
        Assumptions.assumeTrue(local.run(CrmMon.status()).exitCode() == 102,
                "a cluster answered on this machine; nothing to test");
        ClusterNotConnectedException cib = assertThrows(ClusterNotConnectedException.class,
                () -> new CibReader(local).readText());
        // cibadmin's reason comes before its last line ("Init failed, could not perform requested operations")
        assertTrue(cib.messages().stream().anyMatch(m -> m.startsWith("Could not connect to the CIB")),
                cib.messages()::toString);
        assertThrows(ClusterNotConnectedException.class, () -> new StatusReader(local).read());
        ClusterNotConnectedException probe = assertThrows(ClusterNotConnectedException.class,
                () -> new SoftwareProbe(local).probe());
        assertEquals(Probe.localNodeName().display(), probe.command());
    }

    @Test
    void otherExitCodesAreDescribedWithTheToolsOwnLastLines() throws Exception {
        Path cib = cib("group1");
        Command move = CrmResource.move("no_such_resource", "node2", null, null).withEnv("CIB_file", cib.toString());
        CommandResult r = local.run(move);
        assertEquals(105, r.exitCode(), r.stderr());

        ClusterCommandException e = ClusterCommandException.of("node1", move, r);
        assertEquals(ClusterCommandException.class, e.getClass());
        assertEquals(List.of("crm_resource: Resource 'no_such_resource' not found",
                "Error performing operation: No such object"), e.messages());
        assertEquals("node1: '" + move.display() + "' failed with exit code 105 (No such object: the resource, node or"
                + " constraint named does not exist): crm_resource: Resource 'no_such_resource' not found; Error"
                + " performing operation: No such object", e.getMessage());
    }

    @Test
    void aToolsLastFiveLinesOfStandardErrorOrElseOfItsOutputAreWhatItSaid() {
        CommandResult loud = new CommandResult("node1", List.of("tool"), 1, "out\n",
                "one\n\n  two \nthree\nfour\nfive\nsix\n", Duration.ZERO);
        assertEquals(List.of("two", "three", "four", "five", "six"),
                ClusterCommandException.of("node1", Command.of("tool"), loud).messages());
        CommandResult quiet = new CommandResult("node1", List.of("tool"), 1, "only on stdout\n", " \n", Duration.ZERO);
        assertEquals(List.of("only on stdout"), ClusterCommandException.of("node1", Command.of("tool"), quiet).messages());
    }
}
