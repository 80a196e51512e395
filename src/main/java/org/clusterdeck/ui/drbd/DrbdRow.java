package org.clusterdeck.ui.drbd;

/**
 * One volume of one resource between two nodes, with each side's own view where the monitor has
 * it: {@code node}'s role, disk and connection state from its own status; the peer's from the
 * peer's status, or from what {@code node} sees of the peer when the peer gave none.
 *
 * @param peerConnection the connection state as the peer sees it; null when the peer gave no status
 * @param sync           null unless a resync or verify runs
 */
public record DrbdRow(
        String resource,
        Integer volume,
        String node,
        String role,
        String disk,
        String connection,
        String replication,
        String peer,
        String peerRole,
        String peerDisk,
        String peerConnection,
        SyncProgress sync) {

    /** The key of this pair's speed history: resource, volume and the two nodes. */
    public String key() {
        return key(resource, volume, node, peer);
    }

    static String key(String resource, Integer volume, String node, String peer) {
        return resource + "/" + (volume == null ? "-" : volume) + " " + node + "\u2194" + peer;
    }

    /** Something is wrong: not connected, a side not UpToDate, a split brain's StandAlone. */
    public boolean degraded() {
        return !"Connected".equals(connection) || peerConnection != null && !"Connected".equals(peerConnection)
                || !"UpToDate".equals(disk) && !"Diskless".equals(disk)
                || peerDisk != null && !"UpToDate".equals(peerDisk) && !"Diskless".equals(peerDisk);
    }

    public String volumeText() {
        return volume == null ? "" : volume.toString();
    }
}
