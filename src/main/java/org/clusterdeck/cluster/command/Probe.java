package org.clusterdeck.cluster.command;

import java.time.Duration;
import java.util.List;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.ShellScript;

/**
 * What a node runs: asked once per connection, so the monitor can pick formats and tools; and what its
 * clock says, asked again now and then.
 */
public final class Probe {
    private static final Duration QUICK = Duration.ofSeconds(5);

    /** Names of the optional tools whose presence changes what ClusterDeck can do on a node. */
    static final List<String> OPTIONAL_TOOLS = List.of("crm", "pcs", "drbdadm", "drbdsetup");

    // fixed text; the tools to look for arrive as "$@"
    private static final ShellScript WHICH = ShellScript.fixed("for t in \"$@\"; do command -v \"$t\"; done; true");
    // asked with the other questions, before the node has said whether it has drbdadm: no drbdadm is no answer, not an error
    private static final ShellScript DRBD_VERSION = ShellScript.fixed(
            "command -v drbdadm >/dev/null || exit 0; exec drbdadm --version");

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

    /** Prints the path of each optional tool installed. */
    public static Command optionalTools() {
        return WHICH.run(OPTIONAL_TOOLS).withTimeout(QUICK);
    }

    /**
     * DRBD utils and kernel module versions as {@code KEY=value} lines (drbd-utils 8.4 and 9); prints
     * nothing where drbdadm is not installed.
     */
    public static Command drbdVersion() {
        return DRBD_VERSION.run().withTimeout(QUICK);
    }

    /** The node's clock, in seconds since 1970 (UTC whatever the node's time zone). */
    public static Command clock() {
        return Command.of("date", "+%s").withTimeout(QUICK);
    }
}
