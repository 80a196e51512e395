package org.clusterdeck.cluster.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;

/**
 * A cluster tool ran on a node but failed: its exit code (mapped through
 * {@link PacemakerExitCode}) and what it said, so the message names node, command and cause.
 * {@link #of} gives the subclass an exit code calls for, where the caller can act on it
 * ({@link ClusterNotConnectedException}); {@link ClusterNotSettledException} is what a
 * {@code crm_resource --wait} that ran out of time means.
 */
public class ClusterCommandException extends Exception {
    /** Enough of a tool's complaint to see why; the whole output is in the audit log. */
    private static final int MAX_LINES = 5;

    private final String node;
    private final String command;
    private final int exitCode;
    private final List<String> messages;
    private final String detail;

    public ClusterCommandException(String node, String command, int exitCode, List<String> messages) {
        this(node, command, exitCode, messages, "'" + command + "' failed with " + describe(exitCode)
                + (messages.isEmpty() ? "" : ": " + String.join("; ", messages)));
    }

    private ClusterCommandException(String node, String command, int exitCode, List<String> messages, String detail) {
        this(node, command, exitCode, messages, node + ": " + detail, detail);
    }

    /**
     * For a subclass that says what the failure means in its own words.
     *
     * @param detail the same without naming the node, where the node is shown already
     */
    protected ClusterCommandException(String node, String command, int exitCode, List<String> messages, String message,
            String detail) {
        super(message);
        this.node = node;
        this.command = command;
        this.exitCode = exitCode;
        this.messages = List.copyOf(messages);
        this.detail = detail;
    }

    /**
     * The error a tool's failure is, typed by its exit code where that tells the caller what to do.
     *
     * @param messages what the tool said about it, e.g. {@link #lastLines} of its standard error
     */
    public static ClusterCommandException of(String node, String command, int exitCode, List<String> messages) {
        if (exitCode == PacemakerExitCode.DISCONNECT.code()) {
            return new ClusterNotConnectedException(node, command, messages);
        }
        return new ClusterCommandException(node, command, exitCode, messages);
    }

    /** The error a failed run is, with what the tool said: the last lines of its standard error, else of its output. */
    public static ClusterCommandException of(String node, Command command, CommandResult result) {
        List<String> said = lastLines(result.stderr());
        return of(node, command.display(), result.exitCode(), said.isEmpty() ? lastLines(result.stdout()) : said);
    }

    /** The last few non-blank lines of a tool's text, stripped: where Pacemaker's tools say why they failed. */
    public static List<String> lastLines(String text) {
        List<String> lines = new ArrayList<>();
        if (text != null) {
            text.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(lines::add);
        }
        return List.copyOf(lines.subList(Math.max(0, lines.size() - MAX_LINES), lines.size()));
    }

    private static String describe(int exitCode) {
        // 126 and 127 come from the shell (over SSH), not from a Pacemaker tool.
        return switch (exitCode) {
            case 127 -> "exit code 127 (command not found: is pacemaker-cli installed on this node?)";
            case 126 -> "exit code 126 (command found but not executable)";
            default -> PacemakerExitCode.describe(exitCode);
        };
    }

    public String node() {
        return node;
    }

    /** The message without the node: for text that names the node already. */
    public String detail() {
        return detail;
    }

    /** The command as the admin would type it. */
    public String command() {
        return command;
    }

    public int exitCode() {
        return exitCode;
    }

    public Optional<PacemakerExitCode> pacemakerExitCode() {
        return PacemakerExitCode.of(exitCode);
    }

    /** What the tool said about the failure (its XML errors or standard error), in order. */
    public List<String> messages() {
        return messages;
    }
}
