package org.clusterdeck.cluster.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** What happened, as {@code watch --json} names it in each line's {@code type}. */
public enum EventType {
    NODE_LOST("node-lost"),
    NODE_JOINED("node-joined"),
    /** The monitor cannot reach the node over SSH; the cluster may still count it as online. */
    NODE_UNREACHABLE("node-unreachable"),
    NODE_REACHABLE("node-reachable"),
    /** The node answers the monitor, but late: a lossy or congested path; once per episode, with the figures. */
    LINK_DEGRADED("link-degraded"),
    /** The node has answered promptly for a minute again. */
    LINK_RECOVERED("link-recovered"),
    /** The answering nodes' own views contradict each other about the membership: a partition. */
    VIEWS_DISAGREE("views-disagree"),
    /** They agree again. */
    VIEWS_AGREE("views-agree"),
    QUORUM_LOST("quorum-lost"),
    QUORUM_REGAINED("quorum-regained"),
    DC_CHANGED("dc-changed"),
    FENCING("fencing"),
    RESOURCE_STARTED("resource-started"),
    RESOURCE_STOPPED("resource-stopped"),
    RESOURCE_MOVED("resource-moved"),
    RESOURCE_PROMOTED("resource-promoted"),
    RESOURCE_DEMOTED("resource-demoted"),
    RESOURCE_FAILED("resource-failed"),
    RESOURCE_RECOVERED("resource-recovered"),
    DRBD_CONNECTION("drbd-connection"),
    DRBD_ROLE("drbd-role"),
    DRBD_DISK("drbd-disk"),
    DRBD_SPLIT_BRAIN("drbd-split-brain"),
    DRBD_SYNC_STARTED("drbd-sync-started"),
    DRBD_SYNC_PROGRESS("drbd-sync-progress"),
    DRBD_SYNC_FINISHED("drbd-sync-finished"),
    /** Trouble began that stopped resources which were running: a failover is under way. */
    FAILOVER_STARTED("failover-started"),
    /** Every resource the trouble stopped runs again; carries the measured duration. */
    FAILOVER("failover"),
    /** A node answered with something unusable (a tool failed, garbage instead of XML). */
    ERROR("error");

    private final String word;

    EventType(String word) {
        this.word = word;
    }

    @JsonValue
    public String word() {
        return word;
    }
}
