package org.clusterdeck.cluster.checks;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.clusterdeck.cluster.drbd.DrbdConnection;
import org.clusterdeck.cluster.drbd.DrbdPeerDevice;
import org.clusterdeck.cluster.drbd.DrbdResource;

/**
 * One node's view of a DRBD resource, matched to the other nodes: what the alarms and their
 * recoveries are judged from.
 *
 * @param resource null when the node gave no status for it (not answering)
 * @param toPeers  the node's connections by the cluster node they lead to
 */
record DrbdSide(String node, DrbdResource resource, Map<String, DrbdConnection> toPeers) {
    DrbdSide {
        toPeers = Map.copyOf(toPeers);
    }

    /** The connection to {@code other}; null when there is none or other is unknown. */
    DrbdConnection to(String other) {
        return other == null ? null : toPeers.get(other);
    }

    /** Not trying to reach {@code other}: StandAlone, or (8.4 text, DRBD 9 after del-peer) no connection. */
    boolean notTrying(String other) {
        DrbdConnection c = to(other);
        return resource != null && (c == null ? resource.connections().isEmpty() : c.isStandAlone());
    }

    boolean notTrying() {
        return resource != null && (resource.connections().isEmpty()
                || resource.connections().stream().anyMatch(DrbdConnection::isStandAlone));
    }

    boolean primary() {
        return resource != null && resource.isPrimary();
    }

    boolean outdated() {
        return resource != null && !resource.devices().isEmpty()
                && resource.devices().stream().allMatch(d -> "Outdated".equals(d.diskState()));
    }

    /** KiB this node has marked out of sync with {@code other}: what changed on either side since they parted. */
    Long outOfSyncKiB(String other) {
        DrbdConnection c = to(other);
        if (c == null || c.peerDevices().isEmpty()
                || c.peerDevices().stream().anyMatch(p -> p.outOfSyncKiB() == null)) {
            return null;
        }
        return c.peerDevices().stream().mapToLong(DrbdPeerDevice::outOfSyncKiB).sum();
    }

    /** The one node besides {@code node}; null when there are more (a DRBD 9 mesh) or none. */
    static String other(List<DrbdSide> sides, String node) {
        List<String> others = sides.stream().map(DrbdSide::node).filter(n -> !Objects.equals(n, node)).toList();
        return others.size() == 1 ? others.get(0) : null;
    }
}
