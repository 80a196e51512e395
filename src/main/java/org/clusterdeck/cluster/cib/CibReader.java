package org.clusterdeck.cluster.cib;

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
        return cib(node.run(CibAdmin.query()));
    }

    /** The CIB in what {@link CibAdmin#query()} printed, run by whoever ran it. */
    public static Cib cib(CommandResult query) throws ClusterCommandException {
        return CibParser.parse(output(CibAdmin.query(), query), query.node() + ": " + CibAdmin.query().display());
    }

    /** The CIB as the node printed it, e.g. to stage a change on a copy of exactly this version. */
    public String readText() throws TransportException, ClusterCommandException {
        return run(CibAdmin.query());
    }

    /** The version alone, read cheaply; what an action compares right before it applies. */
    public CibVersion readVersion() throws TransportException, ClusterCommandException {
        Command query = CibAdmin.queryVersion();
        return CibParser.version(run(query), node.node() + ": " + query.display());
    }

    private String run(Command query) throws TransportException, ClusterCommandException {
        return output(query, node.run(query));
    }

    private static String output(Command query, CommandResult r) throws ClusterCommandException {
        if (!r.ok()) {
            throw ClusterCommandException.of(r.node(), query, r);
        }
        return r.stdout();
    }
}
