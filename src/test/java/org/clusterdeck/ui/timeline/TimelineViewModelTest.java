package org.clusterdeck.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.events.ClusterEvent;
import org.clusterdeck.cluster.events.EventType;
import org.clusterdeck.cluster.events.FailoverTracker;
import org.clusterdeck.cluster.events.Severity;
import org.clusterdeck.cluster.events.Simulation;
import org.clusterdeck.cluster.events.StatusChanges;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.cluster.status.Resource;
import org.clusterdeck.ui.Feed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The timeline fed with the events the monitor's own code finds (StatusChanges, FailoverTracker)
 * over real state sequences: crm_simulate computes each next state of a corpus CIB, crm_mon reads
 * it. Expectations come from crm_simulate's transition summary and from the clock of the test.
 */
class TimelineViewModelTest {
    private static final String VICTIM = "bl460g1n6";
    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    private static final Instant T1 = T0.plusSeconds(5);
    private static final Instant T2 = T0.plusMillis(14_200);
    private static final Instant T3 = T0.plusSeconds(300);

    @TempDir
    Path tmp;
    private Path settled;

    /** What the monitor does per view: the changes, then the failover tracker on them. */
    private static final class Monitor {
        final FailoverTracker tracker = new FailoverTracker();
        final TimelineViewModel vm = new TimelineViewModel();
        final List<ClusterEvent> sent = new ArrayList<>();
        ClusterStatus previous;

        void view(ClusterStatus status, Instant time) {
            List<ClusterEvent> changes = StatusChanges.between(previous, status, time);
            List<ClusterEvent> all = new ArrayList<>(changes);
            all.addAll(tracker.update(status, changes, time));
            all.forEach(vm::accept);
            sent.addAll(all);
            previous = status;
        }
    }

    @BeforeEach
    void settle() throws Exception {
        settled = tmp.resolve("settled.xml");
        assertEquals(0, Simulation.run(Corpus.path("pacemaker/cib/bug-5186-partial-migrate.xml"), settled, "-S")
                .exitCode());
    }

    @Test
    void nodeLossIsOneFailoverWithItsMovesAndTheNodeLossIsNotified() throws Exception {
        Simulation fail = Simulation.run(settled, tmp.resolve("failed.xml"), "--node-fail", VICTIM);
        Simulation react = Simulation.run(tmp.resolve("failed.xml"), tmp.resolve("after.xml"), "-S");
        Simulation back = Simulation.run(tmp.resolve("after.xml"), tmp.resolve("back.xml"), "--node-up", VICTIM);
        Monitor m = new Monitor();
        m.view(fail.before(), T0);
        m.view(fail.after(), T1);

        // under way: listed, open, its resources run nowhere yet
        assertEquals(1, m.vm.failovers().size());
        Failover open = m.vm.failovers().get(0);
        assertTrue(open.open());
        assertEquals(T1, open.start(), "the node-lost in the same view is the first sign");
        m.vm.selectNext();
        assertTrue(m.vm.selectedMoves().stream().allMatch(mv -> mv.to() == null && VICTIM.equals(mv.from())));
        assertTrue(m.vm.selectedSummaryProperty().get().startsWith("Failover under way"));

        m.view(react.after(), T2);
        m.view(back.after(), T3);

        assertEquals(1, m.vm.failovers().size());
        Failover f = m.vm.failovers().get(0);
        assertFalse(f.open());
        assertEquals(f, m.vm.selectedProperty().get(), "the selection follows the failover when it ends");
        assertEquals(T2.toEpochMilli() - T1.toEpochMilli(), f.durationMs());
        assertEquals(T1, f.start());
        assertEquals(T2, f.end());

        // independent reading: crm_simulate's own summary of what it moved off the failed node
        List<Move> expected = react.summary().stream()
                .filter(a -> a.verb().equals("Move") && VICTIM.equals(a.fromNode()) && !fenceDevice(fail.after(), a.id()))
                .map(a -> new Move(a.id(), a.fromNode(), a.toNode())).toList();
        assertFalse(expected.isEmpty(), "the scenario moves something");
        assertEquals(expected, m.vm.selectedMoves());

        // the failover's events: from the node loss to the failover; the node's return later is not in it
        List<ClusterEvent> inside = m.vm.selectedEvents();
        assertTrue(inside.stream().anyMatch(e -> e.type() == EventType.NODE_LOST && VICTIM.equals(e.node())));
        assertEquals(EventType.FAILOVER, inside.get(inside.size() - 1).type());
        assertTrue(m.sent.stream().anyMatch(e -> e.type() == EventType.NODE_JOINED && e.time().equals(T3)),
                "the node came back in the last view");
        assertTrue(inside.stream().noneMatch(e -> e.time().equals(T3)));
        assertEquals(m.sent, m.vm.events(), "every event is on the axis");

        // told about the loss, not about the return
        assertEquals(1, m.vm.notifications().size(), m.vm.notifications().toString());
        Notification n = m.vm.notifications().get(0);
        assertEquals("Node lost", n.title());
        assertTrue(n.text().contains(VICTIM), n.text());
        m.vm.dismiss(n);
        assertTrue(m.vm.notifications().isEmpty());
    }

