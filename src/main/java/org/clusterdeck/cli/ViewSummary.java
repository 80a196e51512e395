package org.clusterdeck.cli;

import java.util.stream.Collectors;
import org.clusterdeck.app.monitor.ClusterView;
import org.clusterdeck.cluster.status.ClusterNode;
import org.clusterdeck.cluster.status.ClusterStatus;

/** One line on the state of a cluster, for people starting to watch it. */
final class ViewSummary {
    private ViewSummary() {
    }

    static String of(ClusterView view) {
        ClusterStatus s = view.status();
        String nodes = s.nodes().stream()
                .map(n -> n.name() + " " + state(n) + (n.dc() ? " (DC)" : ""))
                .collect(Collectors.joining(", "));
        long active = s.resources().stream().filter(r -> r.active()).count();
        Boolean quorum = s.summary().quorum();
        return nodes + "; quorum " + (quorum == null ? "unknown" : quorum ? "yes" : "NO") + "; " + active + " of "
                + s.resources().size() + " resource instances active; status from " + view.source();
    }

    private static String state(ClusterNode n) {
        return !n.online() ? "OFFLINE" : n.standby() ? "standby" : n.maintenance() ? "maintenance" : "online";
    }
}
