package org.clusterdeck.cluster.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.cluster.status.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failovers over real state sequences made by crm_simulate from corpus CIBs: a settled cluster,
 * then a node fails (nothing carried out yet), then the cluster's transition is carried out.
 */
class FailoverTrackerTest {
    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    private static final Instant T1 = T0.plusSeconds(5);
    private static final Instant T2 = T0.plusMillis(12_345);

    @TempDir
    Path tmp;

    /** The views of one run: settled, node failed, reacted; and crm_simulate's summary of the reaction. */
    private record Run(ClusterStatus settled, ClusterStatus failed, Simulation reaction) {
    }

    private Run nodeFails(String cib, String victim) throws Exception {
        Simulation settle = Simulation.run(Corpus.path("pacemaker/cib/" + cib + ".xml"), tmp.resolve("settled.xml"),
                "-S");
        assertEquals(0, settle.exitCode());
        // settled: crm_simulate has nothing more to do there
        Simulation again = Simulation.run(tmp.resolve("settled.xml"), tmp.resolve("again.xml"), "-S");
        assertEquals(List.of(), again.summary(), "settled state of " + cib);
        Simulation fail = Simulation.run(tmp.resolve("settled.xml"), tmp.resolve("failed.xml"), "--node-fail", victim);
        Simulation react = Simulation.run(tmp.resolve("failed.xml"), tmp.resolve("after.xml"), "-S");
        assertEquals(0, fail.exitCode() + react.exitCode());
        return new Run(settle.after(), fail.after(), react);
    }

    private static List<ClusterEvent> feed(FailoverTracker tracker, ClusterStatus before, ClusterStatus view,
            Instant time) {
        return tracker.update(view, StatusChanges.between(before, view, time), time);
    }

    @Test
    void nodeLossIsAFailoverUntilItsResourcesRunElsewhere() throws Exception {
        Run run = nodeFails("bug-5186-partial-migrate", "bl460g1n6");
        FailoverTracker tracker = new FailoverTracker();
        assertEquals(List.of(), feed(tracker, null, run.settled(), T0));

        List<ClusterEvent> atFailure = feed(tracker, run.settled(), run.failed(), T1);
        assertEquals(List.of(EventType.FAILOVER_STARTED), atFailure.stream().map(ClusterEvent::type).toList());
        assertEquals("bl460g1n6", atFailure.get(0).node());

        List<ClusterEvent> atEnd = feed(tracker, run.failed(), run.reaction().after(), T2);
        assertEquals(1, atEnd.size(), atEnd.toString());
        ClusterEvent failover = atEnd.get(0);
        assertEquals(EventType.FAILOVER, failover.type());
        assertEquals(7345L, failover.durationMs());

        // independent reading: what crm_simulate moved off the failed node, fence devices aside
        List<String> moved = new ArrayList<>();
        Set<String> to = new TreeSet<>();
        for (Simulation.Action a : run.reaction().summary()) {
            if (a.verb().equals("Move") && a.fromNode().equals("bl460g1n6") && !isFenceDevice(run.failed(), a.id())) {
                moved.add(a.id());
                to.add(a.toNode());
            }
        }
        assertEquals(List.of("prmDummy"), moved, "the scenario this test is about");
        assertEquals(moved, failover.resources());
        assertEquals("bl460g1n6", failover.from());
        assertEquals(String.join(",", to), failover.to());
        assertEquals(failover.resources(), atFailure.get(0).resources());

        // settled again: nothing more
        assertEquals(List.of(), feed(tracker, run.reaction().after(), run.reaction().after(), T2.plusSeconds(5)));
    }

