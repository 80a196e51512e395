package org.clusterdeck.cluster.setup;

/**
 * dhcpd.conf for the service, identical on both nodes. The leases file is not named here: the
 * cluster's dhcpd resource passes it ({@code -lf}) so that it lies on the replicated filesystem
 * (see {@link CibResources}), and a dhcpd started by hand would not silently use another one.
 * {@code authoritative}: this is the network's one DHCP server, so it NAKs leases it did not give
 * (e.g. a client moved in from another network) instead of leaving the client waiting.
 */
public final class DhcpdConf {
    public static final String PATH = "/etc/dhcp/dhcpd.conf";

    private DhcpdConf() {
    }

    /** The file the nodes get: the admin's own text where the spec has one, else the one made from the fields. */
    public static String render(SetupSpec spec) {
        String own = spec.service().dhcp().config();
        return own != null ? own : generated(spec);
    }

    /** The file made from the spec's fields, the start of an admin's own edit. */
    public static String generated(SetupSpec spec) {
        SetupSpec.Dhcp d = spec.service().dhcp();
        Ipv4.Subnet subnet = Ipv4.Subnet.parse(d.subnet());
        StringBuilder sb = new StringBuilder();
        sb.append("# Written by ClusterDeck's setup for cluster ").append(spec.cluster())
                .append("; see dhcpd.conf(5). Leases file: set by the cluster's dhcpd resource.\n");
        sb.append("authoritative;\n");
        // Clients renew with the server they got the lease from: the VIP, which moves with the
        // service, not the node's own address on the client network, which does not.
        sb.append("server-identifier ").append(spec.service().vip()).append(";\n");
        sb.append("default-lease-time ").append(d.leaseSeconds()).append(";\n");
        sb.append("max-lease-time ").append(2L * d.leaseSeconds()).append(";\n\n");
        sb.append("subnet ").append(subnet.first()).append(" netmask ").append(subnet.netmask()).append(" {\n");
        sb.append("    range ").append(d.rangeFrom()).append(' ').append(d.rangeTo()).append(";\n");
        if (d.router() != null) {
            sb.append("    option routers ").append(d.router()).append(";\n");
        }
        if (!d.dns().isEmpty()) {
            sb.append("    option domain-name-servers ").append(String.join(", ", d.dns())).append(";\n");
        }
        sb.append("}\n");
        return sb.toString();
    }
}
