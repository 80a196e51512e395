package org.clusterdeck.transport;

import java.time.Duration;
import java.util.List;

/** What one command printed and how it ended, on one node. */
public record CommandResult(String node, List<String> argv, int exitCode, String stdout, String stderr, Duration elapsed) {
    public CommandResult {
        argv = List.copyOf(argv);
    }

    public boolean ok() {
        return exitCode == 0;
    }
}
