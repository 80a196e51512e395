package org.clusterdeck.cluster.corosync;

import java.util.List;
import org.clusterdeck.cluster.command.ClusterCommandException;
import org.clusterdeck.cluster.command.Corosync;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.TransportException;

/**
 * Gets corosync's quorum and membership from one node. The tool's exit code depends on the
 * corosync version and on quorum, so its text decides: a status is read whenever it printed one.
 */
public final class QuorumReader {
    private final CommandRunner node;

    public QuorumReader(CommandRunner node) {
        this.node = node;
    }

    public CorosyncQuorum read() throws TransportException, ClusterCommandException {
        Command command = Corosync.quorumStatus();
        CommandResult r = node.run(command);
        if (r.stdout().contains("Quorate:")) {
            return QuorumToolParser.parse(r.stdout(), node.node() + ": " + command.display());
        }
        throw new ClusterCommandException(node.node(), command.display(), r.exitCode(),
                List.of(r.exitCode() == 127 ? "corosync-quorumtool is not installed"
                        : r.stderr().strip().lines().findFirst().orElse("printed no quorum status")));
    }
}
