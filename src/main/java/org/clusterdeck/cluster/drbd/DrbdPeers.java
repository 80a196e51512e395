package org.clusterdeck.cluster.drbd;

import java.util.Set;

/**
 * Matching what one node's DRBD status says to the cluster's nodes. A connection's peer is the
 * node of that name; when the names do not match (DRBD 8.4 calls every peer {@code peer},
 * /proc/drbd names none) and exactly two nodes report, it is the other one.
 */
public final class DrbdPeers {
    private DrbdPeers() {
    }

    /**
     * The cluster node a connection of {@code holder} leads to.
     *
     * @param peer  the connection's peer name; may be null
     * @param nodes the nodes whose DRBD status is known
     * @return that node, else the peer name as DRBD gives it (null for /proc/drbd)
     */
    public static String nodeOf(String peer, String holder, Set<String> nodes) {
        if (peer != null && nodes.contains(peer) && !peer.equals(holder)) {
            return peer;
        }
        if (nodes.size() == 2) {
            return nodes.stream().filter(n -> !n.equals(holder)).findFirst().orElseThrow();
        }
        return peer;
    }

    /** A resource's name across nodes; /proc/drbd names none, so its minor stands in ("minor 0"). */
    public static String key(DrbdResource r) {
        return r.name() != null ? r.name() : r.devices().isEmpty() ? "?" : "minor " + r.devices().get(0).minor();
    }
}
