package org.clusterdeck.cluster.setup.preflight;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.clusterdeck.cluster.setup.SetupSpec;

/**
 * What of an existing {@code corosync.conf} tells a real cluster from the package's default.
 *
 * @param nodeAddresses every {@code ringN_addr} of its node list, in order
 */
public record CorosyncConf(String clusterName, List<String> nodeAddresses) {
    public CorosyncConf {
        nodeAddresses = List.copyOf(nodeAddresses);
    }

    /**
     * Debian's corosync package installs a one-node configuration on 127.0.0.1 and starts it
     * (pacemaker then writes a CIB for it). That is a node with the packages, not a node in a
     * cluster: the setup may replace it, with a backup. A node list with any other address is a
     * cluster someone built, as is a configuration without a node list (corosync 2's multicast).
     */
    public boolean packageDefault() {
        return !nodeAddresses.isEmpty() && nodeAddresses.stream().allMatch(CorosyncConf::loopback);
    }

    /**
     * Whether this is the configuration the spec's own setup writes: its cluster name and its
     * nodes' addresses. Found on a node, it means an earlier run of the same setup got that far,
     * so the run resumes instead of refusing the node as someone else's cluster.
     */
    public boolean writtenFor(SetupSpec spec) {
        Set<String> planned = new HashSet<>();
        for (SetupSpec.Node n : spec.nodes()) {
            planned.add(n.heartbeat());
            if (spec.corosync() != null && spec.corosync().secondLink() && n.management() != null) {
                planned.add(n.management());
            }
        }
        return spec.cluster().equals(clusterName) && planned.equals(new HashSet<>(nodeAddresses));
    }

    private static boolean loopback(String address) {
        return address.startsWith("127.") || address.equals("::1") || address.equals("localhost");
    }
}
