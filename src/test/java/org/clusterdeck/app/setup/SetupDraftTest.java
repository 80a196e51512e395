package org.clusterdeck.app.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.clusterdeck.cluster.setup.SetupSpec;
import org.clusterdeck.cluster.setup.preflight.NetInterface;
import org.clusterdeck.cluster.setup.preflight.NodeInventory;
import org.junit.jupiter.api.Test;

/**
 * Which link the proposal gives the heartbeat and which corosync's second ring, when the admin
 * named the nodes by ~/.ssh/config aliases: the nodes' own word for where the console reached them.
 */
class SetupDraftTest {
    private static NodeInventory node(String name, int n, String reachedAt) {
        return new NodeInventory(name + "-alias", null, name, List.of(
                new NetInterface("eth0", true, "52:54:00:00:00:0" + n, List.of(new NetInterface.Address("10.0.0." + n, 24))),
                new NetInterface("eth1", true, "52:54:00:00:01:0" + n,
                        List.of(new NetInterface.Address("192.168.5." + n, 24)))),
                List.of(), reachedAt, List.of());
    }

    @Test
    void nodesReachedThroughAliasesStillKeepTheHeartbeatOffTheManagementNetwork() {
        SetupSpec spec = SetupDraft.propose(List.of("root@n1", "root@n2"),
                List.of(node("node1", 1, "10.0.0.1"), node("node2", 2, "10.0.0.2")));
        List<SetupSpec.Node> nodes = spec.nodes();
        assertEquals(List.of("192.168.5.1", "192.168.5.2"), nodes.stream().map(SetupSpec.Node::heartbeat).toList());
        assertEquals(List.of("10.0.0.1", "10.0.0.2"), nodes.stream().map(SetupSpec.Node::management).toList());
        assertTrue(spec.corosync().secondLink(), spec.corosync().toString());
    }

    /** Where the nodes did not say (commands through sudo), an alias matches no address: no second ring is guessed. */
    @Test
    void withoutTheNodesWordAnAliasMatchesNothingAndNoManagementRingIsGuessed() {
        SetupSpec spec = SetupDraft.propose(List.of("root@n1", "root@n2"),
                List.of(node("node1", 1, null), node("node2", 2, null)));
        assertNull(spec.nodes().get(0).management());
    }
}
