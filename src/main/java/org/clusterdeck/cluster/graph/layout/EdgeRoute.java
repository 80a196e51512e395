package org.clusterdeck.cluster.graph.layout;

import java.util.List;
import org.clusterdeck.cluster.graph.GraphEdge;

/** The polyline an edge is drawn along, start to end, in absolute coordinates. */
public record EdgeRoute(GraphEdge edge, List<Point> points) {
    public EdgeRoute {
        points = List.copyOf(points);
    }
}
