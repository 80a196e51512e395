package org.clusterdeck.cluster.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.cluster.status.Resource;

/**
 * One running copy of a resource: the node and the role it has there. Anonymous clone instances
 * carry the same id in crm_mon, so a resource id stands for a multiset of placements, not for one.
 */
record Placement(String node, String role) {

    boolean promoted() {
        return "Promoted".equals(role);
    }

    /** Placements per resource id, ids in crm_mon's order; inactive entries give none. */
    static Map<String, List<Placement>> byResource(ClusterStatus status) {
        Map<String, List<Placement>> out = new LinkedHashMap<>();
        for (Resource r : status.resources()) {
            List<Placement> list = out.computeIfAbsent(r.id(), id -> new ArrayList<>());
            if (r.active()) {
                r.nodes().forEach(n -> list.add(new Placement(n, r.role())));
            }
        }
        return out;
    }

    /** What is in {@code from} and not in {@code minus}, counting duplicates (a multiset difference). */
    static <T> List<T> without(List<T> from, List<T> minus) {
        List<T> rest = new ArrayList<>(from);
        minus.forEach(rest::remove);
        return rest;
    }
}
