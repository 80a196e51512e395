package org.clusterdeck.ui.drbd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.drbd.DrbdEventState;
import org.clusterdeck.cluster.drbd.DrbdStatus;
import org.clusterdeck.cluster.drbd.DrbdStatusReader;
import org.junit.jupiter.api.Test;

/**
 * The DRBD view model on real DRBD output (the corpus: two VMs, resource r0) through the
 * project's parsers. Expectations are read independently: drbdadm's one-word commands
 * ({@code role}, {@code dstate}, {@code cstate}) of the same snapshot, and the raw events2 lines.
 */
class DrbdViewModelTest {
    private static final Instant T = Instant.parse("2026-11-24T17:00:00Z");
    private static final Pattern FIELD = Pattern.compile("(\\S+):(\\S+)");

    private static DrbdStatus status(String file) {
        return DrbdStatusReader.parse(Corpus.read("drbd/" + file), file);
    }

    private static String word(String file) {
        return Corpus.read("drbd/" + file).strip();
    }

    /** The view model after one snapshot of both nodes in one format. */
    private static DrbdViewModel bothNodes(String snapshot, String command) {
        DrbdViewModel vm = new DrbdViewModel();
        vm.update(Map.of("vm1", status(snapshot + "vm1__" + command), "vm2", status(snapshot + "vm2__" + command)), T);
        return vm;
    }

    @Test
    void steadyPairIsOneRowWithBothSidesOwnStates() {
        String snap = "drbd9/v9-b-steady2__";
        DrbdViewModel vm = bothNodes(snap, "drbdsetup_status_json_verbose_statistics.txt");

        assertEquals(1, vm.rows().size(), "one row per resource, volume and pair: " + vm.rows());
        DrbdRow row = vm.rows().get(0);
        assertEquals("r0", row.resource());
        assertEquals(List.of("vm1", "vm2"), List.of(row.node(), row.peer()));
        assertEquals(word(snap + "vm1__drbdadm_role.txt"), row.role());
        assertEquals(word(snap + "vm2__drbdadm_role.txt"), row.peerRole());
        String[] disks = word(snap + "vm1__drbdadm_dstate.txt").split("/");
        assertEquals(List.of(disks[0], disks[1]), List.of(row.disk(), row.peerDisk()));
        assertEquals(word(snap + "vm1__drbdadm_cstate.txt"), row.connection());
        assertEquals(word(snap + "vm2__drbdadm_cstate.txt"), row.peerConnection());
        assertNull(row.sync());
        assertFalse(row.degraded());
        assertTrue(vm.alarms().isEmpty());
        assertEquals("", vm.messageProperty().get());
    }

    /**
     * A resync as vm1's events2 stream reports it: the stream folded line by line, the view model
     * updated at each line's timestamp. The speed history must hold exactly the stream's
     * {@code dbdt1} values (MiB/s, cut to KiB/s), then a zero when the resync ends.
     */
    @Test
    void resyncFromAnEvents2StreamGivesProgressAndTheSpeedHistory() {
        // speeds: the stream's dbdt1, and where a line has none the drop of out-of-sync per second
        String file = "drbd9/v9-d1-resync__vm1__drbdsetup_events2_timestamps_statistics_full_stream.txt";
        List<String> lines = Corpus.read("drbd/" + file).lines().toList();
        DrbdEventState state = new DrbdEventState(file);
        DrbdViewModel vm = new DrbdViewModel();
        List<Long> expected = new ArrayList<>();
        SyncProgress seen = null;
        Double lastDone = null;
        Long lastOos = null;
        Instant lastTime = null;
        for (String line : lines) {
            state.apply(line);
            Instant time = OffsetDateTime.parse(line.substring(0, line.indexOf(' '))).toInstant();
            Map<String, String> f = fields(line);
            if (!state.initialStateComplete() || !line.contains(" peer-device ")) {
                continue;
            }
            vm.update(Map.of("vm1", state.snapshot()), time);
            long oos = Long.parseLong(f.get("out-of-sync"));
            if (f.get("replication").startsWith("Sync") && !f.containsKey("dbdt1") && lastOos != null) {
                // the kernel stopped reporting the rate: the drop of out-of-sync since the last line
                double seconds = (time.toEpochMilli() - lastTime.toEpochMilli()) / 1000.0;
                expected.add(Math.round((lastOos - oos) / seconds));
            }
            lastOos = f.get("replication").startsWith("Sync") ? oos : null;
            lastTime = time;
            if (f.containsKey("dbdt1") && f.get("replication").startsWith("Sync")) {
                expected.add((long) Math.floor(Double.parseDouble(f.get("dbdt1")) * 1024));
                SyncProgress p = vm.rows().get(0).sync();
                assertNotNull(p, line);
                assertEquals(Double.valueOf(f.get("done")), p.donePercent(), line);
                assertEquals(f.get("replication"), p.state());
                lastDone = p.donePercent();
                seen = p;
            }
        }
        assertNotNull(seen, "the stream has a resync");
        assertEquals("vm1", seen.source(), "SyncSource sends");
        assertEquals("vm2", seen.target());
        assertTrue(lastDone > 90, "the last progress line is near the end: " + lastDone);
        expected.add(0L);
        assertEquals(expected, vm.selectedHistory().stream().map(SpeedSample::kiBps).toList());
        assertNull(vm.rows().get(0).sync(), "over at the end of the stream");
        assertEquals("UpToDate", vm.rows().get(0).peerDisk());
    }

