package org.clusterdeck.cluster.checks;

import java.util.List;
import org.clusterdeck.cluster.events.Severity;

/**
 * A DRBD resource that needs an admin: a split brain, two Primaries that cannot see each other,
 * a node that does not try to reach its peer, or an Outdated disk that is not resyncing.
 *
 * @param nodes      the nodes that hold the resource, sorted: the candidates for the victim (empty
 *                   where there is no victim to choose)
 * @param victim     the node whose changes the recovery would discard: the admin's choice, else
 *                   the suggestion; null when nothing suggests one
 * @param suggested  whether {@code victim} is the console's suggestion rather than the admin's choice
 * @param steps      the recovery an admin carries out by hand, commands included
 * @param commands   the commands of {@code steps}, in order, with the node each runs on
 */
public record DrbdAlarm(String resource, Kind kind, List<String> nodes, String victim, boolean suggested,
        String title, String steps, List<SuggestedCommand> commands) {

    public DrbdAlarm {
        nodes = List.copyOf(nodes);
        commands = List.copyOf(commands);
    }

    public enum Kind {
        /** DRBD ran its split-brain handler (known only from an events2 stream). */
        SPLIT_BRAIN(FindingKind.DRBD_SPLIT_BRAIN, Severity.CRITICAL),
        /**
         * Two nodes are Primary without a connection between them: both may write, so their data
         * has split (or will with the next write) and DRBD will call it a split brain on connect.
         */
        DIVERGED(FindingKind.DRBD_DIVERGED, Severity.CRITICAL),
        /**
         * A node does not try to reach its peer (StandAlone, or no connection at all): after a
         * split brain, an admin's disconnect, or a connection DRBD refused; the status alone
         * does not say which.
         */
        STANDALONE(FindingKind.DRBD_STANDALONE, Severity.WARNING),
        /**
         * A node's disk is Outdated and it is not resyncing from an UpToDate peer: it cannot be
         * promoted, so the service cannot fail over to it.
         */
        OUTDATED(FindingKind.DRBD_OUTDATED, Severity.WARNING);

        private final FindingKind finding;
        private final Severity severity;

        Kind(FindingKind finding, Severity severity) {
            this.finding = finding;
            this.severity = severity;
        }
    }

    /** Whether the recovery discards one node's data, so the admin chooses which. */
    public boolean hasVictim() {
        return kind != Kind.OUTDATED;
    }

    public Finding finding() {
        return new Finding(kind.finding, kind.severity, resource, title + ".", commands, steps);
    }
}