    @Test
    void failoverOverBetweenTwoViewsIsReportedFromTheViewBeforeOrFromWhenTheNodeStoppedAnswering() throws Exception {
        Run run = nodeFails("bug-5186-partial-migrate", "bl460g1n6");
        List<String> moved = run.reaction().summary().stream()
                .filter(a -> a.verb().equals("Move") && !isFenceDevice(run.failed(), a.id())).map(Simulation.Action::id)
                .toList();

        // the monitor polled before the failure and next after the cluster had reacted
        FailoverTracker tracker = new FailoverTracker();
        feed(tracker, null, run.settled(), T0);
        List<ClusterEvent> seen = feed(tracker, run.settled(), run.reaction().after(), T2);
        assertEquals(List.of(EventType.FAILOVER), seen.stream().map(ClusterEvent::type).toList(), seen.toString());
        assertEquals(12_345L, seen.get(0).durationMs(), "at most since the last view in which all ran");
        assertEquals(moved, seen.get(0).resources());
        assertEquals("bl460g1n6", seen.get(0).from());

        // the same, but the node had stopped answering SSH a second after that view: the first sign
        FailoverTracker hinted = new FailoverTracker();
        feed(hinted, null, run.settled(), T0);
        hinted.nodeUnreachable("bl460g1n6", T0.plusSeconds(1));
        hinted.nodeUnreachable("bl460g1n6", T0.plusSeconds(2));
        assertEquals(11_345L, feed(hinted, run.settled(), run.reaction().after(), T2).get(0).durationMs());

        // a silence that began long before is no sign of this failure
        FailoverTracker longSilent = new FailoverTracker();
        longSilent.nodeUnreachable("bl460g1n6", T2.minus(FailoverTracker.SIGN_WINDOW).minusSeconds(1));
        feed(longSilent, null, run.settled(), T0);
        assertEquals(12_345L, feed(longSilent, run.settled(), run.reaction().after(), T2).get(0).durationMs());

        // a node that answers again is no sign of trouble any more
        FailoverTracker recovered = new FailoverTracker();
        feed(recovered, null, run.settled(), T0);
        recovered.nodeUnreachable("bl460g1n6", T0.plusSeconds(1));
        recovered.nodeReachable("bl460g1n6");
        assertEquals(12_345L, feed(recovered, run.settled(), run.reaction().after(), T2).get(0).durationMs());
    }

    @Test
    void nodeThatRanNothingFailsWithoutFailover() throws Exception {
        Run run = nodeFails("3-am-then-bm-both-migrate", "18node3");
        assertTrue(run.settled().resources().stream().noneMatch(r -> r.nodes().contains("18node3")),
                "18node3 runs nothing in the settled state");
        FailoverTracker tracker = new FailoverTracker();
        feed(tracker, null, run.settled(), T0);
        List<ClusterEvent> lost = StatusChanges.between(run.settled(), run.failed(), T1);
        assertTrue(lost.stream().anyMatch(e -> e.type() == EventType.NODE_LOST && "18node3".equals(e.node())), "" + lost);
        assertEquals(List.of(), tracker.update(run.failed(), lost, T1));
        assertEquals(List.of(), feed(tracker, run.failed(), run.reaction().after(), T2));
    }

    @Test
    void failoverThatNeverCompletesStaysOpenAndIsNotStartedTwice() throws Exception {
        Run run = nodeFails("bug-5186-partial-migrate", "bl460g1n6");
        FailoverTracker tracker = new FailoverTracker();
        feed(tracker, null, run.settled(), T0);
        assertEquals(1, feed(tracker, run.settled(), run.failed(), T1).size());
        // the same failed state seen again, and its node-lost trouble again: still open, no new start
        List<ClusterEvent> again = StatusChanges.between(run.settled(), run.failed(), T2);
        assertEquals(List.of(), tracker.update(run.failed(), again, T2));
        List<ClusterEvent> end = feed(tracker, run.failed(), run.reaction().after(), T2.plusSeconds(1));
        assertEquals(List.of(EventType.FAILOVER), end.stream().map(ClusterEvent::type).toList());
        assertEquals(8345L, end.get(0).durationMs(), "measured from the first trouble");
    }

    /** A failover of hundreds of resources names ten in its message and counts the rest. */
    @Test
    void aMessageNamesTenResourcesAndCountsTheRest() {
        assertEquals("a, b, c", FailoverTracker.named(List.of("a", "b", "c")));
        List<String> ten = new ArrayList<>();
        for (int i = 1; i <= FailoverTracker.NAMED; i++) {
            ten.add("r" + i);
        }
        assertEquals(String.join(", ", ten), FailoverTracker.named(ten));
        List<String> many = new ArrayList<>(ten);
        many.add("r11");
        many.add("r12");
        assertEquals("r1, r2, r3, r4, r5, r6, r7, r8, r9 and 3 more", FailoverTracker.named(many));
    }

    private static boolean isFenceDevice(ClusterStatus s, String id) {
        return s.resources().stream().filter(r -> r.id().equals(id)).map(Resource::agent)
                .anyMatch(a -> a.startsWith("stonith:"));
    }
}