    /** What the empty failover list, moves and events tables say, from before a failover to one long gone. */
    @Test
    void emptyListsSayWhy() throws Exception {
        Monitor m = new Monitor();
        assertEquals("Not connected: press Connect (Ctrl+K).", m.vm.failoversEmptyText().get());
        assertEquals("Not connected: press Connect (Ctrl+K).", m.vm.eventsEmptyText().get());
        m.vm.feedProperty().set(Feed.FILE);
        assertEquals("A CIB file has no history: events are recorded while ClusterDeck follows a live cluster.",
                m.vm.eventsEmptyText().get());
        m.vm.feedProperty().set(Feed.LIVE);
        assertEquals("No failover seen yet.", m.vm.failoversEmptyText().get());
        assertEquals("No events yet: they appear as the cluster changes.", m.vm.eventsEmptyText().get());
        assertEquals("No failover yet, so nothing moved.", m.vm.movesEmptyText().get());

        Simulation fail = Simulation.run(settled, tmp.resolve("failed.xml"), "--node-fail", VICTIM);
        Simulation react = Simulation.run(tmp.resolve("failed.xml"), tmp.resolve("after.xml"), "-S");
        m.view(fail.before(), T0);
        m.view(fail.after(), T1);
        assertEquals("Select a failover to see what moved.", m.vm.movesEmptyText().get());
        m.vm.selectNext();
        assertEquals("Nothing has moved yet.", m.vm.movesEmptyText().get());
        m.view(react.after(), T2);
        assertEquals("Nothing moved in this failover.", m.vm.movesEmptyText().get());

        // the failover's events drop off behind newer ones: selected again, it has none left to show
        for (int i = 0; i < TimelineViewModel.MAX_EVENTS; i++) {
            m.vm.accept(new ClusterEvent(T3.plusMillis(i), EventType.NODE_JOINED, Severity.INFO, VICTIM, null, null,
                    null, null, null, null, null, null, null, null, null, "joined " + i));
        }
        Failover f = m.vm.selectedProperty().get();
        m.vm.selectedProperty().set(null);
        m.vm.selectedProperty().set(f);
        assertTrue(m.vm.selectedEvents().isEmpty());
        assertEquals("This failover's events are no longer kept: only the latest 5000 events are.",
                m.vm.eventsEmptyText().get());
    }

    @Test
    void failoverBetweenTwoViewsStartsAtItsMeasuredFirstSign() throws Exception {
        Simulation fail = Simulation.run(settled, tmp.resolve("failed.xml"), "--node-fail", VICTIM);
        Simulation react = Simulation.run(tmp.resolve("failed.xml"), tmp.resolve("after.xml"), "-S");
        Monitor m = new Monitor();
        m.view(fail.before(), T0);
        m.view(react.after(), T2);

        assertEquals(1, m.vm.failovers().size());
        Failover f = m.vm.failovers().get(0);
        assertNull(f.started(), "no view showed it under way");
        assertEquals(T0, f.start(), "at most since the last view in which all ran");
        m.vm.selectedProperty().set(f);
        assertTrue(m.vm.selectedSummaryProperty().get().contains("took 14.2 s"),
                m.vm.selectedSummaryProperty().get());
    }

    @Test
    void failedMonitorsOfOneViewAreOneNotificationAndARecoveryInPlace() throws Exception {
        // two monitors find their resources not running (rc 7) in the same view, on different nodes
        Simulation fail = Simulation.run(settled, tmp.resolve("failed.xml"),
                "-i", "prmDummy_monitor_10000@bl460g1n6=7", "-i", "prmVM2_monitor_10000@bl460g1n8=7");
        Simulation recover = Simulation.run(tmp.resolve("failed.xml"), tmp.resolve("recovered.xml"), "-S");
        Monitor m = new Monitor();
        m.view(fail.before(), T0);
        m.view(fail.after(), T1);
        m.view(recover.after(), T2);

        assertEquals(1, m.vm.notifications().size());
        Notification n = m.vm.notifications().get(0);
        assertEquals("2 resources failed", n.title());
        assertTrue(n.text().contains("prmDummy failed on bl460g1n6") && n.text().contains("prmVM2 failed on bl460g1n8"),
                n.text());

        // crm_simulate recovers both where they were
        List<Move> expected = recover.summary().stream().filter(a -> a.verb().equals("Recover"))
                .map(a -> new Move(a.id(), a.fromNode(), a.toNode())).toList();
        assertEquals(2, expected.size(), recover.summary().toString());
        m.vm.selectPrevious();
        assertEquals(m.vm.failovers().get(0), m.vm.selectedProperty().get());
        assertEquals(expected.stream().map(Move::resource).sorted().toList(),
                m.vm.selectedMoves().stream().map(Move::resource).sorted().toList());
        for (Move mv : m.vm.selectedMoves()) {
            Move want = expected.stream().filter(e -> e.resource().equals(mv.resource())).findFirst().orElseThrow();
            assertEquals(want.to(), mv.to(), mv.toString());
        }
    }

    @Test
    void whatIsNotifiedIsDecidedByType() {
        for (EventType t : EventType.values()) {
            boolean told = TimelineViewModel.notificationTitle(t).isPresent();
            boolean expected = t == EventType.NODE_LOST || t == EventType.FENCING || t == EventType.RESOURCE_FAILED
                    || t == EventType.DRBD_SPLIT_BRAIN;
            assertEquals(expected, told, t.word());
        }
    }

    private static boolean fenceDevice(ClusterStatus s, String id) {
        return s.resources().stream().filter(r -> r.id().equals(id)).map(Resource::agent)
                .anyMatch(a -> a.startsWith("stonith:"));
    }
}