    @Test
    void historyIsBounded() {
        DrbdStatus syncing = status("drbd9/v9-a2-sync-t20s__vm1__drbdsetup_status_json_verbose_statistics.txt");
        DrbdViewModel vm = new DrbdViewModel();
        for (int i = 0; i < DrbdViewModel.HISTORY + 30; i++) {
            vm.update(Map.of("vm1", syncing), T.plusSeconds(5L * i));
        }
        assertEquals(DrbdViewModel.HISTORY, vm.selectedHistory().size());
        assertEquals(T.plusSeconds(5L * (DrbdViewModel.HISTORY + 29)), vm.selectedHistory().get(
                DrbdViewModel.HISTORY - 1).time());
    }

    /** /proc/drbd gives speed; where a source gives none, the drop of out-of-sync per second stands in. */
    @Test
    void speedIsDerivedFromOutOfSyncWhenTheSourceHasNone() {
        // DRBD 8.4's drbdsetup status prints out-of-sync but no speed
        String a = "drbd84/a-sync-t21s__vm1__drbdsetup_status_verbose_statistics.txt";
        String b = "drbd84/a-sync-t25s__vm1__drbdsetup_status_verbose_statistics.txt";
        DrbdStatus first = status(a);
        DrbdStatus second = status(b);
        long oosA = oos(a);
        long oosB = oos(b);
        DrbdViewModel vm = new DrbdViewModel();
        vm.update(Map.of("vm1", first), T);
        assertNull(vm.rows().get(0).sync().speedKiBps(), "one status gives no speed");
        vm.update(Map.of("vm1", second), T.plusSeconds(4));
        assertEquals(Math.round((oosA - oosB) / 4.0), vm.rows().get(0).sync().speedKiBps());
    }

    /**
     * Both nodes of a pair report at their own times and the rows are rebuilt at each report: the
     * speed is the drop of this node's out-of-sync between its own reports, with no zero for the
     * peer's report in between (seen against the real DRBD lab as a 0/3/100 MiB/s sawtooth).
     */
    @Test
    void derivedSpeedIgnoresThePeersReportsInBetween() {
        String a = "drbd84/a-sync-t21s__vm1__drbdsetup_status_verbose_statistics.txt";
        String b = "drbd84/a-sync-t25s__vm1__drbdsetup_status_verbose_statistics.txt";
        DrbdStatus peer = status("drbd84/a-sync-t21s__vm2__drbdsetup_status_verbose_statistics.txt");
        DrbdViewModel vm = new DrbdViewModel();
        vm.update(Map.of("vm1", status(a), "vm2", peer), T);
        vm.update(Map.of("vm1", status(a), "vm2", peer), T.plusSeconds(2));
        vm.update(Map.of("vm1", status(b), "vm2", peer), T.plusSeconds(4));
        long expected = Math.round((oos(a) - oos(b)) / 4.0);
        assertEquals(expected, vm.rows().get(0).sync().speedKiBps());
        assertEquals(List.of(expected), vm.selectedHistory().stream().map(SpeedSample::kiBps).toList());
        vm.update(Map.of("vm1", status(b), "vm2", peer), T.plusSeconds(5));
        assertEquals(expected, vm.rows().get(0).sync().speedKiBps(), "shown until this node reports again");
    }

    private static long oos(String file) {
        Matcher m = Pattern.compile("out-of-sync:(\\d+)").matcher(Corpus.read("drbd/" + file));
        assertTrue(m.find(), file);
        return Long.parseLong(m.group(1));
    }

