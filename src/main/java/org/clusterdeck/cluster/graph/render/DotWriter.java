package org.clusterdeck.cluster.graph.render;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clusterdeck.cluster.graph.DependencyGraph;
import org.clusterdeck.cluster.graph.GraphEdge;
import org.clusterdeck.cluster.graph.GraphResource;

/**
 * The graph in graphviz's DOT language for people who use graphviz: containers become clusters,
 * edges keep the same styles as the SVG and PNG output.
 */
public final class DotWriter {
    private DotWriter() {
    }

    public static String write(DependencyGraph graph) {
        Map<String, GraphResource> byId = new LinkedHashMap<>();
        graph.resources().forEach(r -> byId.putIfAbsent(r.id(), r));
        Map<String, List<GraphResource>> children = new LinkedHashMap<>();
        List<GraphResource> top = new ArrayList<>();
        for (GraphResource r : byId.values()) {
            if (r.parent() != null && byId.containsKey(r.parent()) && !r.parent().equals(r.id())) {
                children.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r);
            } else {
                top.add(r);
            }
        }
        StringBuilder sb = new StringBuilder("digraph dependencies {\n")
                .append("  rankdir=TB;\n  compound=true;\n")
                .append("  node [shape=box, style=\"rounded,filled\", fillcolor=white, fontname=\"DejaVu Sans\"];\n");
        Set<String> written = new HashSet<>();
        for (GraphResource r : top) {
            writeResource(r, children, sb, "  ", written);
        }
        for (GraphEdge e : graph.edges()) {
            if (!byId.containsKey(e.from()) || !byId.containsKey(e.to())) {
                continue;
            }
            EdgeStyle s = EdgeStyle.of(e);
            List<String> attrs = new ArrayList<>();
            attrs.add("color=\"" + s.color() + "\"");
            attrs.add("penwidth=" + s.width());
            if (s.dashed()) {
                attrs.add("style=dashed");
            }
            if (!s.arrowHead()) {
                attrs.add("arrowhead=none");
            }
            String label = EdgeStyle.label(e);
            attrs.add("label=" + quote(label == null ? e.constraint() : e.constraint() + "\n" + label));
            attrs.add("fontsize=9");
            sb.append("  ").append(endpoint(e.from(), children)).append(" -> ")
                    .append(endpoint(e.to(), children));
            sb.append(" [").append(String.join(", ", attrs)).append(extraCompound(e, children)).append("];\n");
        }
        return sb.append("}\n").toString();
    }

    private static void writeResource(GraphResource r, Map<String, List<GraphResource>> children, StringBuilder sb,
            String indent, Set<String> written) {
        if (!written.add(r.id())) {
            return;
        }
        List<GraphResource> kids = children.get(r.id());
        if (kids == null) {
            String sub = r.agent() != null ? r.agent() : r.kind();
            sb.append(indent).append(quote(r.id())).append(" [label=").append(quote(r.id() + "\n" + sub))
                    .append("];\n");
            return;
        }
        sb.append(indent).append("subgraph ").append(quote("cluster_" + r.id())).append(" {\n")
                .append(indent).append("  label=").append(quote(r.id() + " (" + r.kind() + ")")).append(";\n")
                .append(indent).append("  style=").append(r.kind().equals("group") ? "solid" : "dashed")
                .append(";\n");
        for (GraphResource k : kids) {
            writeResource(k, children, sb, indent + "  ", written);
        }
        sb.append(indent).append("}\n");
    }

    /** Graphviz edges cannot end on a cluster: they attach to its first member and clip at its border. */
    private static String endpoint(String id, Map<String, List<GraphResource>> children) {
        String cur = id;
        Set<String> seen = new HashSet<>();
        while (children.containsKey(cur) && seen.add(cur)) {
            cur = children.get(cur).get(0).id();
        }
        return quote(cur);
    }

    private static String extraCompound(GraphEdge e, Map<String, List<GraphResource>> children) {
        StringBuilder sb = new StringBuilder();
        if (children.containsKey(e.from())) {
            sb.append(", ltail=").append(quote("cluster_" + e.from()));
        }
        if (children.containsKey(e.to())) {
            sb.append(", lhead=").append(quote("cluster_" + e.to()));
        }
        return sb.toString();
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
