package org.clusterdeck.cluster.cib;

import java.util.List;
import org.clusterdeck.cluster.command.CibAdmin;
import org.clusterdeck.cluster.command.ClusterCommandException;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.TransportException;

/** Gets the live CIB from one node; every failure names the node and the command. */
public final class CibReader {
    private final CommandRunner node;

    public CibReader(CommandRunner node) {
        this.node = node;
    }

    public Cib read() throws TransportException, ClusterCommandException {
        Command query = CibAdmin.query();
        CommandResult r = node.run(query);
        if (!r.ok()) {
            String reason = r.stderr().strip().lines().reduce((a, b) -> b).orElse("no message");
            throw new ClusterCommandException(node.node(), query.display(), r.exitCode(), List.of(reason));
        }
        return CibParser.parse(r.stdout(), node.node() + ": " + query.display());
    }
}
