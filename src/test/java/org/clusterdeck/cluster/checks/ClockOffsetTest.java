package org.clusterdeck.cluster.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.FormatException;
import org.clusterdeck.cluster.command.Probe;
import org.clusterdeck.cluster.events.Severity;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.cluster.status.CrmMonParser;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.LocalProcessRunner;
import org.junit.jupiter.api.Test;

/**
 * A node's clock against the console's: this machine's own {@code date +%s} read against its own clock, and
 * against a console clock set 10 minutes back (so the node reads 10 minutes ahead); the bounds the round
 * trip puts on the reading.
 */
class ClockOffsetTest {
    private static final String CLUSTER = "pacemaker/crm_mon/balanced.xml";
    private final LocalProcessRunner here = new LocalProcessRunner("here");

    @Test
    void theSameClockIsNotOff() throws Exception {
        ClockOffset same = ClockOffset.read("node1", here, Clock.systemUTC());
        assertTrue(same.offset().abs().compareTo(same.uncertainty()) <= 0, same.toString());
        assertFalse(same.off(), same.toString());
    }

    @Test
    void aNodeTenMinutesAheadIsOffAndSaysByHowMuch() throws Exception {
        ClockOffset ahead = ClockOffset.read("node2", here, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10)));
        assertTrue(ahead.off(), ahead.toString());
        assertTrue(Duration.ofMinutes(10).minus(ahead.offset()).abs().compareTo(ahead.uncertainty()) <= 0,
                ahead.toString());

        ClusterStatus status = CrmMonParser.parse(Corpus.read(CLUSTER), CLUSTER);
        List<Finding> findings = ClusterChecks.findings(status, null, Set.of(), List.of(ahead,
                ClockOffset.read("node1", here, Clock.systemUTC())));
        List<Finding> clocks = findings.stream().filter(f -> f.kind() == FindingKind.CLOCK_OFF).toList();
        assertEquals(1, clocks.size(), findings.toString());
        Finding f = clocks.get(0);
        assertEquals("node2", f.subject());
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().startsWith("node2's clock is 10 min ahead of this console's."), f.message());
        assertEquals(List.of(new SuggestedCommand("node2", "timedatectl status")), f.commands());

        ClockOffset behind = ClockOffset.read("node2", here, Clock.offset(Clock.systemUTC(), Duration.ofHours(3)));
        assertTrue(behind.finding().message().startsWith("node2's clock is 3 h behind this console's."),
                behind.finding().message());
    }

    /** A late answer widens what is known: 40 s apart over a 70 s round trip may be no difference at all. */
    @Test
    void aSlowAnswerIsOnlyOffBeyondItsRoundTrip() {
        Instant asked = Instant.parse("2026-12-07T12:00:00Z");
        Instant answered = asked.plusSeconds(70);
        // the node read 12:01:15 (epoch seconds), 40 s after the middle of the round trip, but within it
        ClockOffset late = ClockOffset.of("node1", asked, answered, date(asked.plusSeconds(75)), "node1: date +%s");
        assertEquals(Duration.ofMillis(40_500), late.offset());
        assertEquals(Duration.ofMillis(35_500), late.uncertainty());
        assertFalse(late.off(), late.toString());
        // the same 40 s over a quick answer
        ClockOffset quick = ClockOffset.of("node1", asked, asked.plusMillis(200), date(asked.plusSeconds(40)),
                "node1: date +%s");
        assertTrue(quick.off(), quick.toString());
    }

    @Test
    void anAnswerThatIsNoTimeIsAClearError() {
        Instant t = Instant.now();
        FormatException e = assertThrows(FormatException.class, () -> ClockOffset.of("node1", t, t,
                new CommandResult("root@node1", List.of("date", "+%s"), 0, "%s\n", "", Duration.ZERO), "root@node1: date +%s"));
        assertEquals("root@node1: date +%s: printed '%s', not the seconds since 1970", e.getMessage());
        e = assertThrows(FormatException.class, () -> ClockOffset.of("node1", t, t,
                new CommandResult("root@node1", List.of("date", "+%s"), 127, "", "sh: 1: date: not found\n", Duration.ZERO),
                "root@node1: date +%s"));
        assertEquals("root@node1: date +%s: exit 127: sh: 1: date: not found", e.getMessage());
    }

    @Test
    void howFarIsSaidInTheUnitThatFits() {
        assertEquals("45 s", ClockOffset.approximately(Duration.ofSeconds(45)));
        assertEquals("10 min", ClockOffset.approximately(Duration.ofSeconds(601)));
        assertEquals("3 h", ClockOffset.approximately(Duration.ofMinutes(185)));
        assertEquals("2 days", ClockOffset.approximately(Duration.ofHours(49)));
    }

    /** What {@code date +%s} printed at {@code t}, as this machine's date prints it. */
    private CommandResult date(Instant t) {
        return new CommandResult("node1", Probe.clock().argv(), 0, t.getEpochSecond() + "\n", "", Duration.ZERO);
    }
}
