package org.clusterdeck.app.monitor;

import java.time.Instant;
import org.clusterdeck.cluster.checks.ClockOffset;
import org.clusterdeck.cluster.cib.Cib;
import org.clusterdeck.cluster.corosync.CorosyncQuorum;
import org.clusterdeck.cluster.drbd.DrbdStatus;
import org.clusterdeck.cluster.software.NodeSoftware;
import org.clusterdeck.cluster.status.ClusterStatus;

/**
 * What one node answered at its latest poll. Parts it could not give are null and {@code error}
 * says why; a node that answered with something unusable is reachable but has no status.
 *
 * @param host       the host as the user gave it ({@code [user@]host[:port]})
 * @param answeredAt when the cluster status in this view was read; null if never
 * @param software   what the node runs; while it does not answer, what it ran when last seen
 * @param cib        the CIB, fetched again only when crm_mon reports a new configuration change
 * @param error      the latest problem with this node (which command, what went wrong), with and without the
 *                   node for the places that name it already
 * @param link       how late the node answers while it is {@link Reach#SLOW}; null otherwise
 * @param clock      how far the node's clock is from the console's, as last read on this connection; null
 *                   before the first reading
 */
public record NodeView(
        String host,
        Reach reach,
        Instant answeredAt,
        NodeSoftware software,
        ClusterStatus status,
        CorosyncQuorum quorum,
        DrbdStatus drbd,
        Cib cib,
        NodeError error,
        LinkQuality link,
        ClockOffset clock) {

    public NodeView(String host, Reach reach, Instant answeredAt, NodeSoftware software, ClusterStatus status,
            CorosyncQuorum quorum, DrbdStatus drbd, Cib cib, NodeError error) {
        this(host, reach, answeredAt, software, status, quorum, drbd, cib, error, null, null);
    }

    /** The same view, slow with {@code link}. */
    NodeView slow(LinkQuality link) {
        return new NodeView(host, Reach.SLOW, answeredAt, software, status, quorum, drbd, cib, error, link, clock);
    }

    static NodeView connecting(String host) {
        return new NodeView(host, Reach.CONNECTING, null, null, null, null, null, null, null);
    }

    /** The cluster's name for this node once known, else the host. */
    public String nodeName() {
        return software != null ? software.nodeName() : host;
    }
}
