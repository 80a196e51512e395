package org.clusterdeck.cluster.checks;

import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.cluster.status.ClusterNode;

/**
 * A node as crm_mon reports it plus whether the console itself can reach the host: crm_mon on
 * another node may still call a node online that nobody can log in to.
 */
public record NodeCondition(ClusterNode node, boolean unreachable) {
    public String name() {
        return node.name();
    }

    /** The node's state in a few words, worst first, e.g. "UNCLEAN, offline" or "online, standby". */
    public String state() {
        List<String> words = new ArrayList<>();
        if (unreachable) {
            words.add("unreachable");
        }
        if (node.unclean()) {
            words.add("UNCLEAN");
        }
        words.add(node.online() ? "online" : node.pending() ? "pending" : "offline");
        if (node.standby()) {
            words.add(node.standbyOnFail() ? "standby (on-fail)" : "standby");
        }
        if (node.maintenance()) {
            words.add("maintenance");
        }
        if (node.shutdown()) {
            words.add("shutting down");
        }
        return String.join(", ", words);
    }

    /** Down, unclean or not reachable from here: the admin must look now. */
    public boolean down() {
        return unreachable || node.unclean() || !node.online();
    }

    /** Up but not taking resources as usual. */
    public boolean restricted() {
        return node.standby() || node.maintenance();
    }
}
