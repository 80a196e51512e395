package org.clusterdeck.cluster.command;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;

/**
 * {@code crm_resource --wait} ran out of time (its exit code 124, {@code CRM_EX_TIMEOUT}): the cluster
 * still had actions to carry out, which the tool lists. Not "Timeout occurred": the admin needs to
 * know that the change may still be under way and what is left of it.
 */
public final class ClusterNotSettledException extends ClusterCommandException {
    /** crm_resource's list of what is left: {@code Action 51: p_dhcpd_start_0<TAB>on node2}. */
    private static final Pattern PENDING = Pattern.compile("Action \\d+:\\s*(\\S+)\\s+on\\s+(\\S+)");
    /** The message names a few; the audit log keeps the whole list. */
    private static final int NAMED = 5;

    private final Duration timeout;
    private final List<String> pending;

    private ClusterNotSettledException(String node, String command, Duration timeout, List<String> pending,
            List<String> messages) {
        this(node, command, timeout, pending, messages, "the cluster did not settle within " + timeout.toSeconds()
                + " s (" + command + " on " + node + ")" + (pending.isEmpty()
                        ? (messages.isEmpty() ? "" : ": " + String.join("; ", messages))
                        : ": " + named(pending) + " still pending"));
    }

    // the message names the node itself, in its place: it is also the detail
    private ClusterNotSettledException(String node, String command, Duration timeout, List<String> pending,
            List<String> messages, String message) {
        super(node, command, PacemakerExitCode.TIMEOUT.code(), messages, message, message);
        this.timeout = timeout;
        this.pending = List.copyOf(pending);
    }

    /**
     * What a failed {@link CrmResource#waitForIdle} run means: this when it ran out of time, otherwise
     * whatever the exit code says.
     */
    public static ClusterCommandException of(String node, Duration timeout, CommandResult result) {
        Command wait = CrmResource.waitForIdle(timeout);
        if (result.exitCode() != PacemakerExitCode.TIMEOUT.code()) {
            return ClusterCommandException.of(node, wait, result);
        }
        // 2.1 lists the actions on standard output; pcs reads both streams in case that changes
        List<String> pending = (result.stdout() + "\n" + result.stderr()).lines().map(String::strip)
                .map(PENDING::matcher).filter(Matcher::matches).map(m -> m.group(1) + " on " + m.group(2)).toList();
        return new ClusterNotSettledException(node, wait.display(), timeout, pending, lastLines(result.stderr()));
    }

    private static String named(List<String> pending) {
        String some = String.join(", ", pending.subList(0, Math.min(NAMED, pending.size())));
        return pending.size() + (pending.size() == 1 ? " action" : " actions") + " (" + some
                + (pending.size() > NAMED ? ", and " + (pending.size() - NAMED) + " more" : "") + ")";
    }

    /** How long the cluster was given. */
    public Duration timeout() {
        return timeout;
    }

    /** What the cluster still had to do, e.g. {@code p_dhcpd_start_0 on node2}; empty when the tool did not say. */
    public List<String> pending() {
        return pending;
    }
}
