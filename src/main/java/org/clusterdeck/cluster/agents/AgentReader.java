package org.clusterdeck.cluster.agents;

import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.cluster.command.ClusterCommandException;
import org.clusterdeck.cluster.command.ClusterOptions;
import org.clusterdeck.cluster.command.CrmResource;
import org.clusterdeck.cluster.command.StonithAdmin;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.TransportException;

/** The agents one node has, and their metadata, read with the node's own tools; failures name node and command. */
public final class AgentReader {
    private final CommandRunner node;

    public AgentReader(CommandRunner node) {
        this.node = node;
    }

    public List<String> standards() throws TransportException, ClusterCommandException {
        return lines(CrmResource.listStandards());
    }

    public List<String> ocfProviders() throws TransportException, ClusterCommandException {
        return lines(CrmResource.listOcfProviders());
    }

    /** The agents of a standard (and OCF provider, else null), as full names; none is an empty list. */
    public List<AgentName> agents(String standard, String provider) throws TransportException, ClusterCommandException {
        Command c = CrmResource.listAgents(standard, provider);
        CommandResult r = node.run(c);
        // crm_resource fails with this where a standard or provider has no agents: an answer, not an error
        if (!r.ok() && r.stderr().contains("No agents found")) {
            return List.of();
        }
        List<AgentName> out = new ArrayList<>();
        for (String type : lines(c, r)) {
            out.add(new AgentName(standard, provider, type));
        }
        return out;
    }

    /**
     * The agent's metadata; a fence agent's with the attributes the fencer adds to every device
     * after its own (an agent's own parameter of the same name wins).
     */
    public AgentMetadata metadata(AgentName agent) throws TransportException, ClusterCommandException {
        Command c = agent.isFencing() ? StonithAdmin.metadata(agent) : CrmResource.showMetadata(agent);
        AgentMetadata own = AgentMetadataParser.parse(run(c), agent, source(c));
        if (!agent.isFencing()) {
            return own;
        }
        Command fencer = ClusterOptions.fencingDeviceMetadata();
        List<AgentParameter> all = new ArrayList<>(own.parameters());
        for (AgentParameter p : AgentMetadataParser.parse(run(fencer), null, source(fencer)).parameters()) {
            if (own.parameter(p.name()).isEmpty()) {
                all.add(p);
            }
        }
        return new AgentMetadata(agent, own.version(), own.shortDescription(), own.longDescription(), all, own.actions());
    }

    private String source(Command c) {
        return node.node() + ": " + c.display();
    }

    private String run(Command c) throws TransportException, ClusterCommandException {
        CommandResult r = node.run(c);
        if (!r.ok()) {
            throw ClusterCommandException.of(node.node(), c, r);
        }
        return r.stdout();
    }

    private List<String> lines(Command c) throws TransportException, ClusterCommandException {
        return lines(c, node.run(c));
    }

    private List<String> lines(Command c, CommandResult r) throws ClusterCommandException {
        if (!r.ok()) {
            throw ClusterCommandException.of(node.node(), c, r);
        }
        return r.stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
