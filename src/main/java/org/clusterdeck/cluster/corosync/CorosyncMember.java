package org.clusterdeck.cluster.corosync;

/**
 * One member of the corosync membership. {@code name} is the node name from corosync.conf, or its
 * address when the nodelist gives none; a quorum device is listed with node id 0.
 */
public record CorosyncMember(long nodeId, int votes, String name, boolean local) {
}
