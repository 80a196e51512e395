package org.clusterdeck.app.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.clusterdeck.cluster.command.Secrets;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;

/**
 * One line of the audit log: a command run on a node and how it ended. {@code stdout} and
 * {@code stderr} are kept only for commands that change the cluster; polling would otherwise
 * fill the log with status XML nobody needs to audit.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"time", "node", "argv", "env", "display", "changing", "exitCode", "durationMs", "outcome",
        "error", "stdout", "stderr"})
public record AuditRecord(String time, String node, List<String> argv, Map<String, String> env, String display,
        boolean changing, Integer exitCode, long durationMs, Outcome outcome, String error, String stdout,
        String stderr) implements AuditEntry {

    /** Per stream; a changing command that prints a whole CIB still fits, a runaway one does not fill the disk. */
    public static final int MAX_OUTPUT_BYTES = 64 * 1024;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** The log's time format, for every kind of {@link AuditEntry}. */
    public static String formatTime(Instant instant) {
        return TIME.format(instant);
    }

    public enum Outcome {
        OK, FAILED, TIMEOUT, ERROR;

        @JsonValue
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public AuditRecord {
        argv = List.copyOf(argv);
        // Sorted so the same command always reads the same; Map.copyOf would not keep the order.
        env = Collections.unmodifiableMap(new TreeMap<>(env));
    }

    /** The command ran to its end, whatever its exit code. */
    public static AuditRecord finished(Instant start, Command command, UnaryOperator<Command> asRun,
            CommandResult result, Duration took, boolean changing) {
        return of(start, result.node(), command, asRun, changing, result.exitCode(), took,
                result.ok() ? Outcome.OK : Outcome.FAILED, null,
                changing ? cap(result.stdout()) : null, changing ? cap(result.stderr()) : null);
    }

    /** The command never produced an exit code: it could not be started, timed out or was cancelled. */
    public static AuditRecord unfinished(Instant start, String node, Command command, UnaryOperator<Command> asRun,
            Duration took, boolean timedOut, String error, boolean changing) {
        return of(start, node, command, asRun, changing, null, took, timedOut ? Outcome.TIMEOUT : Outcome.ERROR, error,
                null, null);
    }

    /** {@code asRun}: how the runner had the node run it (through sudo, say), for {@code display}. */
    private static AuditRecord of(Instant start, String node, Command command, UnaryOperator<Command> asRun,
            boolean changing, Integer exitCode, Duration took, Outcome outcome, String error, String stdout,
            String stderr) {
        Command masked = masked(command);
        return new AuditRecord(TIME.format(start), node, command.argv(), masked.env(), display(masked, asRun), changing,
                exitCode, took.toMillis(), outcome, error, stdout, stderr);
    }

    /** Passwords reach tools through the environment; the log must never hold them. */
    static Command masked(Command command) {
        Map<String, String> env = new TreeMap<>(command.env());
        env.replaceAll((name, value) -> Secrets.isSecret(name) ? Secrets.MASK : value);
        // a shown standard input is a script the admin read in the plan: the log keeps it too
        return new Command(command.argv(), env, command.shownStdin(), command.timeout(), command.shownStdin());
    }

    // A command no shell could carry (NUL byte, bad variable name) is still recorded by its argv.
    private static String display(Command masked, UnaryOperator<Command> asRun) {
        try {
            // masked first: a runner may move the environment into the argument list (sudo env K=V)
            return asRun.apply(masked).display();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static String cap(String text) {
        if (text == null) {
            return null;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_OUTPUT_BYTES) {
            return text;
        }
        int cut = MAX_OUTPUT_BYTES;
        // Back off to the start of a UTF-8 sequence so the kept part is still valid text.
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80) {
            cut--;
        }
        return new String(bytes, 0, cut, StandardCharsets.UTF_8)
                + "\n[truncated: " + cut + " of " + bytes.length + " bytes kept]";
    }
}
