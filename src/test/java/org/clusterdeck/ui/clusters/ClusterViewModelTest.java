package org.clusterdeck.ui.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import org.clusterdeck.Corpus;
import org.clusterdeck.app.clusters.ClusterProfile;
import org.clusterdeck.app.clusters.ClusterProfileStore;
import org.clusterdeck.app.monitor.ClusterView;
import org.clusterdeck.app.monitor.NodeError;
import org.clusterdeck.app.monitor.NodeView;
import org.clusterdeck.app.monitor.Reach;
import org.clusterdeck.app.offline.CibFileReader;
import org.clusterdeck.app.offline.CibSnapshot;
import org.clusterdeck.cluster.checks.ClockOffset;
import org.clusterdeck.cluster.checks.Finding;
import org.clusterdeck.cluster.checks.FindingKind;
import org.clusterdeck.cluster.events.ClusterEvent;
import org.clusterdeck.cluster.events.EventType;
import org.clusterdeck.cluster.events.Severity;
import org.clusterdeck.ui.Background;
import org.clusterdeck.ui.DialogPrompter;
import org.clusterdeck.ui.ScriptedDialogs;
import org.clusterdeck.ui.ScriptedWatcher;
import org.clusterdeck.ui.Snapshots;
import org.clusterdeck.ui.UiLoop;
import org.clusterdeck.ui.main.MainViewModel;
import org.clusterdeck.ui.timeline.TimelineViewModel;
import org.clusterdeck.transport.ssh.SshTarget;
import org.clusterdeck.transport.ssh.UnknownHostKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connecting and disconnecting a live cluster, with the monitor scripted: real cluster states
 * (a corpus CIB through the local crm_mon) are fed from another thread, as the monitor does.
 */
class ClusterViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path CIB = Corpus.path("pacemaker/cib/promoted-move.xml");
    private static final ClusterProfile LAB = new ClusterProfile("lab", List.of("10.99.0.11", "10.99.0.12"), "root",
            null, null, null);

    @TempDir
    Path dir;

    private final UiLoop ui = new UiLoop();
    private final Background background = new Background(ui);
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final ScriptedWatcher watcher = new ScriptedWatcher();

    @AfterEach
    void stop() {
        background.close();
    }

    private ClusterViewModel connected() {
        ClusterViewModel c = ClusterViewModel.forProfile(LAB, background, dialogs, watcher);
        c.connect();
        assertEquals(ConnectionState.CONNECTING, c.connectionProperty().get());
        assertEquals(Health.UNKNOWN, c.healthProperty().get());
        ui.runUntil(() -> watcher.watches.size() == 1, WAIT);
        return c;
    }

    /** Connected, and the monitor's first view (one node, the snapshot) shown. */
    private ClusterViewModel connectedShowing(CibSnapshot snap) throws InterruptedException {
        ClusterViewModel c = connected();
        ScriptedWatcher.Watch w = watcher.watches.get(0);
        fromMonitor(() -> w.listener.view(oneNode(snap)));
        ui.runUntil(() -> c.connectionProperty().get() == ConnectionState.CONNECTED, WAIT);
        return c;
    }

    /** A view from one node that answered with the snapshot's status and CIB. */
    private static ClusterView oneNode(CibSnapshot snap) {
        return new ClusterView(Instant.now(), List.of(Snapshots.answered("root@10.99.0.11", "a", snap)), "root@10.99.0.11",
                snap.status(), snap.cib());
    }

    /** The same, with the node's clock as the monitor read it. */
    private static ClusterView oneNode(CibSnapshot snap, ClockOffset clock) {
        NodeView n = Snapshots.answered("root@10.99.0.11", "a", snap);
        return new ClusterView(Instant.now(), List.of(new NodeView(n.host(), n.reach(), n.answeredAt(), n.software(),
                n.status(), n.quorum(), n.drbd(), n.cib(), n.error(), null, clock)), n.host(), snap.status(), snap.cib());
    }

    /** Calls the listener on a thread of its own, as the monitor does, and waits for it. */
    private static void fromMonitor(Runnable r) throws InterruptedException {
        Thread t = new Thread(r, "monitor test");
        t.start();
        t.join(TimeUnit.SECONDS.toMillis(10));
    }

    @Test
    void viewsFromTheMonitorReachTheOverviewOnlyThroughTheUiThread() throws Exception {
        CibSnapshot snap = Snapshots.read(CIB);
        List<String> names = Snapshots.xpath(CIB, "//configuration/nodes/node/@uname");
        ClusterViewModel c = connected();
        ScriptedWatcher.Watch w = watcher.watches.get(0);
        assertEquals(LAB, w.profile);

        ClusterView both = new ClusterView(Instant.now(), List.of(Snapshots.answered("root@10.99.0.11", names.get(0), snap),
                Snapshots.answered("root@10.99.0.12", names.get(1), snap)), "root@10.99.0.11", snap.status(), snap.cib());
        fromMonitor(() -> w.listener.view(both));
        assertTrue(c.overview().nodes().isEmpty(), "nothing changes before the UI thread runs");
        ui.runUntil(() -> c.connectionProperty().get() == ConnectionState.CONNECTED, WAIT);
        assertEquals(names, c.overview().nodes().stream().map(n -> n.name()).toList());
        assertEquals(c.overview().healthProperty().get(), c.healthProperty().get());
        assertTrue(c.connectionTextProperty().get().startsWith("Connected: 2 of 2 nodes answer"),
                c.connectionTextProperty().get());

        // the second node stops answering: its cluster node is marked, the badge turns critical
        NodeView lost = new NodeView("root@10.99.0.12", Reach.UNREACHABLE, Instant.now(),
                Snapshots.withoutDrbd(names.get(1)),
                null, null, null, null, new NodeError("root@10.99.0.12: 'crm_mon' timed out after 5 s",
                        "'crm_mon' timed out after 5 s"));
        ClusterView one = new ClusterView(Instant.now(), List.of(both.nodes().get(0), lost), "root@10.99.0.11",
                snap.status(), snap.cib());
        fromMonitor(() -> w.listener.view(one));
        ui.runUntil(() -> c.overview().nodes().stream().anyMatch(n -> n.unreachable()), WAIT);
        assertEquals(List.of(names.get(1)), c.overview().nodes().stream().filter(n -> n.unreachable())
                .map(n -> n.name()).toList());
        assertEquals(Health.CRITICAL, c.healthProperty().get());
        assertTrue(c.connectionTextProperty().get().contains("1 of 2 nodes answer"), c.connectionTextProperty().get());
        assertTrue(c.connectionTextProperty().get().contains(names.get(1) + " unreachable ('crm_mon' timed out after 5 s)"),
                c.connectionTextProperty().get());
    }

    /** A round that found nothing new hands over the same status: the tables are not set again. */
    @Test
    void theSameStatusAgainLeavesThePagesAsTheyAre() throws Exception {
        CibSnapshot snap = Snapshots.read(CIB);
        ClusterViewModel c = connectedShowing(snap);
        ScriptedWatcher.Watch w = watcher.watches.get(0);
        AtomicInteger changes = new AtomicInteger();
        c.overview().resources().addListener((ListChangeListener<Object>) change -> changes.incrementAndGet());

        fromMonitor(() -> w.listener.view(oneNode(snap)));
        ui.drain(Duration.ofMillis(200));
        assertEquals(0, changes.get(), "the same status set the resources again");

        CibSnapshot again = Snapshots.read(CIB);
        fromMonitor(() -> w.listener.view(oneNode(again)));
        ui.runUntil(() -> changes.get() == 1, WAIT);
    }

    /** A node whose clock the monitor found off is a warning in the overview, until its clock is right again. */
    @Test
    void aNodesClockFoundOffIsAFindingUntilItIsSet() throws Exception {
        CibSnapshot snap = Snapshots.read(CIB);
        ClusterViewModel c = connectedShowing(snap);
        ScriptedWatcher.Watch w = watcher.watches.get(0);
        assertTrue(c.overview().findings().stream().noneMatch(f -> f.kind() == FindingKind.CLOCK_OFF));

        fromMonitor(() -> w.listener.view(oneNode(snap, new ClockOffset("a", Duration.ofMinutes(10), Duration.ofMillis(600)))));
        ui.runUntil(() -> c.overview().findings().stream().anyMatch(f -> f.kind() == FindingKind.CLOCK_OFF), WAIT);
        Finding off = c.overview().findings().stream().filter(f -> f.kind() == FindingKind.CLOCK_OFF).findFirst()
                .orElseThrow();
        assertEquals("a", off.subject());
        assertTrue(off.message().startsWith("a's clock is 10 min ahead of this console's."), off.message());

        fromMonitor(() -> w.listener.view(oneNode(snap, new ClockOffset("a", Duration.ofMillis(20), Duration.ofMillis(600)))));
        ui.runUntil(() -> c.overview().findings().stream().noneMatch(f -> f.kind() == FindingKind.CLOCK_OFF), WAIT);
    }

    @Test
    void disconnectClosesTheMonitorOffTheUiThreadAndIgnoresItsLateViews() throws Exception {
        CibSnapshot snap = Snapshots.read(CIB);
        ClusterViewModel c = connectedShowing(snap);
        ScriptedWatcher.Watch w = watcher.watches.get(0);
        assertFalse(c.canConnectProperty().get());

        c.disconnect();
        assertEquals(ConnectionState.DISCONNECTING, c.connectionProperty().get());
        ui.runUntil(() -> c.connectionProperty().get() == ConnectionState.DISCONNECTED, WAIT);
        assertTrue(w.closedOn.startsWith("clusterdeck-background"), w.closedOn);
        assertEquals(Health.UNKNOWN, c.healthProperty().get(), "old data is not shown as a live verdict");

        fromMonitor(() -> w.listener.event(event(1)));
        ui.drain(Duration.ofMillis(200));
        assertTrue(c.timeline().events().isEmpty(), "a closed monitor's late events are dropped");

        c.connect();
        ui.runUntil(() -> watcher.watches.size() == 2, WAIT);
        assertNotSame(w, watcher.watches.get(1));
    }

    @Test
    void eventsAreKeptInOrderAndBounded() throws Exception {
        ClusterViewModel c = connected();
        ScriptedWatcher.Watch w = watcher.watches.get(0);
        int sent = TimelineViewModel.MAX_EVENTS + 25;
        fromMonitor(() -> {
            for (int i = 0; i < sent; i++) {
                w.listener.event(event(i));
            }
        });
        ui.runUntil(() -> c.timeline().events().size() == TimelineViewModel.MAX_EVENTS
                && c.timeline().events().get(c.timeline().events().size() - 1).message().equals("event " + (sent - 1)),
                WAIT);
        assertEquals("event 25", c.timeline().events().get(0).message(), "live events reach the failover timeline");
        assertFalse(c.timeline().notifications().isEmpty(), "a lost node is notified");
    }

    private static ClusterEvent event(int i) {
        return new ClusterEvent(Instant.ofEpochSecond(i), EventType.NODE_LOST, Severity.CRITICAL, "node" + i, null, null,
                null, null, null, null, null, null, null, null, null, "event " + i);
    }

    @Test
    void severalClustersConnectAtOnceAndClosingTheWindowDisconnectsAll() throws Exception {
        ClusterProfileStore store = new ClusterProfileStore(dir.resolve("clusters.json"));
        ClusterProfile other = new ClusterProfile("other", List.of("10.0.0.1"), "admin", null, null, null);
        store.save(List.of(LAB, other));
        MainViewModel vm = new MainViewModel(background, dialogs, store, new CibFileReader(), watcher);
        vm.loadProfiles(java.util.Set.of("lab", "other"));
        ui.runUntil(() -> watcher.watches.size() == 2, WAIT);
        assertEquals(List.of("lab", "other"), watcher.watches.stream().map(w -> w.profile.name()).sorted().toList());
        assertTrue(vm.canDisconnectProperty().get());
        assertEquals("Connecting to 10.0.0.1 \u2026", vm.statusLineProperty().get(), "the shown cluster's line");

        var all = vm.disconnectAll();
        ui.runUntil(all::isDone, WAIT);
        for (ScriptedWatcher.Watch w : watcher.watches) {
            assertTrue(w.closed.await(5, TimeUnit.SECONDS), w.profile.name() + " closed");
        }
        ui.runUntil(() -> vm.canConnectProperty().get(), WAIT);
    }

    @Test
    void sshQuestionsFromConnectingThreadsAreAskedThroughTheDialogService() throws Exception {
        DialogPrompter prompter = new DialogPrompter(dialogs, ui);
        UnknownHostKey key = new UnknownHostKey("10.99.0.11", "ssh-ed25519", "SHA256:abc", dir.resolve("known_hosts"));
        dialogs.trustAnswer = true;
        dialogs.secrets.add("s3cret");
        boolean[] trusted = new boolean[1];
        char[][] password = new char[1][];
        Thread connecting = new Thread(() -> {
            trusted[0] = prompter.trustHostKey(key);
            password[0] = prompter.password(SshTarget.parse("admin@10.99.0.11", "root"), 2);
        });
        connecting.start();
        ui.runUntil(() -> !connecting.isAlive(), WAIT);
        assertTrue(trusted[0]);
        assertEquals(List.of(key), dialogs.hostKeys);
        assertEquals("s3cret", new String(password[0]));
        assertEquals(List.of("Login refused. Password of admin@10.99.0.11:"), dialogs.secretPrompts);

        // cancelled: nobody answered, and the login goes on without it
        Thread again = new Thread(() -> password[0] = prompter.passphrase(dir.resolve("id_ed25519"), 1));
        again.start();
        ui.runUntil(() -> !again.isAlive(), WAIT);
        assertEquals(null, password[0]);
        assertEquals("Passphrase for the key " + dir.resolve("id_ed25519") + ":", dialogs.secretPrompts.get(1));
    }
}
