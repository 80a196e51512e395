package org.clusterdeck.ui;

import static org.clusterdeck.ui.Placeholders.shown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.clusterdeck.Corpus;
import org.clusterdeck.app.clusters.ClusterProfile;
import org.clusterdeck.app.clusters.ClusterProfileStore;
import org.clusterdeck.app.monitor.ClusterView;
import org.clusterdeck.app.monitor.NodeView;
import org.clusterdeck.app.monitor.Reach;
import org.clusterdeck.app.offline.CibFileReader;
import org.clusterdeck.app.offline.CibSnapshot;
import org.clusterdeck.cluster.drbd.DrbdStatusReader;
import org.clusterdeck.cluster.software.NodeSoftware;
import org.clusterdeck.ui.clusters.ClusterViewModel;
import org.clusterdeck.ui.clusters.ConnectionState;
import org.clusterdeck.ui.main.MainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the window's empty tables say, read from the scene (Monocle): before a cluster was read,
 * while connecting, once it answered, and for a CIB file. The cluster is a corpus CIB through the
 * local crm_mon (two nodes, Apache groups, no DRBD, no failed action), fed as the monitor feeds it.
 */
@ExtendWith(ApplicationExtension.class)
class EmptyTablesWindowTest {
    private static final Path CIB = Corpus.path("pacemaker/cib/group6.xml");
    private static final ClusterProfile WEB = new ClusterProfile("web", List.of("10.0.0.1", "10.0.0.2"), "root", null,
            null, null);
    private static final String NOT_CONNECTED = "Not connected: press Connect (Ctrl+K).";
    private static final List<String> OVERVIEW = List.of("#overview-findings", "#overview-nodes", "#overview-resources",
            "#overview-failures", "#overview-leftovers", "#overview-properties");

    @TempDir
    Path dir;

    private final ScriptedWatcher watcher = new ScriptedWatcher();
    private Background background;
    private ClusterProfileStore store;
    private MainViewModel vm;

    @Start
    void start(Stage stage) {
        background = new Background(Platform::runLater);
        store = new ClusterProfileStore(dir.resolve("clusters.json"));
        vm = ClusterDeckApp.show(stage, background, new ScriptedDialogs(), store, new CibFileReader(), watcher);
    }

    @AfterEach
    void stop() {
        background.close();
    }

