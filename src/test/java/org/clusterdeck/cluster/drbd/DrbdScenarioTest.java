package org.clusterdeck.cluster.drbd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clusterdeck.Corpus;
import org.junit.jupiter.api.Test;

/** The scenarios of the corpus, each value checked against the raw text by a regex of its own. */
class DrbdScenarioTest {

    private static DrbdStatus read(String relative) {
        return DrbdStatusReader.parse(Corpus.read(relative), relative);
    }

    private static DrbdPeerDevice firstPeerDevice(DrbdStatus s) {
        return s.resources().get(0).connections().get(0).peerDevices().get(0);
    }

    private static String group(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex);
        return m.group(1);
    }

    @Test
    void midSyncJsonSerializesToTheContractExample() throws Exception {
        // the snapshot design.md's example was taken from: same numbers, same shape
        DrbdStatus s = read("drbd/drbd9/v9-a2-sync-t11s__vm1__drbdsetup_status_json_verbose_statistics.txt");
        assertEquals("{\"resources\":[{\"name\":\"r0\",\"role\":\"Primary\",\"devices\":[{\"volume\":0,\"minor\":0,"
                + "\"diskState\":\"UpToDate\"}],\"connections\":[{\"peer\":\"vm2\",\"connectionState\":\"Connected\","
                + "\"peerRole\":\"Secondary\",\"peerDevices\":[{\"volume\":0,\"replicationState\":\"SyncSource\","
                + "\"peerDiskState\":\"Inconsistent\",\"outOfSyncKiB\":108760,\"syncDonePercent\":17.0,"
                + "\"speedKiBps\":1986,\"etaSeconds\":55}]}]}]}", new ObjectMapper().writeValueAsString(s));
        assertEquals(DrbdSourceFormat.STATUS_JSON, s.format());
        assertTrue(firstPeerDevice(s).isResyncing());
        assertFalse(firstPeerDevice(s).isVerifying());
    }

    @Test
    void midSyncProcDrbdNumbersMatchTheRawText() {
        for (Path file : DrbdCorpusFiles.PROC.files()) {
            String raw = Corpus.read(file);
            if (!raw.contains("sync'ed:")) {
                continue;
            }
            DrbdPeerDevice p = firstPeerDevice(DrbdCorpusFiles.PROC.parse(file));
            String name = DrbdCorpusFiles.name(file);
            assertEquals(Double.parseDouble(group("sync'ed: *([0-9.]+)%", raw)), p.syncDonePercent(), name);
            long speed = Long.parseLong(group("speed: ([0-9,]+)", raw).replace(",", ""));
            assertEquals(speed, p.speedKiBps(), name);
            String[] hms = group("finish: ([0-9:]+)", raw).split(":");
            // at speed 0 the finish printed is no estimate (see the test below)
            assertEquals(speed == 0 ? null : Long.parseLong(hms[0]) * 3600 + Long.parseLong(hms[1]) * 60
                    + Long.parseLong(hms[2]), p.etaSeconds(), name);
            assertEquals(Long.parseLong(group("oos:([0-9]+)", raw)), p.outOfSyncKiB(), name);
            assertTrue(p.isResyncing(), name);
        }
    }

    /**
     * The first /proc/drbd of a resync: nothing done yet, speed 0, and a finish time all the same.
     * That time is the blocks left (4 KiB each, from the line's (left/total)K) over 100, what
     * drbd_proc.c's rs_left / (db/100 + 1) * dt / 100 gives with db = 0 and dt = 1: no estimate,
     * so no time left is given (DRBD 9's drbdsetup prints eta:nan there).
     */
    @Test
    void atTheFirstReadOfAResyncProcDrbdsFinishIsNoEstimateAndNoTimeLeftIsGiven() {
        for (String file : List.of("drbd/drbd84/a-sync-t00s__vm1__proc_drbd.txt",
                "drbd/drbd84/d2-resync-after-crash-t00s__vm1__proc_drbd.txt")) {
            String raw = Corpus.read(file);
            assertEquals("0 (0)", group("speed: ([0-9,]+ \\([0-9,]+\\))", raw), file);
            long leftKiB = Long.parseLong(group("\\(([0-9]+)/[0-9]+\\)K", raw));
            assertEquals(Long.parseLong(group("\\([0-9]+/([0-9]+)\\)K", raw)), leftKiB, "nothing done yet: " + file);
            String[] hms = group("finish: ([0-9:]+)", raw).split(":");
            assertEquals(leftKiB / 4 / 100, Long.parseLong(hms[0]) * 3600 + Long.parseLong(hms[1]) * 60
                    + Long.parseLong(hms[2]), file);

            DrbdPeerDevice p = firstPeerDevice(read(file));
            assertTrue(p.isResyncing(), file);
            assertEquals(0L, p.speedKiBps(), file);
            assertNull(p.etaSeconds(), file);
        }
    }

    @Test
    void midSyncEvents2AndTextNumbersMatchTheRawText() {
        int checked = 0;
        for (DrbdCorpusFiles kind : List.of(DrbdCorpusFiles.EVENTS2, DrbdCorpusFiles.STATUS_TEXT)) {
            for (Path file : kind.files()) {
                String raw = Corpus.read(file);
                if (!raw.contains(" eta:")) {
                    continue;
                }
                DrbdPeerDevice p = firstPeerDevice(kind.parse(file));
                String name = DrbdCorpusFiles.name(file);
                assertEquals(Double.parseDouble(group(" done:([0-9.]+)", raw)), p.syncDonePercent(), name);
                assertEquals(Long.parseLong(group("out-of-sync:([0-9]+)", raw)), p.outOfSyncKiB(), name);
                assertEquals((long) Math.floor(Double.parseDouble(group("dbdt1:([0-9.]+)", raw)) * 1024),
                        p.speedKiBps(), name);
                assertEquals(Long.parseLong(group("eta:([0-9]+)", raw)), p.etaSeconds(), name);
                checked++;
            }
        }
        assertTrue(checked > 50, "checked " + checked);
    }

    @Test
    void outOfSyncIsKiBInEveryFormatOfAFullSync() {
        // rs-total is in sectors: at the start of a full sync it is twice the device size in KiB
        String json = Corpus.read("drbd/drbd9/v9-a2-sync-t11s__vm1__drbdsetup_status_json_verbose_statistics.txt");
        long rsTotalSectors = Long.parseLong(group("\"rs-total\": ([0-9]+)", json));
        long sizeKiB = Long.parseLong(group("\"size\": ([0-9]+)", json));
        assertEquals(sizeKiB * 2, rsTotalSectors);
        DrbdPeerDevice p = firstPeerDevice(read("drbd/drbd84/a-sync-t00s__vm1__proc_drbd.txt"));
        assertTrue(p.outOfSyncKiB() <= sizeKiB && p.outOfSyncKiB() > sizeKiB * 9 / 10, "" + p.outOfSyncKiB());
    }

    @Test
    void peerDownIsConnectingWithUnknownPeer() {
        for (String file : List.of("drbd/drbd84/c2-peer-crash-t22s__vm1__proc_drbd.txt",
                "drbd/drbd84/c2-peer-crash-t22s__vm1__drbdsetup_events2_now_statistics.txt",
                "drbd/drbd9/v9-c2-peer-crash-t25s__vm1__drbdsetup_status_json_verbose_statistics.txt")) {
            DrbdConnection c = read(file).resources().get(0).connections().get(0);
            assertEquals("Connecting", c.connectionState(), file);
            assertEquals("Unknown", c.peerRole(), file);
            assertEquals("Off", c.peerDevices().get(0).replicationState(), file);
            assertEquals("DUnknown", c.peerDevices().get(0).peerDiskState(), file);
            assertFalse(c.isStandAlone(), file);
        }
        // short text: no role and no peer device while not connected
        DrbdConnection text = read("drbd/drbd84/c2-peer-crash-t22s__vm1__drbdadm_status.txt")
                .resources().get(0).connections().get(0);
        assertEquals("Connecting", text.connectionState());
        assertNull(text.peerRole());
        assertEquals(List.of(), text.peerDevices());
    }

    @Test
    void splitBrainStandAlone() {
        DrbdStatus proc = read("drbd/drbd84/e2-split-brain-standalone__vm1__proc_drbd.txt");
        DrbdConnection c = proc.resources().get(0).connections().get(0);
        assertTrue(c.isStandAlone());
        assertEquals("Off", c.peerDevices().get(0).replicationState());
        assertEquals(6192L, c.peerDevices().get(0).outOfSyncKiB());
        assertNull(c.peer());
        assertNull(proc.resources().get(0).name());
        assertEquals(0, proc.resources().get(0).devices().get(0).minor());

        DrbdConnection v9 = read("drbd/drbd9/v9-e2-split-brain-standalone__vm1__drbdadm_status.txt")
                .resources().get(0).connections().get(0);
        assertEquals("vm2", v9.peer());
        assertTrue(v9.isStandAlone());
    }

    @Test
    void splitBrainIsDetectedInTheEventsStream() {
        String file = "drbd/drbd9/v9-e2-split-brain__vm1__drbdsetup_events2_timestamps_statistics_full_stream.txt";
        String raw = Corpus.read(file);
        assertTrue(raw.contains("helper:split-brain"));
        DrbdConnection c = read(file).resources().get(0).connections().get(0);
        assertTrue(c.isStandAlone());
        assertTrue(c.splitBrainDetected());
        // a plain snapshot cannot know why the connection is StandAlone
        assertFalse(read("drbd/drbd9/v9-e2-split-brain-standalone__vm1__drbdsetup_events2_now_statistics.txt")
                .resources().get(0).connections().get(0).splitBrainDetected());
    }

    @Test
    void detachedPrimaryIsDiskless() {
        for (String file : List.of("drbd/drbd84/g3-primary-detached-diskless__vm1__proc_drbd.txt",
                "drbd/drbd84/g3-primary-detached-diskless__vm1__drbdadm_status.txt",
                "drbd/drbd9/v9-g3-primary-detached-diskless__vm1__drbdsetup_status_json_verbose_statistics.txt",
                "drbd/drbd9/v9-g3-primary-detached-diskless__vm1__drbdsetup_events2_now_statistics_full.txt")) {
            DrbdResource r = read(file).resources().get(0);
            assertEquals("Primary", r.role(), file);
            assertTrue(r.devices().get(0).isDiskless(), file);
            assertEquals("UpToDate", r.connections().get(0).peerDevices().get(0).peerDiskState(), file);
        }
        DrbdPeerDevice seenFromPeer = firstPeerDevice(
                read("drbd/drbd9/v9-g3-primary-detached-diskless__vm2__drbdadm_status.txt"));
        assertEquals("Diskless", seenFromPeer.peerDiskState());
        assertEquals(0, seenFromPeer.volume());
    }

    @Test
    void unconfiguredIsAnEmptyListInEveryFormat() {
        DrbdStatus proc84 = read("drbd/drbd84/0-unconfigured__vm1__proc_drbd.txt");
        assertEquals(List.of(), proc84.resources());
        assertEquals("8.4.11", proc84.drbdVersion());
        DrbdStatus proc9 = read("drbd/drbd9/v9-0-unconfigured__vm1__proc_drbd.txt");
        assertEquals(List.of(), proc9.resources());
        assertEquals("9.2.16", proc9.drbdVersion());
        for (String file : List.of("drbd/drbd9/v9-0-unconfigured__vm1__drbdsetup_status_json.txt",
                "drbd/drbd9/v9-0-unconfigured__vm1__drbdadm_status.txt",
                "drbd/drbd84/0-unconfigured__vm1__drbdsetup_events2_now_statistics.txt")) {
            assertEquals(List.of(), read(file).resources(), file);
        }
    }

    @Test
    void unconfiguredMinorOfProcDrbdIsLeftOut() {
        // a real capture: r0 was taken down after the peer-down scenario
        String file = Corpus.files("drbd/drbd84", "__proc_drbd.txt").stream()
                .filter(f -> Corpus.read(f).contains("cs:Unconfigured")).findFirst().orElseThrow().toString();
        assertEquals(List.of(), DrbdStatusReader.parse(Corpus.read(Path.of(file)), file).resources());
    }

    @Test
    void legacyStateWordsSplitAsDrbdUtilsDoes() {
        assertEquals(new LegacyConnectionState("Connected", "SyncSource"), LegacyConnectionState.of("SyncSource"));
        assertEquals(new LegacyConnectionState("Connected", "Established"), LegacyConnectionState.of("Connected"));
        assertEquals(new LegacyConnectionState("Connecting", "Off"), LegacyConnectionState.of("WFConnection"));
        assertEquals(new LegacyConnectionState("Connected", "Off"), LegacyConnectionState.of("WFReportParams"));
        assertEquals(new LegacyConnectionState("StandAlone", "Off"), LegacyConnectionState.of("StandAlone"));
        for (String s : List.of("Disconnecting", "Unconnected", "Timeout", "BrokenPipe", "NetworkFailure",
                "ProtocolError", "TearDown")) {
            assertEquals(new LegacyConnectionState(s, "Off"), LegacyConnectionState.of(s));
        }
        for (String s : List.of("StartingSyncS", "StartingSyncT", "WFBitMapS", "WFBitMapT", "WFSyncUUID",
                "SyncTarget", "VerifyS", "VerifyT", "PausedSyncS", "PausedSyncT", "Ahead", "Behind")) {
            assertEquals(new LegacyConnectionState("Connected", s), LegacyConnectionState.of(s));
        }
    }
}
