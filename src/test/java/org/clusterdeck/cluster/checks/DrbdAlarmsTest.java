package org.clusterdeck.cluster.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.drbd.DrbdStatus;
import org.clusterdeck.cluster.drbd.DrbdStatusReader;
import org.clusterdeck.cluster.events.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * DRBD alarms as findings on real DRBD output (the corpus: two VMs, resource r0), expectations
 * read from drbdadm's one-word commands of the same snapshot. The recoveries' texts are covered
 * through the DRBD view (DrbdViewModelTest); here: kinds, severities and the commands with the
 * nodes they run on.
 */
class DrbdAlarmsTest {
    private static DrbdStatus status(String file) {
        return DrbdStatusReader.parse(Corpus.read("drbd/" + file), file);
    }

    private static String word(String file) {
        return Corpus.read("drbd/" + file).strip();
    }

    /**
     * DRBD 9, vm2 outdated and waiting for vm1 (Connecting): it cannot be promoted until vm1 is
     * back. Whatever format the node is read from, the alarm is the same.
     */
    @ParameterizedTest
    @ValueSource(strings = {"drbdadm_status.txt", "drbdsetup_status_json_verbose_statistics.txt",
            "drbdsetup_status_verbose_statistics.txt"})
    void anOutdatedSecondaryWaitingForItsPeerCannotTakeOver(String command) {
        // the snapshot's first commands, before vm1 came back (its later cstate/dstate already show the resync)
        String snap = "drbd9/v9-e0b-reconnect-outdated-resync-t00s__vm2__";
        String text = Corpus.read("drbd/" + snap + "drbdsetup_status_verbose_statistics.txt");
        assertTrue(text.contains("disk:Outdated") && text.contains("vm1 node-id:0 connection:Connecting"), text);

        List<DrbdAlarm> alarms = DrbdAlarms.of(Map.of("vm2", status(snap + command)), Map.of());
        assertEquals(1, alarms.size(), alarms.toString());
        DrbdAlarm a = alarms.get(0);
        assertEquals(DrbdAlarm.Kind.OUTDATED, a.kind());
        assertFalse(a.hasVictim(), "nothing is discarded: no victim to choose");
        assertTrue(a.title().contains("vm2 cannot be promoted"), a.title());
        assertTrue(a.steps().contains("vm2 is Connecting towards vm1"), a.steps());
        assertEquals(List.of(new SuggestedCommand("vm1", "drbdadm status r0"),
                new SuggestedCommand("vm1", "drbdadm adjust r0")), a.commands());
        assertFalse(a.commands().stream().anyMatch(c -> c.command().contains("--force")),
                "forcing the outdated copy is only described, never suggested to run");

        Finding f = a.finding();
        assertEquals(FindingKind.DRBD_OUTDATED, f.kind());
        assertEquals("r0", f.subject());
        assertEquals(a.steps(), f.details());
    }

    /** Six seconds later both are UpToDate and connected again: no alarm. */
    @Test
    void afterTheResyncNothingIsLeft() {
        String snap = "drbd9/v9-e0b-reconnect-outdated-resync-t06s__";
        assertEquals("UpToDate/UpToDate", word(snap + "vm1__drbdadm_dstate.txt"));
        assertEquals(List.of(), DrbdAlarms.findings(Map.of("vm1", status(snap + "vm1__drbdadm_status.txt"),
                "vm2", status(snap + "vm2__drbdadm_status.txt"))));
    }

    /**
     * Two Primaries apart (DRBD 9): critical, and before the admin chose a victim the commands
     * that discard data name no node but the placeholder.
     */
    @Test
    void divergedPrimariesAreCriticalAndDiscardOnlyOnTheVictimToBeChosen() {
        String snap = "drbd9/v9-e2-split-brain-standalone__";
        List<Finding> findings = DrbdAlarms.findings(Map.of("vm1", status(snap + "vm1__drbdsetup_status_json.txt"),
                "vm2", status(snap + "vm2__drbdsetup_status_json.txt")));
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(FindingKind.DRBD_DIVERGED, f.kind());
        assertEquals(Severity.CRITICAL, f.severity());
        List<SuggestedCommand> discard = f.commands().stream()
                .filter(c -> c.command().contains("--discard-my-data")).toList();
        assertEquals(1, discard.size(), f.commands().toString());
        assertEquals("<victim>", discard.get(0).node());
        assertTrue(f.commands().stream().anyMatch(c -> c.node() == null && c.command().equals(
                "crm_attribute --type crm_config --name maintenance-mode --update true")), f.commands().toString());
        // every command of the list stands in the steps, in the same order
        int at = 0;
        for (SuggestedCommand c : f.commands()) {
            int i = f.details().indexOf(c.command(), at);
            assertTrue(i >= at, c.command() + " after position " + at + " in:\n" + f.details());
            at = i;
        }
    }

    /** DRBD 8.4: its split-brain handler in the events2 stream; the commands name the resource only. */
    @Test
    void drbd84SplitBrainFromTheStreamNamesTheResourceOnly() {
        String file = "drbd84/e2-split-brain__vm1__drbdsetup_events2_timestamps_statistics_stream.txt";
        assertTrue(Corpus.read("drbd/" + file).contains("helper:split-brain"));
        List<Finding> findings = DrbdAlarms.findings(Map.of("vm1", status(file)));
        assertEquals(List.of(FindingKind.DRBD_SPLIT_BRAIN), findings.stream().map(Finding::kind).toList());
        assertTrue(findings.get(0).commands().stream().anyMatch(c -> c.command().equals(
                "drbdadm connect --discard-my-data r0")), findings.get(0).commands().toString());
        assertFalse(findings.get(0).commands().stream().anyMatch(c -> c.command().contains("r0:")),
                "no DRBD 9 connection names on 8.4");
    }
}