    @Test
    void standAloneAfterSplitBrainIsAnAlarmWithStepsAndNoVictimWhenBothArePrimary() {
        String snap = "drbd9/v9-e2-split-brain-standalone__";
        DrbdViewModel vm = bothNodes(snap, "drbdsetup_status_json.txt");
        assertEquals("StandAlone", word(snap + "vm1__drbdadm_cstate.txt"));
        assertEquals("StandAlone", word(snap + "vm2__drbdadm_cstate.txt"));
        assertEquals(List.of("Primary", "Primary"), List.of(word(snap + "vm1__drbdadm_role.txt"),
                word(snap + "vm2__drbdadm_role.txt")));

        assertEquals(1, vm.alarms().size());
        DrbdAlarm alarm = vm.alarms().get(0);
        assertEquals(DrbdAlarm.Kind.STANDALONE, alarm.kind(), "status --json cannot tell a split brain from a disconnect");
        assertEquals(List.of("vm1", "vm2"), alarm.nodes());
        assertNull(alarm.victim(), "both Primary: the admin decides");
        assertTrue(alarm.steps().contains("drbdadm connect --discard-my-data r0"));
        assertTrue(alarm.steps().contains("On <victim>"));
        assertTrue(vm.rows().get(0).degraded());

        vm.chooseVictim("r0", "vm2");
        DrbdAlarm chosen = vm.alarms().get(0);
        assertEquals("vm2", chosen.victim());
        assertFalse(chosen.suggested());
        assertTrue(chosen.steps().contains("On vm2 (the victim)"), chosen.steps());
        assertTrue(chosen.steps().contains("On vm1 (the survivor)"), chosen.steps());
    }

    @Test
    void splitBrainHandlerInTheEvents2StreamMakesItASplitBrain() {
        String file = "drbd9/v9-e2-split-brain__vm1__drbdsetup_events2_timestamps_statistics_full_stream.txt";
        String text = Corpus.read("drbd/" + file);
        assertTrue(text.contains("helper:split-brain"), "DRBD called its split-brain helper");
        DrbdViewModel vm = new DrbdViewModel();
        vm.update(Map.of("vm1", DrbdStatusReader.parse(text, file)), T);
        assertEquals(List.of(DrbdAlarm.Kind.SPLIT_BRAIN), vm.alarms().stream().map(DrbdAlarm::kind).toList());
        assertTrue(vm.alarms().get(0).steps().startsWith("DRBD found a split brain"));
    }

    /** DRBD 8.4: /proc/drbd names no resource or peer; a disconnect left vm2 StandAlone, vm1 Primary. */
    @Test
    void procDrbdStandAloneSuggestsTheSecondaryAsVictim() {
        String snap = "drbd84/c3a-peer-disconnected__";
        DrbdViewModel vm = bothNodes(snap, "proc_drbd.txt");
        assertEquals("StandAlone", word(snap + "vm2__drbdadm_cstate.txt"));
        assertEquals("Secondary", word(snap + "vm2__drbdadm_role.txt").split("/")[0]);
        assertEquals(1, vm.rows().size(), vm.rows().toString());
        DrbdRow row = vm.rows().get(0);
        // 8.4's WFConnection is DRBD 9's Connecting (design.md's mapping)
        assertEquals("WFConnection", word(snap + "vm1__drbdadm_cstate.txt"));
        assertEquals("Connecting", row.connection());
        assertEquals("StandAlone", row.peerConnection());

        DrbdAlarm alarm = vm.alarms().get(0);
        assertEquals(List.of("vm2"), List.of(alarm.title().substring(alarm.title().lastIndexOf(' ') + 1)));
        assertEquals("vm2", alarm.victim());
        assertTrue(alarm.suggested());
        assertTrue(alarm.steps().contains("drbdadm secondary <resource>"), "no name in /proc/drbd: the admin fills it in");
    }

    @Test
    void nodesWithoutDrbdSayWhy() {
        DrbdViewModel vm = new DrbdViewModel();
        vm.update(Map.of("vm1", status("drbd9/v9-0-unconfigured__vm1__drbdsetup_status_json.txt")), T);
        assertTrue(vm.rows().isEmpty());
        assertEquals("No DRBD resource is configured on vm1.", vm.messageProperty().get());
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> out = new java.util.HashMap<>();
        Matcher m = FIELD.matcher(line);
        while (m.find()) {
            out.putIfAbsent(m.group(1), m.group(2));
        }
        return out;
    }
}
