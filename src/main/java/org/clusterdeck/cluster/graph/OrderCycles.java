package org.clusterdeck.cluster.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds cycles among mandatory order edges. Nodes are (resource, action) pairs, not resources:
 * "promote ms then start fs" together with "stop fs then demote ms" is a normal configuration,
 * not a cycle, while "start A then start B" plus "start B then start A" can never be satisfied.
 */
final class OrderCycles {
    private final Map<String, List<GraphEdge>> out = new LinkedHashMap<>();

    private OrderCycles(List<GraphEdge> edges) {
        for (GraphEdge e : edges) {
            if ("order".equals(e.kind()) && e.order() != null && "Mandatory".equals(e.order().kind())) {
                out.computeIfAbsent(from(e), k -> new ArrayList<>()).add(e);
            }
        }
    }

    /** One warning per strongly connected group of actions, naming one cycle through it. */
    static List<String> warnings(List<GraphEdge> edges) {
        OrderCycles g = new OrderCycles(edges);
        List<String> warnings = new ArrayList<>();
        for (Set<String> component : g.components()) {
            List<GraphEdge> cycle = g.cycleWithin(component);
            if (!cycle.isEmpty()) {
                warnings.add(describe(cycle));
            }
        }
        return warnings;
    }

    private static String from(GraphEdge e) {
        return e.order().firstAction() + " " + e.from();
    }

    private static String to(GraphEdge e) {
        return e.order().thenAction() + " " + e.to();
    }

    private static String describe(List<GraphEdge> cycle) {
        StringBuilder path = new StringBuilder(from(cycle.get(0)));
        Set<String> ids = new LinkedHashSet<>();
        for (GraphEdge e : cycle) {
            path.append(" → ").append(to(e));
            ids.add(e.constraint());
        }
        return "ordering cycle among mandatory orders: " + path + " (constraints " + String.join(", ", ids)
                + "); Pacemaker cannot start these resources";
    }

    /** Tarjan's strongly connected components, iteration order stable. */
    private List<Set<String>> components() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<Set<String>> result = new ArrayList<>();
        for (String v : List.copyOf(out.keySet())) {
            if (!index.containsKey(v)) {
                strongConnect(v, index, low, stack, onStack, result);
            }
        }
        return result;
    }

    private void strongConnect(String v, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
            Set<String> onStack, List<Set<String>> result) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (GraphEdge e : out.getOrDefault(v, List.of())) {
            String w = to(e);
            if (!index.containsKey(w)) {
                strongConnect(w, index, low, stack, onStack, result);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new LinkedHashSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            result.add(component);
        }
    }

    /** A shortest cycle through the component's first node (breadth-first), or empty if it has none. */
    private List<GraphEdge> cycleWithin(Set<String> component) {
        String start = component.iterator().next();
        Map<String, GraphEdge> reachedBy = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String v = queue.poll();
            for (GraphEdge e : out.getOrDefault(v, List.of())) {
                String w = to(e);
                if (w.equals(start)) {
                    List<GraphEdge> cycle = new ArrayList<>(List.of(e));
                    for (String x = v; !x.equals(start); x = from(reachedBy.get(x))) {
                        cycle.add(0, reachedBy.get(x));
                    }
                    return cycle;
                }
                if (component.contains(w) && !reachedBy.containsKey(w)) {
                    reachedBy.put(w, e);
                    queue.add(w);
                }
            }
        }
        return List.of();
    }
}
