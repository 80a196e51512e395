package org.clusterdeck.ui.drbd;

import java.util.List;

/**
 * A DRBD resource that needs an admin: a split brain, or a connection left StandAlone.
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
        /** DRBD ran its split-brain handler (known from events2). */
        SPLIT_BRAIN,
        /** A connection is StandAlone: after a split brain, or an admin's disconnect. */
        STANDALONE
    }
}
