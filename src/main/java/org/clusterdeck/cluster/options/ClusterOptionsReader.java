package org.clusterdeck.cluster.options;

import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.cluster.command.ClusterCommandException;
import org.clusterdeck.cluster.command.ClusterOptions;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.TransportException;

/** Every cluster option the node's own Pacemaker knows, from its daemons' metadata. */
public final class ClusterOptionsReader {
    private final CommandRunner node;

    public ClusterOptionsReader(CommandRunner node) {
        this.node = node;
    }

    /** An option two daemons describe (no-quorum-policy, shutdown-lock) appears once, from the first. */
    public List<ClusterOption> read() throws TransportException, ClusterCommandException {
        List<ClusterOption> out = new ArrayList<>();
        for (String daemon : ClusterOptions.DAEMONS) {
            Command c = ClusterOptions.metadata(daemon);
            CommandResult r = node.run(c);
            if (!r.ok()) {
                throw ClusterCommandException.of(node.node(), c, r);
            }
            for (ClusterOption o : ClusterOptionParser.parse(r.stdout(), daemon, node.node() + ": " + daemon + " metadata")) {
                if (out.stream().noneMatch(known -> known.name().equals(o.name()))) {
                    out.add(o);
                }
            }
        }
        return out;
    }
}
