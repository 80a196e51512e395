package org.clusterdeck.app.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.app.nodes.NodeConnection;
import org.clusterdeck.cluster.agents.AgentMetadata;
import org.clusterdeck.cluster.agents.AgentName;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.LocalProcessRunner;
import org.clusterdeck.transport.TransportException;
import org.junit.jupiter.api.Test;

/** The catalog over this machine's real tools, counting what it runs. */
class AgentCatalogTest {
    /** This machine, as a node named so, with every command it ran; pacemakerd says what {@code version} says. */
    private static final class CountingNode implements CommandRunner {
        final List<String> ran = new ArrayList<>();
        final LocalProcessRunner here = new LocalProcessRunner();
        final String name;
        String version = "Pacemaker 2.1.5";

        CountingNode(String name) {
            this.name = name;
        }

        @Override
        public String node() {
            return name;
        }

        @Override
        public CommandResult run(Command command) throws TransportException {
            ran.add(command.display());
            if (command.display().equals("pacemakerd --version")) {
                return new CommandResult(name, command.argv(), 0, version + "\n", "", java.time.Duration.ZERO);
            }
            return here.run(command);
        }
    }

    @Test
    void metadataIsAskedOncePerNodeAndPacemakerVersion() throws Exception {
        AgentCatalog catalog = new AgentCatalog();
        CountingNode node1 = new CountingNode("node1");
        CountingNode node2 = new CountingNode("node2");
        AgentName dummy = AgentName.parse("ocf:pacemaker:Dummy");
        AgentMetadata first = catalog.metadata(new NodeConnection(node1), dummy);
        assertSame(first, catalog.metadata(new NodeConnection(node1), dummy));
        assertEquals(1, node1.ran.stream().filter(c -> c.startsWith("crm_resource --show-metadata")).count(), node1.ran.toString());
        // another node is asked itself; an upgraded node again
        catalog.metadata(new NodeConnection(node2), dummy);
        assertEquals(1, node2.ran.stream().filter(c -> c.startsWith("crm_resource --show-metadata")).count());
        node1.version = "Pacemaker 3.0.0";
        catalog.metadata(new NodeConnection(node1), dummy);
        assertEquals(2, node1.ran.stream().filter(c -> c.startsWith("crm_resource --show-metadata")).count());
        assertTrue(first.parameter("state").isPresent());
    }

    @Test
    void everyStandardsAgentsOcfByProviderAndListedOnce() throws Exception {
        AgentCatalog catalog = new AgentCatalog();
        CountingNode node = new CountingNode("node1");
        List<AgentName> all = catalog.agents(new NodeConnection(node), null, null);
        assertTrue(all.contains(AgentName.parse("ocf:linbit:drbd")) && all.contains(AgentName.parse("stonith:fence_virsh"))
                && all.contains(AgentName.parse("lsb:ssh")), all.toString());
        assertTrue(node.ran.contains("crm_resource --list-ocf-providers") && node.ran.contains("crm_resource --list-agents ocf:heartbeat"),
                node.ran.toString());
        int runs = node.ran.size();
        assertEquals(all, catalog.agents(new NodeConnection(node), null, null));
        assertEquals(runs + 1, node.ran.size(), "only the version asked again: " + node.ran.subList(runs, node.ran.size()));
    }
}
