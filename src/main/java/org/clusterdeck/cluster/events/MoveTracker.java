package org.clusterdeck.cluster.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sees a move through the views in between. Polled often enough, a failover shows a resource
 * stopped on the lost node in one view and started on the survivor in a later one; an admin calls
 * that a move, so the start on another node is reported as {@link EventType#RESOURCE_MOVED} from
 * where it stopped. A start on a node where it stopped is a restart and stays a start.
 */
public final class MoveTracker {
    /** Per resource, the nodes it stopped on and has not started on anywhere since. */
    private final Map<String, Set<String>> stoppedOn = new LinkedHashMap<>();

    /** The events of one view change, with starts after a stop elsewhere turned into moves. */
    public List<ClusterEvent> apply(List<ClusterEvent> events) {
        List<ClusterEvent> out = new ArrayList<>(events.size());
        for (ClusterEvent e : events) {
            String id = e.resource();
            if (id == null || e.node() == null) {
                out.add(e);
                continue;
            }
            switch (e.type()) {
                case RESOURCE_STOPPED -> stoppedOn.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(e.node());
                case RESOURCE_MOVED -> stoppedOn.remove(id);
                case RESOURCE_STARTED -> {
                    Set<String> from = stoppedOn.remove(id);
                    if (from != null && !from.contains(e.node())) {
                        String was = from.iterator().next();
                        out.add(StatusChanges.moved(e.time(), id, was, e.node(), ""));
                        continue;
                    }
                }
                default -> {
                }
            }
            out.add(e);
        }
        return out;
    }
}
