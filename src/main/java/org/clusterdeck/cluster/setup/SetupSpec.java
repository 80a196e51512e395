package org.clusterdeck.cluster.setup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * What an admin decides to build the reference cluster from two bare nodes: the classic
 * active/passive DHCP server (a virtual IP, a DRBD-replicated disk with a filesystem on it, dhcpd
 * with its leases on that filesystem). Read from YAML ({@link SetupSpecReader}); every choice the
 * plan needs is here, nothing is guessed later. Values are checked when read.
 *
 * @param cluster  the cluster's name (corosync's cluster_name)
 * @param dialect  how the plan spells its commands: {@code auto}, {@code pacemaker}, {@code crmsh} or {@code pcs}
 * @param nodes    exactly two
 * @param verification how the finished cluster is proven from the client network; null: without a lease check
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"cluster", "dialect", "nodes", "corosync", "fencing", "drbd", "filesystem", "service",
        "verification"})
public record SetupSpec(String cluster, String dialect, List<Node> nodes, Corosync corosync, Fencing fencing,
        Drbd drbd, Filesystem filesystem, Service service, Verification verification) {

    /** What the plan uses when the spec leaves the dialect out: the node's own management shell. */
    public static final String DEFAULT_DIALECT = "auto";

    public SetupSpec {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        dialect = dialect == null ? DEFAULT_DIALECT : dialect;
    }

    /** The node of that name, or an error naming the nodes there are. */
    public Node node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + name + " in the spec (nodes: "
                        + nodes.stream().map(Node::name).toList() + ")"));
    }

    /**
     * One node.
     *
     * @param name       the node's name everywhere: {@code uname -n}, corosync's node list, DRBD's {@code on} section
     * @param host       how ClusterDeck reaches it over SSH ({@code [user@]host[:port]}); {@code --host} may override
     * @param heartbeat  its address on the replication and heartbeat link
     * @param management its address on the management network, for corosync's second knet link; null for one link
     * @param disk       the empty backing disk for DRBD, e.g. {@code /dev/vdb} or a {@code /dev/disk/by-id/} path
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "host", "heartbeat", "management", "disk"})
    public record Node(String name, String host, String heartbeat, String management, String disk) {
    }

    /**
     * @param secondLink also run corosync over the management network (knet link 1)
     * @param tokenMs    corosync's token timeout; null for corosync's default
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Corosync(boolean secondLink, Integer tokenMs) {
    }

    /**
     * How a node that stops answering is taken out.
     *
     * @param kind        {@code ipmi} (fence_ipmilan), {@code virsh} (fence_virsh), {@code sbd}, {@code lab}
     *                    (the lab's own power switch), or {@code none}
     * @param parameters  the fence agent's parameters per node name (address, login, …), as the agent names them
     * @param delayNode   the node whose fencing is delayed, so that in a split the other one is fenced first
     *                    (two nodes that fence each other at once would both die); null for none
     * @param acknowledgeNoFencing with {@code kind: none}: the admin read why that risks split brain and chose it
     * @param test        fence the node that is not {@code delayNode} once, right after the devices are in place
     *                    and before any data: it is powered off and on again, and must come back into the cluster
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"kind", "parameters", "delayNode", "acknowledgeNoFencing", "test"})
    public record Fencing(String kind, Map<String, Map<String, String>> parameters, String delayNode,
            boolean acknowledgeNoFencing, boolean test) {
        public Fencing {
            parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        }
    }

    /**
     * @param resource   DRBD's resource name
     * @param device     the DRBD device, e.g. {@code /dev/drbd0}
     * @param port       the replication port on the heartbeat link; DRBD's usual 7789 when left out
     * @param resyncRate the initial sync's and resyncs' rate, in drbd.conf's words (e.g. {@code 40M});
     *                   null for DRBD's default
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"resource", "device", "port", "resyncRate"})
    public record Drbd(String resource, String device, Integer port, String resyncRate) {
        public static final int DEFAULT_PORT = 7789;

        public Drbd {
            port = port == null ? DEFAULT_PORT : port;
        }
    }

    /** @param type {@code ext4} (when left out) or {@code xfs} */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Filesystem(String type, String mountpoint) {
        public static final List<String> TYPES = List.of("ext4", "xfs");

        public Filesystem {
            type = type == null ? TYPES.get(0) : type;
        }
    }

    /**
     * The service clients see.
     *
     * @param vip   the address clients use, on every node's {@code nic}
     * @param nic   the client-facing interface, the same name on both nodes
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"vip", "prefixLength", "nic", "dhcp"})
    public record Service(String vip, Integer prefixLength, String nic, Dhcp dhcp) {
    }

    /**
     * What dhcpd hands out.
     *
     * @param subnet    the client network, e.g. {@code 10.10.101.0/24}
     * @param rangeFrom first address leased
     * @param rangeTo   last address leased
     * @param router    the default gateway clients get; null for none
     * @param dns       name servers clients get
     * @param leaseSeconds default lease time; {@link #DEFAULT_LEASE_SECONDS} when left out (a client
     *                  renews at half of it, so an hour keeps a failover's lost renewals harmless)
     * @param config    the whole dhcpd.conf as the admin edited it, written instead of the one made
     *                  from the fields above (which still say what the verification expects); null
     *                  for the made one. {@code dhcpd -t} checks it on each node before it is used
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"subnet", "rangeFrom", "rangeTo", "router", "dns", "leaseSeconds", "config"})
    public record Dhcp(String subnet, String rangeFrom, String rangeTo, String router, List<String> dns,
            Integer leaseSeconds, String config) {
        public static final int DEFAULT_LEASE_SECONDS = 3600;

        public Dhcp {
            dns = dns == null ? List.of() : List.copyOf(dns);
            leaseSeconds = leaseSeconds == null ? DEFAULT_LEASE_SECONDS : leaseSeconds;
        }
    }

    /**
     * How the verification asks for a lease: ClusterDeck cannot ask from the client network itself
     * (a DHCP client needs that network and root), so the admin names a command on the machine
     * ClusterDeck runs on that can, such as the lab's {@code lab/vm-probe-dhcp}.
     *
     * @param dhcpProbe the command and its arguments; it prints {@code server=IP address=IP} and exits 0
     *                  when a lease came, exits non-zero when none did
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Verification(List<String> dhcpProbe) {
        public Verification {
            dhcpProbe = dhcpProbe == null ? List.of() : List.copyOf(dhcpProbe);
        }
    }
}
