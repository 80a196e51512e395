package org.clusterdeck.cluster.command;

import java.time.Duration;
import org.clusterdeck.transport.Command;

/** What a node runs: asked once per connection, so the monitor can pick formats and tools. */
public final class Probe {
    private static final Duration QUICK = Duration.ofSeconds(5);

    /** Names of the optional tools whose presence changes what ClusterDeck can do on a node. */
    static final String OPTIONAL_TOOLS = "crm pcs drbdadm drbdsetup";

    private Probe() {
    }

    /** The cluster's name for this node, which can differ from the SSH host name. */
    public static Command localNodeName() {
        return Command.of("crm_node", "-n").withTimeout(QUICK);
    }

    public static Command pacemakerVersion() {
        return Command.of("pacemakerd", "--version").withTimeout(QUICK);
    }

    public static Command corosyncVersion() {
        return Command.of("corosync", "-v").withTimeout(QUICK);
    }

    /** Prints the path of each optional tool installed; a constant script, no caller input. */
    public static Command optionalTools() {
        return Command.of("sh", "-c", "for t in " + OPTIONAL_TOOLS + "; do command -v \"$t\"; done; true")
                .withTimeout(QUICK);
    }

    /** DRBD utils and kernel module versions as {@code KEY=value} lines (drbd-utils 8.4 and 9). */
    public static Command drbdVersion() {
        return Command.of("drbdadm", "--version").withTimeout(QUICK);
    }
}
