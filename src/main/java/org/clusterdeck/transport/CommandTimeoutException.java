package org.clusterdeck.transport;

import java.time.Duration;

/** A command did not finish within its timeout; the runner has stopped waiting for it. */
public final class CommandTimeoutException extends TransportException {
    public CommandTimeoutException(String node, Command command) {
        super(node, "'" + command.display() + "' timed out after " + text(command.timeout()));
    }

    private static String text(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
