package org.clusterdeck.cluster.drbd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clusterdeck.Corpus;
import org.junit.jupiter.api.Test;

/**
 * DRBD 8.4's events2 during a resync, completed from /proc/drbd of the same corpus snapshot. The
 * expected numbers are read from the raw /proc/drbd text by regex, not by the parser.
 */
class ProcDrbdProgressTest {
    private static final Pattern CS = Pattern.compile(" 0: cs:(\\S+) ");
    private static final Pattern SYNCED = Pattern.compile("sync'ed:\\s*([\\d.]+)%");
    private static final Pattern FINISH = Pattern.compile("finish: (\\d+):(\\d+):(\\d+) speed: ([\\d,]+) ");
    private static final Pattern OOS = Pattern.compile("out-of-sync:(\\d+)");

    @Test
    void eightFourResyncGetsPercentSpeedAndTimeLeftFromProcDrbd() {
        List<Path> events = Corpus.files("drbd/drbd84", "__drbdsetup_events2_now_statistics.txt").stream()
                .filter(f -> f.getFileName().toString().startsWith("a-sync-t")).toList();
        assertTrue(events.size() >= 40, "initial sync snapshots of both nodes: " + events.size());
        int filled = 0;
        int zeroSpeeds = 0;
        for (Path e : events) {
            Path proc = e.resolveSibling(e.getFileName().toString().replace("__drbdsetup_events2_now_statistics.txt",
                    "__proc_drbd.txt"));
            if (!Files.exists(proc)) {
                continue;
            }
            String procText = Corpus.read(proc);
            String eventsText = Corpus.read(e);
            DrbdStatus named = new DrbdEvents2Parser().parse(eventsText, e.toString());
            DrbdStatus merged = ProcDrbdProgress.fillIn(named, new ProcDrbdParser().parse(procText, proc.toString()));
            DrbdPeerDevice before = named.resources().get(0).connections().get(0).peerDevices().get(0);
            DrbdPeerDevice after = merged.resources().get(0).connections().get(0).peerDevices().get(0);
            assertEquals("r0", merged.resources().get(0).name(), e.toString());
            assertEquals(before.replicationState(), after.replicationState());
            Matcher oos = OOS.matcher(eventsText);
            assertTrue(oos.find(), e.toString());
            assertEquals(Long.parseLong(oos.group(1)), after.outOfSyncKiB(), "the named source's own amount stays");
            if (!before.isSyncing()) {
                assertFalse(ProcDrbdProgress.lacksProgress(named));
                assertEquals(before, after, e.toString());
                continue;
            }
            assertTrue(ProcDrbdProgress.lacksProgress(named), "8.4's events2 has no resync progress: " + e);
            assertNull(before.syncDonePercent());
            Matcher cs = CS.matcher(procText);
            assertTrue(cs.find(), proc.toString());
            Matcher synced = SYNCED.matcher(procText);
            Matcher finish = FINISH.matcher(procText);
            if (!cs.group(1).equals(before.replicationState()) || !synced.find() || !finish.find()) {
                // the resync ended (or had not begun) between the two reads: nothing is carried over
                assertEquals(before, after, e.toString());
                continue;
            }
            assertEquals(Double.parseDouble(synced.group(1)), after.syncDonePercent(), 1e-9, proc.toString());
            long speed = Long.parseLong(finish.group(4).replace(",", ""));
            assertEquals(speed, after.speedKiBps(), proc.toString());
            // at speed 0 (a resync's first read) the finish printed is no estimate: no time left
            assertEquals(speed == 0 ? null : Long.parseLong(finish.group(1)) * 3600
                    + Long.parseLong(finish.group(2)) * 60 + Long.parseLong(finish.group(3)), after.etaSeconds(),
                    proc.toString());
            zeroSpeeds += speed == 0 ? 1 : 0;
            filled++;
        }
        assertTrue(filled >= 40, "snapshots completed from /proc/drbd: " + filled);
        assertEquals(1, zeroSpeeds, "the first snapshot of the sync, with nothing done yet");
    }

    /**
     * Speed and time left are one reading: a named source that gives a speed keeps its own time
     * left (none here), rather than getting /proc/drbd's, which goes with another speed.
     */
    @Test
    void speedAndTimeLeftAreTakenTogetherFromOneSource() {
        String stem = "drbd/drbd84/a-sync-t12s__vm1__";
        DrbdStatus named = new DrbdEvents2Parser().parse(Corpus.read(stem + "drbdsetup_events2_now_statistics.txt"), "e");
        DrbdStatus proc = new ProcDrbdParser().parse(Corpus.read(stem + "proc_drbd.txt"), "p");
        DrbdPeerDevice fromProc = proc.resources().get(0).connections().get(0).peerDevices().get(0);
        assertEquals(2100L, fromProc.speedKiBps());
        assertEquals(51L, fromProc.etaSeconds());
        DrbdResource r = named.resources().get(0);
        DrbdConnection c = r.connections().get(0);
        DrbdPeerDevice p = c.peerDevices().get(0);
        DrbdPeerDevice withSpeed = new DrbdPeerDevice(p.volume(), p.replicationState(), p.peerDiskState(),
                p.outOfSyncKiB(), null, 1500L, null, p.resyncSuspended(), p.stalled());
        DrbdStatus ownSpeed = new DrbdStatus(List.of(new DrbdResource(r.name(), r.role(), r.devices(),
                List.of(new DrbdConnection(c.peer(), c.connectionState(), c.peerRole(), List.of(withSpeed),
                        c.splitBrainDetected())))), named.format(), named.drbdVersion());

        DrbdPeerDevice merged = ProcDrbdProgress.fillIn(ownSpeed, proc).resources().get(0).connections().get(0)
                .peerDevices().get(0);
        assertEquals(1500L, merged.speedKiBps());
        assertNull(merged.etaSeconds(), "not /proc/drbd's 51 s, estimated at 2100 KiB/s");
        assertEquals(fromProc.syncDonePercent(), merged.syncDonePercent());
        DrbdPeerDevice bothFromProc = ProcDrbdProgress.fillIn(named, proc).resources().get(0).connections().get(0)
                .peerDevices().get(0);
        assertEquals(List.of(2100L, 51L), List.of(bothFromProc.speedKiBps(), bothFromProc.etaSeconds()));
    }

    @Test
    void aProcDrbdOfAnotherMinorOrStateAddsNothing() {
        String stem = "drbd/drbd84/a-sync-t12s__vm1__";
        DrbdStatus named = new DrbdEvents2Parser().parse(Corpus.read(stem + "drbdsetup_events2_now_statistics.txt"), "e");
        DrbdStatus steady = new ProcDrbdParser().parse(Corpus.read("drbd/drbd84/b-steady-writing__vm1__proc_drbd.txt"), "p");
        assertEquals(named.resources(), ProcDrbdProgress.fillIn(named, steady).resources());
        String otherMinor = Corpus.read(stem + "proc_drbd.txt").replace(" 0: cs:", " 7: cs:");
        assertEquals(named.resources(),
                ProcDrbdProgress.fillIn(named, new ProcDrbdParser().parse(otherMinor, "p")).resources());
    }
}
