package org.clusterdeck.cluster.command;

import java.time.Duration;
import org.clusterdeck.transport.Command;

/** Calls of corosync's own tools, one small function per use. */
public final class Corosync {
    private Corosync() {
    }

    /**
     * Quorum and membership as this node's corosync sees them. It exits 0 or 1 depending on the
     * corosync version and on quorum, so callers read the text rather than the exit code.
     */
    public static Command quorumStatus() {
        return Command.of("corosync-quorumtool", "-s").withTimeout(Duration.ofSeconds(5));
    }
}
