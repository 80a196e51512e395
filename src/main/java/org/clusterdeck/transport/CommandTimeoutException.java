package org.clusterdeck.transport;

import java.time.Duration;

/** A command (or a keepalive) did not finish within its timeout; the runner has stopped waiting for it. */
public final class CommandTimeoutException extends TransportException {
    public CommandTimeoutException(String node, Command command) {
        this(node, "'" + command.display() + "'", command.timeout());
    }

    /** {@code what} did not get an answer: a command in quotes, or a request such as a keepalive. */
    public CommandTimeoutException(String node, String what, Duration timeout) {
        super(node, Kind.TIMED_OUT, what + " timed out after " + text(timeout));
    }

    private static String text(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
