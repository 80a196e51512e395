package org.clusterdeck.app.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.nodes.NoNodeAnsweredException;
import org.clusterdeck.app.nodes.NodeConnection;
import org.clusterdeck.app.nodes.NodeGroup;
import org.clusterdeck.cluster.command.ClusterAction;
import org.clusterdeck.cluster.command.CommandDialect;
import org.clusterdeck.cluster.command.CrmMon;
import org.clusterdeck.cluster.command.InvalidInputException;
import org.clusterdeck.transport.LocalProcessRunner;
import org.clusterdeck.ui.action.SimulatedCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which node plans (the first that can take part, {@link NodeGroup#firstReachable}): a node whose cluster stack is down is this machine's real tools, which find no
 * cluster (exit 102); a running one is the lab's configuration in a CIB file ({@link SimulatedCluster}).
 */
class ClusterActionsTest {
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final ClusterAction MOVE = new ClusterAction.Move("g_dhcp", "node2", null, false, false);

    @TempDir
    Path dir;

    private AuditLog audit;
    private NodeConnection stopped;

    @BeforeEach
    void nodeWithoutCluster() throws Exception {
        LocalProcessRunner local = new LocalProcessRunner("stopped");
        Assumptions.assumeTrue(local.run(CrmMon.status()).exitCode() == 102,
                "a cluster answered on this machine; nothing to test");
        audit = new AuditLog(dir.resolve("audit"));
        stopped = new NodeConnection(local);
    }

    @AfterEach
    void closeAudit() {
        if (audit != null) {
            audit.close();
        }
    }

    private ClusterActions actions(NodeConnection... nodes) {
        return new ClusterActions(new NodeGroup(List.of(nodes)), audit, SETTLE, CommandDialect.AUTO);
    }

    @Test
    void aNodeWhoseClusterStackIsDownIsPassedOverForTheNextOne() throws Exception {
        SimulatedCluster cluster = SimulatedCluster.labStack(dir);
        ClusterActions.Planned first = actions(stopped, new NodeConnection(cluster)).plan(MOVE);

        assertEquals(cluster.node(), first.plan().node());
        assertEquals(List.of("crm_resource --move --resource g_dhcp --node node2"), first.plan().commands());
        assertEquals(1, first.warnings().size());
        assertTrue(first.warnings().get(0).startsWith("stopped: 'crm_node -n' failed with exit code 102 (Not connected"),
                first.warnings().get(0));
    }

    @Test
    void whatWouldFailOnEveryNodeIsNotPassedOver() throws Exception {
        NodeConnection running = new NodeConnection(SimulatedCluster.labStack(dir));
        ClusterAction unknown = new ClusterAction.Move("no_such_resource", "node2", null, false, false);
        // were it passed over, the stopped node would be asked next and the error would be "no node answered"
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> actions(running, stopped).plan(unknown));
        assertTrue(e.getMessage().contains("no_such_resource"), e.getMessage());
    }

    @Test
    void withNoNodeThatCanPlanTheErrorSaysWhyEachWasPassedOver() {
        NoNodeAnsweredException none = assertThrows(NoNodeAnsweredException.class, () -> actions(stopped).plan(MOVE));
        assertTrue(none.getMessage().startsWith("no node answered: stopped: 'crm_node -n' failed"
                + " with exit code 102 (Not connected"), none.getMessage());
        assertEquals("not connected to the cluster",
                assertThrows(NoNodeAnsweredException.class, () -> actions().plan(MOVE)).getMessage());
    }
}
