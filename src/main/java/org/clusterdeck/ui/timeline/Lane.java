package org.clusterdeck.ui.timeline;

import org.clusterdeck.cluster.events.EventType;

/** The rows of the timeline: which part of the cluster an event is about. */
public enum Lane {
    NODES("Nodes"),
    FENCING("Fencing, quorum, DC"),
    RESOURCES("Resources"),
    DRBD("DRBD"),
    MONITOR("Monitor");

    private final String title;

    Lane(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The lane of an event; failovers have none, they are drawn as bands across all lanes. */
    public static Lane of(EventType type) {
        return switch (type) {
            case NODE_LOST, NODE_JOINED -> NODES;
            case FENCING, QUORUM_LOST, QUORUM_REGAINED, DC_CHANGED -> FENCING;
            case RESOURCE_STARTED, RESOURCE_STOPPED, RESOURCE_MOVED, RESOURCE_PROMOTED, RESOURCE_DEMOTED,
                    RESOURCE_FAILED, RESOURCE_RECOVERED -> RESOURCES;
            case DRBD_CONNECTION, DRBD_ROLE, DRBD_DISK, DRBD_SPLIT_BRAIN, DRBD_SYNC_STARTED, DRBD_SYNC_PROGRESS,
                    DRBD_SYNC_FINISHED -> DRBD;
            case NODE_UNREACHABLE, NODE_REACHABLE, LINK_DEGRADED, LINK_RECOVERED, VIEWS_DISAGREE, VIEWS_AGREE, ERROR ->
                    MONITOR;
            case FAILOVER_STARTED, FAILOVER -> null;
        };
    }
}
