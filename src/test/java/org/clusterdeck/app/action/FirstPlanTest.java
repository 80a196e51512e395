package org.clusterdeck.app.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.cluster.command.ClusterAction;
import org.clusterdeck.cluster.command.ClusterNotConnectedException;
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
 * Which node plans: a node whose cluster stack is down is this machine's real tools, which find no
 * cluster (exit 102); a running one is the lab's configuration in a CIB file ({@link SimulatedCluster}).
 */
class FirstPlanTest {
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final ClusterAction MOVE = new ClusterAction.Move("g_dhcp", "node2", null, false, false);

    @TempDir
    Path dir;

    private AuditLog audit;
    private ActionService stopped;

    @BeforeEach
    void nodeWithoutCluster() throws Exception {
        LocalProcessRunner local = new LocalProcessRunner("stopped");
        Assumptions.assumeTrue(local.run(CrmMon.status()).exitCode() == 102,
                "a cluster answered on this machine; nothing to test");
        audit = new AuditLog(dir.resolve("audit"));
        stopped = new ActionService(local, audit, SETTLE);
    }

    @AfterEach
    void closeAudit() {
        if (audit != null) {
            audit.close();
        }
    }

    @Test
    void aNodeWhoseClusterStackIsDownIsPassedOverForTheNextOne() throws Exception {
        ActionService running = new ActionService(SimulatedCluster.labStack(dir), audit, SETTLE);
        FirstPlan first = FirstPlan.of(List.of(stopped, running), MOVE);

        assertSame(running, first.service());
        assertEquals(List.of("crm_resource --move --resource g_dhcp --node node2"), first.plan().commands());
        assertEquals(1, first.passedOver().size());
        ClusterNotConnectedException why = assertInstanceOf(ClusterNotConnectedException.class,
                first.passedOver().get(0));
        assertEquals("stopped", why.node());
    }

    @Test
    void whatWouldFailOnEveryNodeIsNotPassedOver() throws Exception {
        ActionService running = new ActionService(SimulatedCluster.labStack(dir), audit, SETTLE);
        ClusterAction unknown = new ClusterAction.Move("no_such_resource", "node2", null, false, false);
        // were it passed over, the stopped node would be asked next and the error would be "no node could plan it"
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> FirstPlan.of(List.of(running, stopped), unknown));
        assertTrue(e.getMessage().contains("no_such_resource"), e.getMessage());
    }

    @Test
    void withNoNodeThatCanPlanTheErrorSaysWhyEachWasPassedOver() {
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> FirstPlan.of(List.of(stopped), MOVE));
        assertTrue(none.getMessage().startsWith("no node of the cluster could plan it: stopped: 'crm_node -n' failed"
                + " with exit code 102 (Not connected"), none.getMessage());
        assertEquals("not connected to the cluster",
                assertThrows(IllegalStateException.class, () -> FirstPlan.of(List.of(), MOVE)).getMessage());
    }
}
