package org.clusterdeck.app.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.drbd.DrbdConnection;
import org.clusterdeck.cluster.drbd.DrbdPeerDevice;
import org.clusterdeck.cluster.drbd.DrbdResource;
import org.clusterdeck.cluster.drbd.DrbdStatus;
import org.clusterdeck.cluster.drbd.DrbdStatusJsonParser;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.LocalProcessRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real {@code drbdsetup events2 --timestamps --statistics --full} streams from the corpus, played
 * by a real process that then stays running, as the tool does; the result is checked against what
 * {@code drbdsetup status --json} printed on the same node at the end of the same scenario.
 */
class DrbdEventsFollowerTest {
    private final Semaphore changes = new Semaphore(0);
    private final DrbdEventsFollower follower = new DrbdEventsFollower(changes::release);
    private final LocalProcessRunner node = new LocalProcessRunner("vm1");

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        follower.close();
    }

    private void play(Path stream) throws Exception {
        follower.start(node, Command.of("sh", "-c", "cat \"$1\"; exec sleep 600", "sh", stream.toString()));
    }

    private <T> T await(Supplier<T> what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        T value;
        while ((value = what.get()) == null && System.nanoTime() < deadline) {
            changes.tryAcquire(100, TimeUnit.MILLISECONDS);
        }
        return value;
    }

    private static DrbdStatus statusJson(String file) throws Exception {
        Path p = Corpus.path("drbd/drbd9/" + file);
        return new DrbdStatusJsonParser().parse(Files.readString(p), p.toString());
    }

    @Test
    void aSplitBrainStreamEndsStandAloneLikeStatusJsonAndKeepsTheHelperCall() throws Exception {
        play(Corpus.path("drbd/drbd9/v9-e2-split-brain__vm1__drbdsetup_events2_timestamps_statistics_full_stream.txt"));
        DrbdConnection streamed = await(() -> {
            DrbdStatus s = follower.snapshot();
            return s == null ? null : s.resources().get(0).connections().stream()
                    .filter(DrbdConnection::isStandAlone).findFirst().orElse(null);
        });
        assertNotNull(streamed, "StandAlone after the stream: " + follower.snapshot());
        assertTrue(streamed.splitBrainDetected(), "the split-brain helper call is kept");

        DrbdResource json = statusJson("v9-e2-split-brain-standalone__vm1__drbdsetup_status_json_verbose_statistics.txt")
                .resources().get(0);
        DrbdResource mine = follower.snapshot().resources().get(0);
        assertEquals(json.name(), mine.name());
        assertEquals(json.role(), mine.role());
        assertEquals(json.devices().get(0).diskState(), mine.devices().get(0).diskState());
        assertEquals(json.connections().get(0).peer(), streamed.peer());
        assertEquals(json.connections().get(0).connectionState(), streamed.connectionState());
        assertFalse(json.connections().get(0).splitBrainDetected(), "status --json cannot tell: only the stream can");
        assertTrue(follower.isOpen(), "the tool keeps running: so does the stream");
    }

    @Test
    void resyncProgressComesFromTheStreamAsItRuns() throws Exception {
        Path stream = Corpus.path("drbd/drbd9/v9-d1-resync__vm1__drbdsetup_events2_timestamps_statistics_full_stream.txt");
        // the stream up to the third progress line only: the resync is still running
        StringBuilder part = new StringBuilder();
        int progress = 0;
        for (String line : Files.readAllLines(stream)) {
            part.append(line).append('\n');
            if (line.contains(" done:") && ++progress == 3) {
                break;
            }
        }
        Path partial = Files.writeString(dir.resolve("partial.txt"), part);
        String expectedDone = part.toString().replaceAll("(?s).* done:([0-9.]+).*", "$1");
        play(partial);
        DrbdPeerDevice syncing = await(() -> {
            DrbdStatus s = follower.snapshot();
            if (s == null) {
                return null;
            }
            return s.resources().get(0).connections().stream().flatMap(c -> c.peerDevices().stream())
                    .filter(pd -> pd.syncDonePercent() != null
                            && pd.syncDonePercent() == Double.parseDouble(expectedDone))
                    .findFirst().orElse(null);
        });
        assertNotNull(syncing, "done:" + expectedDone + " seen while syncing: " + follower.snapshot());
        assertEquals("SyncSource", syncing.replicationState());
    }

    @Test
    void aLineThatIsNotEvents2EndsTheStreamWithTheReason() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.txt"), "exists -\nSegmentation fault (core dumped)\n");
        play(garbage);
        String problem = await(follower::problem);
        assertNotNull(problem);
        assertTrue(problem.contains("line 2") || problem.contains("Segmentation"), problem);
        assertNull(follower.snapshot(), "no longer a source");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (follower.isOpen() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(follower.isOpen(), "the tool was stopped");
    }

    /** A tool that prints without end and never a line end: stopped with the reason, its output not kept. */
    @Test
    void endlessOutputWithoutALineEndIsStoppedNotHeld() throws Exception {
        follower.start(node, Command.of("sh", "-c", "tr -d '\\n' < /dev/zero; exec sleep 600"));
        String problem = await(follower::problem);
        assertNotNull(problem);
        assertTrue(problem.contains("more than 64 KiB without a line end"), problem);
        assertNull(follower.snapshot());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (follower.isOpen() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(follower.isOpen(), "the tool was stopped");
    }

    @Test
    void aToolThatEndsIsNoSourceAndSaysHow() throws Exception {
        follower.start(node, Command.of("sh", "-c", "echo 'exists -'; echo 'no DRBD module' >&2; exit 20"));
        String problem = await(follower::problem);
        assertTrue(problem.contains("exit 20") && problem.contains("no DRBD module"), problem);
        assertNull(follower.snapshot());
    }
}
