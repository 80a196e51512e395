package org.clusterdeck.ui.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.clusterdeck.cluster.graph.DependencyGraph;
import org.clusterdeck.cluster.graph.GraphResource;
import org.clusterdeck.cluster.graph.render.BoxState;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.cluster.status.Resource;

/** A configured resource's state summed over its instances, worst first, with its colours in the graph. */
public enum ResourceState {
    FAILED("failed", "#ffcdd2", "#c62828"),
    BLOCKED("blocked / unmanaged", "#ffe0b2", "#e65100"),
    PROMOTED("promoted", "#a5d6a7", "#1b5e20"),
    STARTED("started", "#dcedc8", "#33691e"),
    STOPPED("stopped", "#e3e7eb", "#78909c");

    private final String label;
    private final BoxState box;

    ResourceState(String label, String fill, String border) {
        this.label = label;
        this.box = new BoxState(fill, border, null);
    }

    public String label() {
        return label;
    }

    public BoxState box() {
        return box;
    }

    /** One configured resource's instances as crm_mon reports them. */
    public record Summary(String id, ResourceState state, List<String> nodes, List<String> roles) {
    }

    /**
     * The state of every configured resource crm_mon reports. Instances of a clone are printed
     * as {@code id:N} (unique clones, cloned groups) or with the bare id (anonymous clones); both
     * count for the configured primitive. Containers take the worst state of their members.
     */
    public static Map<String, Summary> of(ClusterStatus status, DependencyGraph graph) {
        Map<String, List<Resource>> instances = new HashMap<>();
        for (Resource r : status.resources()) {
            instances.computeIfAbsent(configuredId(r.id()), k -> new ArrayList<>()).add(r);
        }
        Map<String, Summary> out = new LinkedHashMap<>();
        for (GraphResource g : graph.resources()) {
            List<Resource> rs = instances.get(g.id());
            if (rs != null) {
                out.put(g.id(), summarize(g.id(), rs));
            }
        }
        Map<String, String> parents = new HashMap<>();
        graph.resources().forEach(g -> parents.putIfAbsent(g.id(), g.parent()));
        Map<String, ResourceState> worstChild = new HashMap<>();
        for (GraphResource g : graph.resources()) {
            Summary s = out.get(g.id());
            // walk up so nested containers (a group in a clone) see their grandchildren; the depth
            // limit guards against a malformed parent loop
            int depth = 0;
            for (String p = g.parent(); s != null && p != null && depth++ < 16; p = parents.get(p)) {
                worstChild.merge(p, s.state(), (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
            }
        }
        worstChild.forEach((id, state) -> out.putIfAbsent(id, new Summary(id, state, List.of(), List.of())));
        return out;
    }

    /** The colours and nodes for {@link org.clusterdeck.cluster.graph.render.GraphDrawing}. */
    public static Map<String, BoxState> boxes(Map<String, Summary> states) {
        Map<String, BoxState> out = new HashMap<>();
        states.forEach((id, s) -> out.put(id, s.state().box().at(String.join(", ", s.nodes()))));
        return out;
    }

    static String configuredId(String printed) {
        int colon = printed.lastIndexOf(':');
        if (colon > 0 && colon < printed.length() - 1 && printed.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            return printed.substring(0, colon);
        }
        return printed;
    }

    private static Summary summarize(String id, List<Resource> rs) {
        TreeSet<String> nodes = new TreeSet<>();
        TreeSet<String> roles = new TreeSet<>();
        rs.forEach(r -> {
            nodes.addAll(r.nodes());
            if (r.role() != null) {
                roles.add(r.role());
            }
        });
        ResourceState state;
        if (rs.stream().anyMatch(Resource::failed)) {
            state = FAILED;
        } else if (rs.stream().anyMatch(r -> r.blocked() || !r.managed())) {
            state = BLOCKED;
        } else if (rs.stream().anyMatch(r -> r.active() && "Promoted".equals(r.role()))) {
            state = PROMOTED;
        } else if (rs.stream().anyMatch(Resource::active)) {
            state = STARTED;
        } else {
            state = STOPPED;
        }
        return new Summary(id, state, List.copyOf(nodes), List.copyOf(roles));
    }
}
