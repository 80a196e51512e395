package org.clusterdeck.app.agents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.clusterdeck.app.nodes.NodeConnection;
import org.clusterdeck.cluster.agents.AgentMetadata;
import org.clusterdeck.cluster.agents.AgentName;
import org.clusterdeck.cluster.agents.AgentReader;
import org.clusterdeck.cluster.command.ClusterCommandException;
import org.clusterdeck.cluster.software.NodeSoftware;
import org.clusterdeck.cluster.software.SoftwareProbe;
import org.clusterdeck.transport.TransportException;

/**
 * The agents nodes offer and their metadata, for forms and the command line. Asking an agent for
 * its metadata runs it on the node, so each answer is kept per node and Pacemaker version: an
 * upgraded node is asked again, an unchanged one once. Safe to share between threads.
 */
public final class AgentCatalog {
    private record Key(String host, String pacemaker, String what) {
    }

    private final Map<Key, AgentMetadata> metadata = new ConcurrentHashMap<>();
    private final Map<Key, List<AgentName>> listings = new ConcurrentHashMap<>();

    /** The agent's metadata as this node has it. */
    public AgentMetadata metadata(NodeConnection node, AgentName agent) throws TransportException, ClusterCommandException {
        Key key = new Key(node.host(), version(node), agent.toString());
        AgentMetadata known = metadata.get(key);
        if (known == null) {
            known = new AgentReader(node.runner()).metadata(agent);
            metadata.put(key, known);
        }
        return known;
    }

    /**
     * The node's agents: of one standard (and OCF provider) where given, else of every standard
     * it supports, OCF by provider.
     */
    public List<AgentName> agents(NodeConnection node, String standard, String provider)
            throws TransportException, ClusterCommandException {
        Key key = new Key(node.host(), version(node), standard + ":" + provider);
        List<AgentName> known = listings.get(key);
        if (known == null) {
            known = read(new AgentReader(node.runner()), standard, provider);
            listings.put(key, known);
        }
        return known;
    }

    private static List<AgentName> read(AgentReader reader, String standard, String provider)
            throws TransportException, ClusterCommandException {
        if (standard != null) {
            if (standard.equals("ocf") && provider == null) {
                List<AgentName> all = new ArrayList<>();
                for (String p : reader.ocfProviders()) {
                    all.addAll(reader.agents("ocf", p));
                }
                return List.copyOf(all);
            }
            return reader.agents(standard, provider);
        }
        List<AgentName> all = new ArrayList<>();
        for (String s : reader.standards()) {
            // the standards a node lists are the ones its executor knows; a newer one is skipped, not an error
            if (AgentName.STANDARDS.contains(s)) {
                all.addAll(read(reader, s, null));
            }
        }
        return List.copyOf(all);
    }

    private static String version(NodeConnection node) throws TransportException {
        NodeSoftware known = node.knownSoftware();
        return known != null ? known.pacemaker() : new SoftwareProbe(node.runner()).pacemakerVersion();
    }
}
