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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.checks.DrbdAlarm;
import org.clusterdeck.cluster.drbd.DrbdConnection;
import org.clusterdeck.cluster.drbd.DrbdDevice;
import org.clusterdeck.cluster.drbd.DrbdEventState;
import org.clusterdeck.cluster.drbd.DrbdPeerDevice;
import org.clusterdeck.cluster.drbd.DrbdResource;
import org.clusterdeck.cluster.drbd.DrbdSourceFormat;
import org.clusterdeck.cluster.drbd.DrbdStatus;
import org.clusterdeck.cluster.drbd.DrbdStatusReader;
import org.clusterdeck.cluster.drbd.ProcDrbdProgress;
import org.clusterdeck.ui.Feed;
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

    /**
     * The first read of a resync as the monitor makes it on DRBD 8.4 (events2, completed from
     * /proc/drbd): nothing done, speed 0. The row shows the speed and no time left; /proc/drbd's
     * finish there (5:27) is no estimate. The lab's monitor once showed "1.6 %, 0 KiB/s, 10:55 left".
     */
    @Test
    void theFirstReadOfAResyncShowsSpeedZeroWithoutATimeLeft() {
        String stem = "drbd84/a-sync-t00s__vm1__";
        DrbdStatus filled = ProcDrbdProgress.fillIn(status(stem + "drbdsetup_events2_now_statistics.txt"),
                status(stem + "proc_drbd.txt"));
        DrbdViewModel vm = new DrbdViewModel();
        vm.update(Map.of("vm1", filled), T);
        SyncProgress p = vm.rows().get(0).sync();
        assertEquals(0L, p.speedKiBps());
        assertNull(p.etaSeconds());
        assertEquals("3.2 %, 0 KiB/s", p.shortText());
    }

    /**
     * A speed derived from the out-of-sync amount that rounds to 0 (2 KiB in 5 s) does not stand
     * next to the time left a source gives: the two would say different things.
     */
    @Test
    void aDerivedSpeedOfZeroIsShownWithoutTheSourcesTimeLeft() {
        DrbdViewModel vm = new DrbdViewModel();
        vm.update(Map.of("vm1", syncingWithoutSpeed(100_000L, 40L)), T);
        vm.update(Map.of("vm1", syncingWithoutSpeed(99_998L, 40L)), T.plusSeconds(5));
        assertEquals(0L, vm.rows().get(0).sync().speedKiBps());
        assertNull(vm.rows().get(0).sync().etaSeconds());
        vm.update(Map.of("vm1", syncingWithoutSpeed(89_998L, 38L)), T.plusSeconds(10));
        assertEquals(2000L, vm.rows().get(0).sync().speedKiBps());
        assertEquals(38L, vm.rows().get(0).sync().etaSeconds(), "the source's, next to a speed that moves");
    }

    /** vm1 Primary, resyncing to vm2, as a source that gives a time left but no speed. */
    private static DrbdStatus syncingWithoutSpeed(long outOfSyncKiB, long etaSeconds) {
        DrbdPeerDevice p = new DrbdPeerDevice(0, "SyncSource", "Inconsistent", outOfSyncKiB, 50.0, null, etaSeconds,
                "no", false);
        return new DrbdStatus(List.of(new DrbdResource("r0", "Primary", List.of(new DrbdDevice(0, 0, "UpToDate")),
                List.of(new DrbdConnection("vm2", "Connected", "Secondary", List.of(p), false)))),
                DrbdSourceFormat.STATUS_TEXT, "9.2.16");
    }

    private static long oos(String file) {
        Matcher m = Pattern.compile("out-of-sync:(\\d+)").matcher(Corpus.read("drbd/" + file));
        assertTrue(m.find(), file);
        return Long.parseLong(m.group(1));
    }

    /**
     * DRBD 9, both nodes Primary and StandAlone after the split brain, read from status --json.
     * The connection names the commands must carry are read independently from drbdadm status of
     * the same snapshot, the out-of-sync counts from the JSON text itself.
     */
    @Test
    void twoPrimariesWithoutConnectionAreASplitBrainWithDrbd9PerPeerCommands() {
        String snap = "drbd9/v9-e2-split-brain-standalone__";
        DrbdViewModel vm = bothNodes(snap, "drbdsetup_status_json.txt");
        assertEquals("StandAlone", word(snap + "vm1__drbdadm_cstate.txt"));
        assertEquals("StandAlone", word(snap + "vm2__drbdadm_cstate.txt"));
        assertEquals(List.of("Primary", "Primary"), List.of(word(snap + "vm1__drbdadm_role.txt"),
                word(snap + "vm2__drbdadm_role.txt")));

        assertEquals(1, vm.alarms().size());
        DrbdAlarm alarm = vm.alarms().get(0);
        assertEquals(DrbdAlarm.Kind.DIVERGED, alarm.kind(), "two Primaries apart: the data has split");
        assertEquals(List.of("vm1", "vm2"), alarm.nodes());
        assertNull(alarm.victim(), "both Primary: the admin decides");
        assertTrue(alarm.steps().contains("On <victim> (the victim)"), alarm.steps());
        assertFalse(alarm.steps().matches("(?s).*--discard-my-data r0:vm.*"), "no node is named before the choice");
        assertTrue(vm.rows().get(0).degraded());

        vm.chooseVictim("r0", "vm2");
        DrbdAlarm chosen = vm.alarms().get(0);
        assertEquals("vm2", chosen.victim());
        assertFalse(chosen.suggested());
        String steps = chosen.steps();
        String victimToSurvivor = connectionName(snap + "vm2__drbdadm_status.txt");
        String survivorToVictim = connectionName(snap + "vm1__drbdadm_status.txt");
        String victimPart = between(steps, "On vm2 (the victim)", "On vm1 (the survivor)");
        String survivorPart = between(steps, "On vm1 (the survivor)", "Watch the resync");
        assertTrue(victimPart.contains("\n     drbdadm secondary r0\n"), victimPart);
        assertTrue(victimPart.contains("\n     drbdadm connect --discard-my-data r0:" + victimToSurvivor + "\n"),
                victimPart);
        assertFalse(victimPart.contains("drbdadm disconnect"), "already StandAlone: " + victimPart);
        assertTrue(survivorPart.contains("\n     drbdadm connect r0:" + survivorToVictim + "\n"), survivorPart);
        assertEquals(1, count(steps, "--discard-my-data r0"), "discarding is the victim's step only");
        assertPacemakerKeptOutAndFenceConstraintLast(steps, "r0");
        Matcher oos = Pattern.compile("\"out-of-sync\"\\s*:\\s*(\\d+)").matcher(
                Corpus.read("drbd/" + snap + "vm1__drbdsetup_status_json.txt"));
        assertTrue(oos.find());
        assertTrue(steps.contains("vm1 " + oos.group(1) + " KiB"), steps);
    }

    /** The DRBD handler calls from both nodes' streams make it a split brain DRBD itself found. */
    @Test
    void splitBrainHandlerInTheEvents2StreamMakesItASplitBrain() {
        String sb = "drbd9/v9-e2-split-brain__";
        String command = "drbdsetup_events2_timestamps_statistics_full_stream.txt";
        String text = Corpus.read("drbd/" + sb + "vm1__" + command);
        assertTrue(text.contains("helper:split-brain"), "DRBD called its split-brain helper");
        DrbdViewModel vm = bothNodes(sb, command);
        assertEquals(List.of(DrbdAlarm.Kind.SPLIT_BRAIN), vm.alarms().stream().map(DrbdAlarm::kind).toList());
        assertTrue(vm.alarms().get(0).steps().startsWith("Split brain on r0"), vm.alarms().get(0).steps());
        vm.chooseVictim("r0", "vm1");
        String steps = vm.alarms().get(0).steps();
        // the streams' own conn-name fields name the connections
        assertTrue(steps.contains("drbdadm connect --discard-my-data r0:" + connName(sb + "vm1__" + command)),
                steps);
        assertTrue(steps.contains("drbdadm connect r0:" + connName(sb + "vm2__" + command)), steps);
    }

    /**
     * DRBD 8.4 calls initial-split-brain also for a split brain the admin resolved, and even after
     * reporting Connected; that must not leave an alarm on a healthy pair.
     */
    @Test
    void resolvedSplitBrainOnDrbd84LeavesNoAlarm() {
        String e3 = "drbd84/e3-sb-resolved-resync__";
        String command = "drbdsetup_events2_timestamps_statistics_stream.txt";
        String text = Corpus.read("drbd/" + e3 + "vm2__" + command);
        assertTrue(text.contains("helper:initial-split-brain"));
        assertTrue(text.indexOf("connection:Connected") < text.indexOf("helper:initial-split-brain"));
        DrbdViewModel vm = bothNodes(e3, command);
        assertTrue(vm.alarms().isEmpty(), vm.alarms().toString());
        assertEquals("Connected", vm.rows().get(0).connection());
    }

    /** DRBD 8.4 has one peer per resource: the commands name the resource only. */
    @Test
    void drbd84SplitBrainUsesResourceWideCommands() {
        String snap = "drbd84/e2-split-brain-standalone__";
        DrbdViewModel vm = bothNodes(snap, "drbdsetup_events2_now_statistics.txt");
        for (String node : List.of("vm1", "vm2")) {
            String proc = Corpus.read("drbd/" + snap + node + "__proc_drbd.txt");
            assertTrue(proc.startsWith("version: 8.4") && proc.contains("cs:StandAlone ro:Primary/"), proc);
        }
        assertEquals(List.of(DrbdAlarm.Kind.DIVERGED), vm.alarms().stream().map(DrbdAlarm::kind).toList());
        vm.chooseVictim("r0", "vm2");
        String steps = vm.alarms().get(0).steps();
        assertTrue(between(steps, "On vm2 (the victim)", "On vm1 (the survivor)")
                .contains("\n     drbdadm connect --discard-my-data r0\n"), steps);
        assertTrue(between(steps, "On vm1 (the survivor)", "Watch the resync").contains("\n     drbdadm connect r0\n"),
                steps);
        assertFalse(steps.contains("r0:"), "no DRBD 9 connection names on 8.4: " + steps);
    }

    /** 8.4's drbdadm status prints no peer at all for a StandAlone resource; the alarm must not vanish. */
    @Test
    void drbd84TextStatusHidesTheStandAlonePeerButTheAlarmStays() {
        String snap = "drbd84/e2-split-brain-standalone__";
        assertFalse(Corpus.read("drbd/" + snap + "vm1__drbdadm_status.txt").contains("connection"));
        DrbdViewModel vm = bothNodes(snap, "drbdadm_status.txt");
        assertEquals(List.of(DrbdAlarm.Kind.DIVERGED), vm.alarms().stream().map(DrbdAlarm::kind).toList());
        vm.chooseVictim("r0", "vm1");
        String steps = vm.alarms().get(0).steps();
        assertTrue(steps.contains("drbdadm connect --discard-my-data r0\n"), steps);
        assertTrue(steps.contains("does not tell the DRBD version"), steps);
    }

    /**
     * DRBD 8.4 after a reboot, attached but not connected, seen through drbdadm status: no peer
     * line, so the text cannot tell 8.4's StandAlone from DRBD 9 without a connection; /proc/drbd
     * of the same snapshot shows it is StandAlone.
     */
    @Test
    void textStatusWithoutPeerSaysBothReadingsAndAdjusts() {
        String snap = "drbd84/c2d-crashed-peer-attached-not-connected__vm2__";
        assertTrue(Corpus.read("drbd/" + snap + "proc_drbd.txt").contains("cs:StandAlone"));
        DrbdViewModel vm = new DrbdViewModel();
        vm.update(Map.of("vm2", status(snap + "drbdadm_status.txt")), T);
        DrbdAlarm alarm = vm.alarms().get(0);
        assertEquals(DrbdAlarm.Kind.STANDALONE, alarm.kind());
        assertTrue(alarm.steps().contains("vm2 shows no peer (StandAlone on DRBD 8.4, no connection configured on"
                + " DRBD 9)"), alarm.steps());
        assertTrue(alarm.steps().contains("on vm2:\n     drbdadm adjust r0\n"), alarm.steps());
    }

    /** DRBD 9 after a reboot: the disk attached, no connection created; nothing to split, but not replicating. */
    @Test
    void drbd9WithoutAnyConnectionIsAdjustedNotDiscarded() {
        String file = "drbd9/v9-c2d-crashed-peer-attached-not-connected__vm2__drbdsetup_status_json.txt";
        assertEquals("", Corpus.read("drbd/drbd9/v9-c2d-crashed-peer-attached-not-connected__vm2__drbdadm_status.txt")
                .lines().filter(l -> l.contains("connection:")).reduce("", String::concat));
        DrbdViewModel vm = new DrbdViewModel();
        vm.update(Map.of("vm2", status(file)), T);
        DrbdAlarm alarm = vm.alarms().get(0);
        assertEquals(DrbdAlarm.Kind.STANDALONE, alarm.kind());
        assertTrue(alarm.steps().contains("vm2 has no connection configured"), alarm.steps());
        assertTrue(between(alarm.steps(), "If the log shows no split brain", "1. Choose the victim")
                .contains("on vm2:\n     drbdadm adjust r0\n"), alarm.steps());
        assertNull(alarm.victim(), "one node alone suggests no victim");
    }

    /**
     * DRBD 9: vm2 was disconnected from the Primary and outdated. StandAlone, but not a split
     * brain on vm2's side: a plain reconnect comes first, discarding only if the log says so.
     */
    @Test
    void outdatedStandAloneIsReconnectedBeforeAnyDiscard() {
        String snap = "drbd9/v9-e0a-disconnected-from-primary-peer-outdated__";
        DrbdViewModel vm = bothNodes(snap, "drbdsetup_status_json.txt");
        assertEquals("Outdated", word(snap + "vm2__drbdadm_dstate.txt").split("/")[0]);
        assertEquals("Secondary", word(snap + "vm2__drbdadm_role.txt"));
        DrbdAlarm alarm = vm.alarms().get(0);
        assertEquals(DrbdAlarm.Kind.STANDALONE, alarm.kind());
        assertEquals("vm2", alarm.victim());
        assertTrue(alarm.suggested());
        String steps = alarm.steps();
        assertTrue(steps.contains("vm2's disk is Outdated"), steps);
        assertTrue(steps.contains("journalctl -k --grep='Split-Brain|StandAlone'"), steps);
        String reconnect = between(steps, "If the log shows no split brain", "1. Choose the victim");
        assertTrue(reconnect.contains("on vm2:\n     drbdadm connect r0:" + connectionName(snap + "vm2__drbdadm_status.txt")),
                reconnect);
        assertTrue(reconnect.contains("on vm1:\n     drbdadm connect r0:" + connectionName(snap + "vm1__drbdadm_status.txt")),
                reconnect);
        assertFalse(reconnect.contains("--discard-my-data"), reconnect);
        assertTrue(steps.indexOf("--discard-my-data r0:vm1") > steps.indexOf("1. Choose the victim"));
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
        assertEquals(DrbdAlarm.Kind.STANDALONE, alarm.kind());
        assertEquals("vm2", alarm.title().substring(alarm.title().lastIndexOf(' ') + 1));
        assertEquals("vm2", alarm.victim());
        assertTrue(alarm.suggested());
        String steps = alarm.steps();
        assertTrue(steps.contains("drbdadm secondary <resource>"), "no name in /proc/drbd: the admin fills it in");
        assertTrue(steps.contains("drbdadm connect --discard-my-data <resource>\n"), steps);
        assertTrue(between(steps, "On vm1 (the survivor)", "Watch the resync").contains("connects by itself"),
                "vm1 waits for the connection itself: " + steps);
    }

    private static void assertPacemakerKeptOutAndFenceConstraintLast(String steps, String resource) {
        int maintenance = steps.indexOf("crm_attribute --type crm_config --name maintenance-mode --update true");
        int discard = steps.indexOf("--discard-my-data " + resource);
        int upToDate = steps.indexOf("Only once both disks are UpToDate");
        int fence = steps.indexOf("cibadmin --delete --xpath \"//rsc_location[starts-with(@id,'drbd-fence-by-handler-"
                + resource + "-')]\"");
        int handBack = steps.indexOf("crm_attribute --type crm_config --name maintenance-mode --delete");
        assertTrue(maintenance >= 0 && maintenance < discard, steps);
        assertTrue(discard < upToDate && upToDate < fence && fence < handBack, steps);
        assertTrue(steps.contains("ClusterDeck runs none of these commands"), steps);
    }

    /** The connection name drbdadm status prints on the peer line ("  vm2 connection:StandAlone"). */
    private static String connectionName(String file) {
        Matcher m = Pattern.compile("(?m)^  (\\S+) connection:").matcher(Corpus.read("drbd/" + file));
        assertTrue(m.find(), file);
        return m.group(1);
    }

    /** The conn-name: of an events2 stream's connection lines. */
    private static String connName(String file) {
        Matcher m = Pattern.compile(" conn-name:(\\S+)").matcher(Corpus.read("drbd/" + file));
        assertTrue(m.find(), file);
        return m.group(1);
    }

    private static String between(String text, String from, String to) {
        int a = text.indexOf(from);
        int b = text.indexOf(to, a);
        assertTrue(a >= 0 && b > a, "'" + from + "' before '" + to + "' in:\n" + text);
        return text.substring(a, b);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void nodesWithoutDrbdSayWhy() {
        DrbdViewModel vm = new DrbdViewModel();
        vm.update(Map.of("vm1", status("drbd9/v9-0-unconfigured__vm1__drbdsetup_status_json.txt")), T);
        assertTrue(vm.rows().isEmpty());
        assertEquals("No DRBD resource is configured on vm1.", vm.messageProperty().get());
    }

    @Test
    void beforeAnyStatusItSaysWhyThereIsNone() {
        DrbdViewModel vm = new DrbdViewModel();
        assertEquals("Not connected: press Connect (Ctrl+K).", vm.messageProperty().get());
        vm.feedProperty().set(Feed.CONNECTING);
        assertEquals("Connecting: no node has answered yet.", vm.messageProperty().get());
        vm.feedProperty().set(Feed.FILE);
        assertEquals("A CIB file holds no DRBD state: DRBD is read from the nodes of a live cluster.",
                vm.messageProperty().get());
    }

    /** Without DRBD only once every node was probed and found without the module; until then, not read. */
    @Test
    void aClusterHasNoDrbdOnlyWhenEachNodeWasFoundWithout() {
        DrbdViewModel vm = new DrbdViewModel();
        Map<String, DrbdStatus> none = new java.util.HashMap<>();
        none.put("node1", null);
        none.put("node2", null);
        vm.update(none, Set.of(), T);
        assertEquals("No node has reported DRBD status.", vm.messageProperty().get());
        vm.update(none, Set.of("node2"), T);
        assertEquals("node2 has no DRBD (no kernel module loaded); node1 has not reported DRBD status.",
                vm.messageProperty().get());
        assertFalse(vm.noDrbdProperty().get());
        vm.update(none, Set.of("node1", "node2"), T);
        assertEquals("This cluster has no DRBD: the DRBD kernel module is loaded on none of its nodes (node1, node2)."
                + " To see this tab at work, ClusterDeck's source tree has a lab with real DRBD: sudo lab/vm-run"
                + " (see lab/README.md).",
                vm.messageProperty().get());
        assertTrue(vm.rows().isEmpty());
        assertTrue(vm.noDrbdProperty().get());

        // a node with DRBD beside one without: the resources are shown, nothing to explain
        Map<String, DrbdStatus> mixed = new java.util.HashMap<>();
        mixed.put("vm1", status("drbd9/v9-b-steady2__vm1__drbdsetup_status_json_verbose_statistics.txt"));
        mixed.put("node3", null);
        vm.update(mixed, Set.of("node3"), T);
        assertEquals(1, vm.rows().size());
        assertEquals("", vm.messageProperty().get());
        assertFalse(vm.noDrbdProperty().get());
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
