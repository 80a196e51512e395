package org.clusterdeck.ui.drbd;

import java.util.List;

/**
 * A DRBD resource that needs an admin: a split brain, two Primaries that cannot see each other,
 * or a node that does not try to reach its peer.
 *
 * @param nodes      the nodes that hold the resource, sorted: the candidates for the victim
 * @param victim     the node whose changes the recovery would discard: the admin's choice, else
 *                   the suggestion; null when nothing suggests one
 * @param suggested  whether {@code victim} is the console's suggestion rather than the admin's choice
 * @param steps      the recovery an admin carries out by hand, commands included
 */
public record DrbdAlarm(String resource, Kind kind, List<String> nodes, String victim, boolean suggested,
        String title, String steps) {

    public DrbdAlarm {
        nodes = List.copyOf(nodes);
    }

    public enum Kind {
        /** DRBD ran its split-brain handler (known only from an events2 stream). */
        SPLIT_BRAIN,
        /**
         * Two nodes are Primary without a connection between them: both may write, so their data
         * has split (or will with the next write) and DRBD will call it a split brain on connect.
         */
        DIVERGED,
        /**
         * A node does not try to reach its peer (StandAlone, or no connection at all): after a
         * split brain, an admin's disconnect, or a connection DRBD refused; the status alone
         * does not say which.
         */
        STANDALONE
    }
}
