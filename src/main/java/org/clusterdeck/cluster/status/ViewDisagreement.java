package org.clusterdeck.cluster.status;

import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Whether nodes' own views of the cluster contradict each other about who is a member: each node's
 * crm_mon lists the nodes it sees online and the DC it follows. Nodes of one cluster agree on that;
 * nodes that each see the other offline, or follow different DCs, are in different partitions, and
 * what either of them says is only its side's truth.
 */
public final class ViewDisagreement {
    private ViewDisagreement() {
    }

    /**
     * What the nodes disagree about, naming each side's view; null when they agree (or fewer than two
     * views are given).
     *
     * @param views each node's name and the status its own crm_mon printed
     */
    public static String between(Map<String, ClusterStatus> views) {
        if (views.size() < 2) {
            return null;
        }
        boolean agree = views.values().stream().map(ViewDisagreement::membership).distinct().count() == 1;
        if (agree) {
            return null;
        }
        StringBuilder sb = new StringBuilder("the nodes see different clusters: ");
        String sep = "";
        for (Map.Entry<String, ClusterStatus> e : views.entrySet()) {
            ClusterStatus s = e.getValue();
            Boolean quorum = s.summary() == null ? null : s.summary().quorum();
            sb.append(sep).append(e.getKey()).append(" sees ").append(online(s)).append(" online, DC ")
                    .append(Objects.requireNonNullElse(dc(s), "none"))
                    .append(quorum == null ? "" : quorum ? ", with quorum" : ", without quorum");
            sep = "; ";
        }
        return sb.toString();
    }

    private static String membership(ClusterStatus s) {
        return online(s) + " " + dc(s);
    }

    private static TreeSet<String> online(ClusterStatus s) {
        TreeSet<String> names = new TreeSet<>();
        s.nodes().stream().filter(ClusterNode::online).forEach(n -> names.add(n.name()));
        return names;
    }

    private static String dc(ClusterStatus s) {
        return s.summary() == null || !s.summary().dcPresent() ? null : s.summary().dcName();
    }
}
