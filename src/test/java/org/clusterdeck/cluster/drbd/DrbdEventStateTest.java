package org.clusterdeck.cluster.drbd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.FormatException;
import org.junit.jupiter.api.Test;

/** Feeding a recorded events2 stream line by line, as the live monitor will. */
class DrbdEventStateTest {

    @Test
    void resyncProgressAppearsAndDisappearsWithTheStream() {
        String file = "drbd/drbd9/v9-d1-resync__vm1__drbdsetup_events2_timestamps_statistics_full_stream.txt";
        DrbdEventState state = new DrbdEventState(file);
        List<Double> progress = new ArrayList<>();
        List<String> replication = new ArrayList<>();
        for (String line : Corpus.read(file).lines().toList()) {
            DrbdEvent event = state.apply(line);
            assertNotNull(event.timestamp(), line);
            if (!state.initialStateComplete() || !event.object().equals("peer-device")) {
                continue;
            }
            DrbdPeerDevice p = state.snapshot().resources().get(0).connections().get(0).peerDevices().get(0);
            replication.add(p.replicationState());
            if (p.syncDonePercent() != null) {
                progress.add(p.syncDonePercent());
                assertEquals(event.fields().get("done"), String.format("%.2f", p.syncDonePercent()), line);
            }
        }
        assertTrue(replication.contains("SyncSource"), replication.toString());
        assertEquals("Established", replication.get(replication.size() - 1));
        assertTrue(progress.size() >= 3, progress.toString());
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1), "progress goes backwards: " + progress);
        }
        DrbdPeerDevice end = state.snapshot().resources().get(0).connections().get(0).peerDevices().get(0);
        assertNull(end.syncDonePercent());
        assertNull(end.etaSeconds());
        assertEquals(0L, end.outOfSyncKiB());
    }

    @Test
    void initialStateEndsWithExistsDash() {
        DrbdEventState state = new DrbdEventState("test");
        String dump = Corpus.read("drbd/drbd84/b-steady-writing__vm1__drbdsetup_events2_now_statistics.txt");
        List<String> lines = dump.lines().toList();
        for (String line : lines.subList(0, lines.size() - 1)) {
            state.apply(line);
            assertFalse(state.initialStateComplete());
        }
        assertTrue(state.apply(lines.get(lines.size() - 1)).isEndOfInitialState());
        assertTrue(state.initialStateComplete());
        assertNull(state.apply("   "));
    }

    @Test
    void destroyRemovesObjects() {
        DrbdEventState state = new DrbdEventState("test");
        String dump = Corpus.read("drbd/drbd9/v9-b-steady2__vm1__drbdsetup_events2_now_statistics.txt");
        dump.lines().forEach(state::apply);
        assertEquals(1, state.snapshot().resources().get(0).connections().size());
        state.apply("destroy peer-device name:r0 peer-node-id:1 conn-name:vm2 volume:0");
        state.apply("destroy connection name:r0 peer-node-id:1 conn-name:vm2");
        assertEquals(List.of(), state.snapshot().resources().get(0).connections());
        state.apply("destroy resource name:r0");
        assertEquals(List.of(), state.snapshot().resources());
    }

    @Test
    void badLineNamesItsNumber() {
        DrbdEventState state = new DrbdEventState("node1: drbdsetup events2");
        state.apply("exists resource name:r0 role:Primary");
        FormatException e = assertThrows(FormatException.class,
                () -> state.apply("change device name:r0 volume:zero minor:0 disk:UpToDate"));
        assertTrue(e.getMessage().startsWith("node1: drbdsetup events2: line 2: volume:zero"), e.getMessage());
        assertThrows(FormatException.class, () -> state.apply("frobnicate resource name:r0"));
        assertThrows(FormatException.class, () -> state.apply("change device volume:0 disk:UpToDate"));
    }
}
