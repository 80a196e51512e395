package org.clusterdeck.cluster.command;

import java.util.List;
import java.util.Optional;

/**
 * A cluster tool ran on a node but failed: its exit code (mapped through
 * {@link PacemakerExitCode}) and what it said, so the message names node, command and cause.
 */
public class ClusterCommandException extends Exception {
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
        super(node + ": " + detail);
        this.node = node;
        this.command = command;
        this.exitCode = exitCode;
        this.messages = List.copyOf(messages);
        this.detail = detail;
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
