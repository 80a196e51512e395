package org.clusterdeck.cluster.graph.render;

import java.util.Map;

/**
 * The colours a graph is drawn in that are not about a resource's state: the page, the boxes of
 * each kind, titles and edges. State colours (started, failed, …) are light in both, so the text
 * on a state-coloured box is always dark.
 */
public record GraphPalette(String page, Map<String, String> kindFills, String border, String title, String subtitle,
        String orderEdge, String colocationEdge, String advisoryEdge, String antiEdge, String groupEdge) {
    public GraphPalette {
        kindFills = Map.copyOf(kindFills);
    }

    /** For paper, files and the light theme. */
    public static final GraphPalette LIGHT = new GraphPalette("#ffffff", Map.of(
            "primitive", "#ffffff",
            "group", "#eef3f8",
            "clone", "#eef7ee",
            "promotable", "#fdf3e3",
            "bundle", "#f3eefa"), "#607080", "#22303c", "#5a6876",
            "#263238", "#1f6fb2", "#8a96a3", "#c62828", "#9aa5b1");

    /** For the dark theme: dark containers with light titles, edges light enough to follow on black. */
    public static final GraphPalette DARK = new GraphPalette("#171a1d", Map.of(
            "primitive", "#2c3238",
            "group", "#232a31",
            "clone", "#1f2a22",
            "promotable", "#2e281d",
            "bundle", "#29233a"), "#8a96a3", "#e6e9ec", "#a9b3bd",
            "#cfd8dc", "#64b5f6", "#8a96a3", "#ef5350", "#6b7782");

    String fill(String kind) {
        return kindFills.getOrDefault(kind, kindFills.get("primitive"));
    }
}