    @Test
    void aSavedClusterSaysNotConnectedThenConnectingThenWhatItsEmptyTablesMean(FxRobot robot) throws Exception {
        ClusterViewModel c = saved(robot);
        assertNull(shown(robot, "#cluster-list"), "the list shows the cluster");

        // not read yet: no table claims the cluster is free of failures, leftovers, problems
        for (String table : OVERVIEW) {
            assertEquals(NOT_CONNECTED, shown(robot, table), table);
        }
        show(robot, c, ClusterViewModel.Tab.TIMELINE);
        assertEquals(NOT_CONNECTED, shown(robot, "#timeline-failovers"));
        assertEquals(NOT_CONNECTED, shown(robot, "#timeline-events"));
        assertEquals("No failover yet, so nothing moved.", shown(robot, "#timeline-moves"));
        show(robot, c, ClusterViewModel.Tab.DRBD);
        assertEquals(NOT_CONNECTED, shown(robot, "#drbd-table"));

        connect(robot);
        assertEquals(ConnectionState.CONNECTING, c.connectionProperty().get());
        assertEquals("Connecting: no node has answered yet.", shown(robot, "#drbd-table"));

        // node1 answered (no DRBD module), node2 not yet: the cluster's DRBD is not known yet
        CibSnapshot snap = Snapshots.read(CIB);
        NodeView node1 = Snapshots.answered("10.0.0.1", "node1", snap);
        NodeView connecting = new NodeView("10.0.0.2", Reach.CONNECTING, null, null, null, null, null, null, null);
        feed(new ClusterView(Instant.now(), List.of(node1, connecting), "10.0.0.1", snap.status(), snap.cib()));
        waitFor(() -> c.connectionProperty().get() == ConnectionState.CONNECTED);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("node1 has no DRBD (no kernel module loaded); 10.0.0.2 has not reported DRBD status.",
                shown(robot, "#drbd-table"));
        assertTrue(robot.lookup("#drbd-speed").tryQuery().isPresent(), "a resync may yet come to chart");

        feed(new ClusterView(Instant.now(), List.of(node1, Snapshots.answered("10.0.0.2", "node2", snap)), "10.0.0.1",
                snap.status(), snap.cib()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("This cluster has no DRBD: the DRBD kernel module is loaded on none of its nodes (node1, node2)."
                + " To see this tab at work, ClusterDeck's source tree has a lab with real DRBD: sudo lab/vm-run"
                + " (see lab/README.md).",
                shown(robot, "#drbd-table"));
        assertTrue(robot.lookup("#drbd-speed").tryQuery().isEmpty(), "no DRBD, no speed chart");

        show(robot, c, ClusterViewModel.Tab.TIMELINE);
        assertEquals("No failover seen yet.", shown(robot, "#timeline-failovers"));
        assertEquals("No events yet: they appear as the cluster changes.", shown(robot, "#timeline-events"));

        // read: what the empty tables say is now about the cluster; tables with rows show no sentence
        show(robot, c, ClusterViewModel.Tab.OVERVIEW);
        assertNull(shown(robot, "#overview-nodes"));
        assertNull(shown(robot, "#overview-resources"));
        assertEquals("No failed actions.", shown(robot, "#overview-failures"));
        assertEquals("No leftover move, ban or DRBD fencing constraints.", shown(robot, "#overview-leftovers"));

        // disconnected: the last data stays, so do its sentences; nothing is recorded on the timeline any more
        robot.clickOn("#disconnect");
        waitFor(() -> c.connectionProperty().get() == ConnectionState.DISCONNECTED);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("No failed actions.", shown(robot, "#overview-failures"));
        show(robot, c, ClusterViewModel.Tab.TIMELINE);
        assertEquals(NOT_CONNECTED, shown(robot, "#timeline-events"));
    }

    @Test
    void aCibFileHasNoHistoryAndNoDrbd(FxRobot robot) throws Exception {
        robot.interact(() -> vm.openCibFile(CIB));
        waitFor(() -> robot.lookup("#overview-failures").tryQuery().isPresent() && !vm.clusters().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        ClusterViewModel c = vm.clusters().get(0);
        assertEquals("No failed actions.", shown(robot, "#overview-failures"));

        show(robot, c, ClusterViewModel.Tab.TIMELINE);
        String noHistory = "A CIB file has no history: events are recorded while ClusterDeck follows a live cluster.";
        assertEquals(noHistory, shown(robot, "#timeline-failovers"));
        assertEquals(noHistory, shown(robot, "#timeline-events"));
        Node axis = robot.lookup("#timeline-chart").query();
        assertTrue(robot.from(axis).lookup(".hint").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals(noHistory)), "the empty axis says the same");
        show(robot, c, ClusterViewModel.Tab.DRBD);
        assertEquals("A CIB file holds no DRBD state: DRBD is read from the nodes of a live cluster.",
                shown(robot, "#drbd-table"));
    }

    @Test
    void nodesWithDrbdButNoResourceSaySo(FxRobot robot) throws Exception {
        ClusterViewModel c = saved(robot);
        connect(robot);
        CibSnapshot snap = Snapshots.read(CIB);
        NodeSoftware drbd9 = new NodeSoftware("vm1", "2.1.5", "3.1.7", false, false, "9.22.0", "9.2.12");
        String file = "drbd/drbd9/v9-0-unconfigured__vm1__drbdsetup_status_json.txt";
        NodeView vm1 = new NodeView("10.0.0.1", Reach.REACHABLE, Instant.now(), drbd9, snap.status(), null,
                DrbdStatusReader.parse(Corpus.read(file), file), snap.cib(), null);
        feed(new ClusterView(Instant.now(), List.of(vm1), "10.0.0.1", snap.status(), snap.cib()));
        waitFor(() -> c.connectionProperty().get() == ConnectionState.CONNECTED);
        show(robot, c, ClusterViewModel.Tab.DRBD);
        assertEquals("No DRBD resource is configured on vm1.", shown(robot, "#drbd-table"));
    }

    /** The saved cluster, shown as the window opens: not connected. */
    private ClusterViewModel saved(FxRobot robot) throws Exception {
        store.save(List.of(WEB));
        robot.interact(() -> vm.loadProfiles());
        waitFor(() -> robot.lookup("#overview-failures").tryQuery().isPresent() && !vm.clusters().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        return vm.clusters().get(0);
    }

    /** Connect clicked: the monitor is started, no node has answered yet. */
    private void connect(FxRobot robot) throws Exception {
        robot.clickOn("#connect");
        waitFor(() -> watcher.watches.size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** From the test's thread, as the monitor's own threads call the listener. */
    private void feed(ClusterView view) {
        watcher.watches.get(0).listener.view(view);
    }

    private static void show(FxRobot robot, ClusterViewModel c, ClusterViewModel.Tab tab) {
        robot.interact(() -> c.tabProperty().set(tab));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitFor(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }
}
