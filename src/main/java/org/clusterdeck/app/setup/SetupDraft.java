package org.clusterdeck.app.setup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.clusterdeck.app.nodes.NodeGroup;
import org.clusterdeck.cluster.setup.SetupProposal;
import org.clusterdeck.cluster.setup.SetupSpec;
import org.clusterdeck.cluster.setup.preflight.DiskChoice;
import org.clusterdeck.cluster.setup.preflight.NodeFactsReader;
import org.clusterdeck.cluster.setup.preflight.NodeInventory;
import org.clusterdeck.transport.ssh.SshTarget;

/**
 * The start of a setup from two bare nodes: what they offer, read from both at once, and a spec
 * filled in with what can be proposed from it (names, links, disks, the service's NIC and subnet).
 * What only the admin knows (the cluster's name, fencing, the VIP and the range) is left empty.
 */
public final class SetupDraft {
    /** Where the reference cluster keeps dhcpd's leases: on the replicated filesystem. */
    public static final String MOUNTPOINT = "/data";

    private SetupDraft() {
    }

    /**
     * Reads each node's inventory, the nodes at once (a node that does not answer costs its
     * connection timeout once). Blocks: call it off the window's thread.
     */
    public static List<NodeInventory> inventories(NodeGroup nodes) throws InterruptedException {
        return List.copyOf(nodes.each(n -> new NodeFactsReader(n.runner(), n.host()).inventory()));
    }

    /**
     * The spec as far as the two nodes let it be proposed. Null parts are for the admin: the
     * cluster's name, fencing, the VIP and the DHCP range.
     *
     * @param hosts how the console reaches each node ({@code [user@]host[:port]}), in order
     */
    public static SetupSpec propose(List<String> hosts, List<NodeInventory> nodes) {
        NodeInventory a = nodes.get(0);
        NodeInventory b = nodes.get(1);
        // where the console's connections arrived, as each node told; else the host as given, which
        // matches an interface address only when it is one (not a name or an ~/.ssh/config alias)
        Set<String> sshHosts = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            sshHosts.add(nodes.get(i).reachedAt() != null ? nodes.get(i).reachedAt()
                    : SshTarget.parse(hosts.get(i), "root").host());
        }
        List<SetupProposal.Link> links = SetupProposal.links(a, b);
        Optional<SetupProposal.Link> heartbeat = SetupProposal.heartbeat(links, sshHosts);
        Optional<SetupProposal.Link> management = SetupProposal.management(links, sshHosts)
                .filter(m -> !m.equals(heartbeat.orElse(null)));
        Optional<List<DiskChoice>> disks = SetupProposal.disks(a, b);
        List<SetupSpec.Node> specNodes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int n = i;
            specNodes.add(new SetupSpec.Node(nodes.get(i).unameNode(), hosts.get(i),
                    heartbeat.map(l -> l.ends().get(n).address()).orElse(null),
                    management.map(l -> l.ends().get(n).address()).orElse(null),
                    disks.map(d -> d.get(n).stablePath()).orElse(null)));
        }
        List<SetupProposal.Link> taken = new ArrayList<>();
        heartbeat.ifPresent(taken::add);
        management.ifPresent(taken::add);
        Optional<String> nic = SetupProposal.serviceNic(a, b, taken);
        Optional<String> subnet = nic.flatMap(x -> SetupProposal.subnetOn(a, b, x));
        Integer prefix = subnet.map(s -> Integer.valueOf(s.substring(s.indexOf('/') + 1))).orElse(null);
        return new SetupSpec(null, SetupSpec.DEFAULT_DIALECT, specNodes,
                new SetupSpec.Corosync(management.isPresent(), null), null,
                new SetupSpec.Drbd("r0", "/dev/drbd0", null, null),
                new SetupSpec.Filesystem(null, MOUNTPOINT),
                new SetupSpec.Service(null, prefix, nic.orElse(null),
                        new SetupSpec.Dhcp(subnet.orElse(null), null, null, null, null, null, null)),
                null);
    }
}
