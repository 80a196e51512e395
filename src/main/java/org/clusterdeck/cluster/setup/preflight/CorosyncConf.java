package org.clusterdeck.cluster.setup.preflight;

import java.util.List;
import org.clusterdeck.cluster.setup.SetupSpec;

/**
 * What of an existing {@code corosync.conf} tells a real cluster from the package's default.
 *
 * @param nodeAddresses every {@code ringN_addr} of its node list, in order
 * @param text          the file as read
 */
public record CorosyncConf(String clusterName, List<String> nodeAddresses, String text) {
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
     * Whether this is, to the byte, the configuration the spec's own setup writes: an earlier run of
     * the same setup got that far, and this run resumes. A cluster someone built with the same name
     * and addresses is still someone else's: the setup would replace its key and restart it.
     */
    public boolean writtenFor(SetupSpec spec) {
        return org.clusterdeck.cluster.setup.CorosyncConf.render(spec).equals(text);
    }

    private static boolean loopback(String address) {
        return address.startsWith("127.") || address.equals("::1") || address.equals("localhost");
    }
}
