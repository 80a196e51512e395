package org.clusterdeck.cluster.graph.render;

import org.clusterdeck.cluster.graph.GraphEdge;
import org.clusterdeck.cluster.graph.layout.GraphLayouter;

/**
 * How an edge looks, the same in every output: order edges are solid arrows, colocation edges
 * dashed; mandatory (INFINITY) edges are dark and thick, advisory (finite score) edges thin and
 * grey, anti-colocation (negative score) red; a group's implicit member order thin light grey.
 */
record EdgeStyle(String color, double width, boolean dashed, boolean arrowHead) {

    static EdgeStyle of(GraphEdge e) {
        return of(e, GraphPalette.LIGHT);
    }

    static EdgeStyle of(GraphEdge e, GraphPalette p) {
        if (GraphLayouter.GROUP_ORDER.equals(e.kind())) {
            return new EdgeStyle(p.groupEdge(), 1.0, false, true);
        }
        if (e.isAnti()) {
            return new EdgeStyle(p.antiEdge(), 1.6, true, false);
        }
        boolean colocation = "colocation".equals(e.kind());
        boolean advisory = !e.isMandatory();
        String color = advisory ? p.advisoryEdge() : colocation ? p.colocationEdge() : p.orderEdge();
        return new EdgeStyle(color, advisory ? 1.0 : 1.8, colocation, !colocation);
    }

    /** Roles and actions, e.g. "promote → start" or "Promoted", shown beside the edge. */
    static String label(GraphEdge e) {
        String from = e.fromAction() != null ? e.fromAction() : e.fromRole();
        String to = e.toAction() != null ? e.toAction() : e.toRole();
        if (from == null && to == null) {
            return null;
        }
        return (from == null ? "*" : from) + " \u2192 " + (to == null ? "*" : to);
    }
}
