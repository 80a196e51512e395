package org.clusterdeck.app.monitor;

import java.time.Instant;
import java.util.List;
import org.clusterdeck.cluster.cib.Cib;
import org.clusterdeck.cluster.status.ClusterStatus;

/**
 * The cluster as ClusterDeck sees it at one moment: every node's latest answer, and the one
 * status shown for the cluster, taken from {@code source}.
 *
 * @param source       the host whose answer {@code status} and {@code cib} come from; null while no
 *                     node has answered
 * @param disagreement what the answering nodes' own views contradict each other about, for some
 *                     seconds now (a partition); null while they agree
 */
public record ClusterView(Instant time, List<NodeView> nodes, String source, ClusterStatus status, Cib cib,
        String disagreement) {
    public ClusterView {
        nodes = List.copyOf(nodes);
    }

    public ClusterView(Instant time, List<NodeView> nodes, String source, ClusterStatus status, Cib cib) {
        this(time, nodes, source, status, cib, null);
    }
}
