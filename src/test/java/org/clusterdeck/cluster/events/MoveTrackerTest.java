package org.clusterdeck.cluster.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.LocalProcessRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A move seen through a view in between, on states the real tools made: bug-5186-partial-migrate
 * settled by crm_simulate (prmDummy on bl460g1n6), then prmDummy stopped (target-role), then
 * started again with bl460g1n6 in standby or not, each settled by crm_simulate.
 */
class MoveTrackerTest {
    private static final Instant T = Instant.parse("2026-11-24T12:00:00Z");
    private static final LocalProcessRunner RUNNER = new LocalProcessRunner("local");

    @TempDir
    Path tmp;
    private ClusterStatus running;
    private ClusterStatus stopped;
    private Path stoppedCib;

    @BeforeEach
    void stopPrmDummy() throws Exception {
        Path settled = tmp.resolve("settled.xml");
        assertEquals(0, Simulation.run(Corpus.path("pacemaker/cib/bug-5186-partial-migrate.xml"), settled, "-S").exitCode());
        running = Simulation.read(settled);
        stoppedCib = settle(settled, "stopped.xml", "crm_resource", "--resource", "prmDummy", "--meta",
                "--set-parameter", "target-role", "--parameter-value", "Stopped");
        stopped = Simulation.read(stoppedCib);
    }

    /** A copy of {@code cib} changed by one tool (CIB_file), then settled by crm_simulate. */
    private Path settle(Path cib, String name, String... change) throws Exception {
        Path copy = Files.copy(cib, tmp.resolve("changed-" + name));
        Command c = Command.of(change).withEnv("CIB_file", copy.toString());
        assertTrue(RUNNER.run(c).ok(), c.display());
        Path out = tmp.resolve(name);
        assertEquals(0, Simulation.run(copy, out, "-S").exitCode());
        return out;
    }

    private static List<ClusterEvent> about(String id, List<ClusterEvent> events) {
        return events.stream().filter(e -> id.equals(e.resource())).toList();
    }

    private static List<EventType> types(List<ClusterEvent> events) {
        return events.stream().map(ClusterEvent::type).toList();
    }

    @Test
    void aStopAndALaterStartOnAnotherNodeIsOneMove() throws Exception {
        Path standby = settle(stoppedCib, "standby.xml", "crm_attribute", "--node", "bl460g1n6", "--name", "standby",
                "--update", "on");
        Path started = settle(standby, "started.xml", "crm_resource", "--resource", "prmDummy", "--meta",
                "--set-parameter", "target-role", "--parameter-value", "Started");
        ClusterStatus elsewhere = Simulation.read(started);
        MoveTracker tracker = new MoveTracker();

        List<ClusterEvent> stop = about("prmDummy", tracker.apply(StatusChanges.between(running, stopped, T)));
        assertEquals(List.of(EventType.RESOURCE_STOPPED), types(stop));
        assertEquals("bl460g1n6", stop.get(0).node());

        List<ClusterEvent> plain = about("prmDummy", StatusChanges.between(stopped, elsewhere, T.plusSeconds(1)));
        assertEquals(List.of(EventType.RESOURCE_STARTED), types(plain), "alone, the two views show a start");
        String to = plain.get(0).node();
        assertEquals("bl460g1n8", to, "the only other node");

        List<ClusterEvent> move = about("prmDummy", tracker.apply(StatusChanges.between(stopped, elsewhere, T.plusSeconds(1))));
        assertEquals(List.of(EventType.RESOURCE_MOVED), types(move));
        assertEquals("bl460g1n6", move.get(0).from());
        assertEquals(to, move.get(0).to());
        assertEquals(to, move.get(0).node());
        assertEquals(T.plusSeconds(1), move.get(0).time());
    }

    @Test
    void aStartWhereItStoppedIsARestart() throws Exception {
        Path started = settle(stoppedCib, "started.xml", "crm_resource", "--resource", "prmDummy", "--meta",
                "--set-parameter", "target-role", "--parameter-value", "Started");
        MoveTracker tracker = new MoveTracker();
        tracker.apply(StatusChanges.between(running, stopped, T));
        List<ClusterEvent> start = about("prmDummy",
                tracker.apply(StatusChanges.between(stopped, Simulation.read(started), T.plusSeconds(1))));
        assertEquals(List.of(EventType.RESOURCE_STARTED), types(start));
        assertEquals("bl460g1n6", start.get(0).node());
    }
}
