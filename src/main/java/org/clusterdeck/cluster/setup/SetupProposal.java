package org.clusterdeck.cluster.setup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.clusterdeck.cluster.setup.preflight.DiskChoice;
import org.clusterdeck.cluster.setup.preflight.NetInterface;
import org.clusterdeck.cluster.setup.preflight.NodeInventory;

/**
 * What the setup can offer and propose from two bare nodes' inventories, before the admin decides:
 * the networks both nodes are on (the heartbeat link and the second link are chosen among them),
 * the interface names both have (the service's NIC), and a pair of empty disks of equal size. Each
 * proposal is only a default the admin may change; the pre-flight judges what is finally chosen.
 */
public final class SetupProposal {
    private SetupProposal() {
    }

    /** One node's end of a link: the interface and its address there. */
    public record End(String nic, String address) {
    }

    /**
     * A network both nodes have an address on, the addresses differing: where corosync and DRBD can
     * talk. (QEMU's user networks give every guest the same address: no link.)
     *
     * @param network CIDR, e.g. {@code 10.99.0.0/24}
     * @param ends    the first node's end, then the second's
     */
    public record Link(String network, List<End> ends) {
        public Link {
            ends = List.copyOf(ends);
        }

        @Override
        public String toString() {
            return network + " (" + ends.stream().map(e -> e.address() + " on " + e.nic())
                    .collect(Collectors.joining(", ")) + ")";
        }
    }

    /** Every network both nodes are on, in the first node's order of interfaces. */
    public static List<Link> links(NodeInventory a, NodeInventory b) {
        List<Link> out = new ArrayList<>();
        for (NetInterface ia : a.interfaces()) {
            for (NetInterface.Address aa : ia.addresses()) {
                Ipv4.Subnet net = network(aa);
                for (NetInterface ib : b.interfaces()) {
                    for (NetInterface.Address ab : ib.addresses()) {
                        if (net.equals(network(ab)) && !aa.address().equals(ab.address())) {
                            out.add(new Link(net.toString(), List.of(new End(ia.name(), aa.address()),
                                    new End(ib.name(), ab.address()))));
                        }
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The link for the heartbeat and DRBD: one that the console does not reach the nodes over
     * (replication traffic on the management network competes with the admin's own access), else
     * the first. Empty when the nodes share no network.
     *
     * @param sshHosts the host parts the console reaches the nodes at
     */
    public static Optional<Link> heartbeat(List<Link> links, Set<String> sshHosts) {
        return links.stream().filter(l -> l.ends().stream().noneMatch(e -> sshHosts.contains(e.address()))).findFirst()
                .or(() -> links.stream().findFirst());
    }

    /** The management link for corosync's second ring: the one the console reaches the nodes over, when the nodes share it. */
    public static Optional<Link> management(List<Link> links, Set<String> sshHosts) {
        return links.stream().filter(l -> l.ends().stream().allMatch(e -> sshHosts.contains(e.address()))).findFirst();
    }

    /** Interface names both nodes have (IPaddr2 takes one name for both), in the first node's order. */
    public static List<String> sharedNics(NodeInventory a, NodeInventory b) {
        Set<String> theirs = b.interfaces().stream().map(NetInterface::name).collect(Collectors.toSet());
        return a.interfaces().stream().map(NetInterface::name).filter(theirs::contains).toList();
    }

    /**
     * The NIC clients reach the service on: a shared interface name that carries neither the
     * heartbeat nor the management link on either node, its link up on both, and not an address
     * both nodes have alike (each behind its own NAT, as QEMU's user network: a VIP there reaches
     * no client); else none.
     */
    public static Optional<String> serviceNic(NodeInventory a, NodeInventory b, List<Link> taken) {
        Set<String> busy = taken.stream().flatMap(l -> l.ends().stream()).map(End::nic).collect(Collectors.toSet());
        return sharedNics(a, b).stream().filter(n -> !busy.contains(n) && up(a, n) && up(b, n)
                && java.util.Collections.disjoint(addresses(a, n), addresses(b, n))).findFirst();
    }

    private static Set<String> addresses(NodeInventory node, String nic) {
        return node.interfaces().stream().filter(i -> i.name().equals(nic)).flatMap(i -> i.addresses().stream())
                .map(NetInterface.Address::address).collect(Collectors.toSet());
    }

    /** The network both nodes have addresses on over this NIC: the DHCP subnet it would serve. */
    public static Optional<String> subnetOn(NodeInventory a, NodeInventory b, String nic) {
        return links(a, b).stream().filter(l -> l.ends().get(0).nic().equals(nic) && l.ends().get(1).nic().equals(nic))
                .map(Link::network).findFirst();
    }

    /**
     * A pair of disks of equal size for DRBD: both empty if there is such a pair, else the first
     * pair neither of which is mounted or holds mounted volumes (the pre-flight then names what is on
     * it, rather than the wizard proposing nothing); of those, the same kernel name on both first
     * (the same slot in two identical machines). Empty when no pair of equal, unmounted disks exists.
     */
    public static Optional<List<DiskChoice>> disks(NodeInventory a, NodeInventory b) {
        List<List<DiskChoice>> pairs = new ArrayList<>();
        for (DiskChoice da : a.disks()) {
            for (DiskChoice db : b.disks()) {
                if (free(da) && free(db) && da.sizeBytes() == db.sizeBytes()) {
                    pairs.add(List.of(da, db));
                }
            }
        }
        // min keeps the first of equals
        return pairs.stream().min(Comparator.comparing((List<DiskChoice> p) -> !(p.get(0).looksEmpty()
                && p.get(1).looksEmpty())).thenComparing(p -> !p.get(0).path().equals(p.get(1).path())));
    }

    /** Writable and nothing of it in use: what is on it may be old data, but no running system needs it. */
    private static boolean free(DiskChoice d) {
        return !d.readOnly() && d.contents().stream().noneMatch(c -> c.contains("mounted on"));
    }

    private static boolean up(NodeInventory n, String nic) {
        return n.interfaces().stream().anyMatch(i -> i.name().equals(nic) && i.up());
    }

    private static Ipv4.Subnet network(NetInterface.Address a) {
        return new Ipv4.Subnet(new Ipv4.Subnet(Ipv4.parse(a.address()), a.prefixLength()).first(), a.prefixLength());
    }
}
