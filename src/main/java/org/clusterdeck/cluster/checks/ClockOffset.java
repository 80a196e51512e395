package org.clusterdeck.cluster.checks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.clusterdeck.cluster.FormatException;
import org.clusterdeck.cluster.command.Probe;
import org.clusterdeck.cluster.events.Severity;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.TransportException;

/**
 * How far a node's clock is from the console's. The node read its clock ({@code date +%s}) at some
 * moment between the console asking and the answer arriving, so the offset is known within half that
 * round trip plus the width of the second the node printed.
 *
 * @param node        the cluster's name for the node
 * @param offset      the node's clock minus the console's, the best estimate: positive when the node is ahead
 * @param uncertainty how far the true offset can be from the estimate
 */
public record ClockOffset(String node, Duration offset, Duration uncertainty) {
    /**
     * Clocks that disagree by less do not mislead an admin comparing the times two nodes print, and a
     * time service corrects that much within minutes; 10 minutes off is a node without one.
     */
    static final Duration TOLERANCE = Duration.ofSeconds(30);

    /** Asks the node's clock through {@code runner} and compares it with {@code console}'s. */
    public static ClockOffset read(String node, CommandRunner runner, Clock console) throws TransportException {
        Command date = Probe.clock();
        Instant asked = console.instant();
        CommandResult answer = runner.run(date);
        return of(node, asked, console.instant(), answer, runner.node() + ": " + date.display());
    }

    /**
     * The offset from {@code date}'s answer, asked at {@code asked} and answered at {@code answered} by the
     * console's clock. {@code source} names the node and command for the error when the answer is not a time.
     */
    public static ClockOffset of(String node, Instant asked, Instant answered, CommandResult date, String source) {
        String out = date.stdout().strip();
        if (!date.ok()) {
            throw new FormatException(source, "exit " + date.exitCode() + ": "
                    + date.stderr().strip().lines().findFirst().orElse("printed no time"));
        }
        if (!out.matches("-?\\d{1,12}")) {
            throw new FormatException(source, "printed '" + out.lines().findFirst().orElse("")
                    + "', not the seconds since 1970");
        }
        long roundTrip = Duration.between(asked, answered).toMillis();
        // the printed second is the start of the second the node read: its middle is the best guess
        long nodeMillis = Long.parseLong(out) * 1000 + 500;
        long consoleMillis = asked.toEpochMilli() + roundTrip / 2;
        return new ClockOffset(node, Duration.ofMillis(nodeMillis - consoleMillis), Duration.ofMillis(roundTrip / 2 + 500));
    }

    /** Off by more than the tolerance however late the answer came. */
    public boolean off() {
        return offset.abs().minus(uncertainty).compareTo(TOLERANCE) > 0;
    }

    Finding finding() {
        String by = approximately(offset.abs()) + (offset.isNegative() ? " behind" : " ahead of");
        return new Finding(FindingKind.CLOCK_OFF, Severity.WARNING, node, node + "'s clock is " + by
                + " this console's. The times it prints (a failure's,"
                + " the last change's) are off by as much, and rules with a date, such as a move's lifetime, end by"
                + " its clock where it is the DC. Synchronise its time (chrony, systemd-timesyncd); where every node"
                + " is off by the same, the console's clock is the one to set.",
                List.of(new SuggestedCommand(node, Command.of("timedatectl", "status").display())), null);
    }

    /** 45 s, 10 min, 3 h, 2 days: how far off, not to the second (the estimate is not that exact). */
    static String approximately(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return s + " s";
        }
        if (s < 120 * 60) {
            return Math.round(s / 60.0) + " min";
        }
        if (s < 48 * 3600) {
            return Math.round(s / 3600.0) + " h";
        }
        return Math.round(s / 86400.0) + " days";
    }
}
