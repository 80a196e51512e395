package org.clusterdeck.app.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.clusterdeck.cluster.events.ClusterEvent;
import org.clusterdeck.cluster.events.DrbdChanges;
import org.clusterdeck.cluster.events.FailoverTracker;
import org.clusterdeck.cluster.events.MoveTracker;
import org.clusterdeck.cluster.events.StatusChanges;
import org.clusterdeck.cluster.events.EventType;
import org.clusterdeck.cluster.events.Severity;

/**
 * Finds the events between two successive views: reachability and errors of the node that just
 * answered, then what changed in the cluster. Keeps the state that spans views.
 */
final class ViewChanges {
    private final FailoverTracker failovers = new FailoverTracker();
    private final MoveTracker moves = new MoveTracker();

    List<ClusterEvent> between(ClusterView previous, NodeView nodeBefore, ClusterView current, NodeView node,
            Instant now) {
        List<ClusterEvent> events = new ArrayList<>();
        reach(nodeBefore, node, now, events);
        for (ClusterEvent e : events) {
            if (e.node() != null && e.type() == EventType.NODE_UNREACHABLE) {
                failovers.nodeUnreachable(e.node(), now);
            } else if (e.node() != null && e.type() == EventType.NODE_REACHABLE) {
                failovers.nodeReachable(e.node());
            }
        }
        if (current.disagreement() != null && previous.disagreement() == null) {
            events.add(ClusterEvent.of(now, EventType.VIEWS_DISAGREE, Severity.CRITICAL).seenBy(current.source())
                    .message(current.disagreement() + "; the status shown is " + current.source() + "'s"));
        } else if (current.disagreement() == null && previous.disagreement() != null && current.status() != null) {
            events.add(ClusterEvent.of(now, EventType.VIEWS_AGREE, Severity.INFO).seenBy(current.source())
                    .message("the nodes see the same cluster again"));
        }
        if (current.status() != null && current.status() != previous.status()) {
            List<ClusterEvent> changes = moves.apply(StatusChanges.between(previous.status(), current.status(), now))
                    .stream().map(e -> e.withSeenBy(current.source())).toList();
            events.addAll(changes);
            failovers.update(current.status(), changes, now).forEach(e -> events.add(e.withSeenBy(current.source())));
        }
        if (node.drbd() != null) {
            DrbdChanges.between(node.nodeName(), nodeBefore.drbd(), node.drbd(), now)
                    .forEach(e -> events.add(e.withSeenBy(node.host())));
        }
        return events;
    }

    private static void reach(NodeView before, NodeView after, Instant now, List<ClusterEvent> events) {
        String name = before.software() != null ? before.software().nodeName()
                : after.software() != null ? after.software().nodeName() : null;
        String who = name == null ? after.host() : name + " (" + after.host() + ")";
        if (after.reach() == Reach.UNREACHABLE && before.reach() != Reach.UNREACHABLE) {
            events.add(ClusterEvent.of(now, EventType.NODE_UNREACHABLE, Severity.WARNING).node(name)
                    .change(before.reach().name().toLowerCase(java.util.Locale.ROOT), "unreachable").seenBy(after.host())
                    .message(who + " does not answer: " + after.error().message()));
        } else if (answers(after) && before.reach() == Reach.UNREACHABLE) {
            events.add(ClusterEvent.of(now, EventType.NODE_REACHABLE, Severity.INFO).node(name)
                    .change("unreachable", "reachable").seenBy(after.host())
                    .message(who + " answers again"));
        }
        if (after.reach() == Reach.SLOW && before.reach() != Reach.SLOW) {
            events.add(ClusterEvent.of(now, EventType.LINK_DEGRADED, Severity.WARNING).node(name)
                    .change(before.reach().name().toLowerCase(java.util.Locale.ROOT), "slow").seenBy(after.host())
                    .message(who + " answers slowly: " + after.link().describe()));
        } else if (after.reach() == Reach.REACHABLE && before.reach() == Reach.SLOW) {
            events.add(ClusterEvent.of(now, EventType.LINK_RECOVERED, Severity.INFO).node(name)
                    .change("slow", "reachable").seenBy(after.host())
                    .message(who + " answers promptly again (for " + LinkQuality.WINDOW.toSeconds() + " s)"));
        }
        if (answers(after) && after.error() != null && !Objects.equals(after.error(), before.error())) {
            events.add(ClusterEvent.of(now, EventType.ERROR, Severity.WARNING).node(name).seenBy(after.host())
                    .message(after.error().message()));
        }
    }

    private static boolean answers(NodeView view) {
        return view.reach() == Reach.REACHABLE || view.reach() == Reach.SLOW;
    }
}
