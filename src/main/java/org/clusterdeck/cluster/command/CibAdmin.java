package org.clusterdeck.cluster.command;

import java.time.Duration;
import org.clusterdeck.transport.Command;

/** Calls of {@code cibadmin}, one small function per use. */
public final class CibAdmin {
    private CibAdmin() {
    }

    /** The whole live CIB, configuration and status, as the cluster's CIB manager holds it. */
    public static Command query() {
        return Command.of("cibadmin", "--query").withTimeout(Duration.ofSeconds(15));
    }

    /** The {@code <cib>} element alone: its version attributes, without fetching the whole CIB. */
    public static Command queryVersion() {
        return Command.of("cibadmin", "--query", "--xpath", "/cib", "--no-children").withTimeout(Duration.ofSeconds(15));
    }
}
