package org.clusterdeck.cluster.graph.layout;

import java.util.List;
import java.util.Optional;

/**
 * A laid-out dependency graph: a box for every resource and a route for every drawable edge.
 * Edges that cannot be drawn (an end that is not a known resource, or an edge between a container
 * and its own member) are kept in the graph but have no route.
 */
public record GraphLayout(double width, double height, List<NodeBox> boxes, List<EdgeRoute> routes) {
    public GraphLayout {
        boxes = List.copyOf(boxes);
        routes = List.copyOf(routes);
    }

    public Optional<NodeBox> box(String id) {
        return boxes.stream().filter(b -> b.id().equals(id)).findFirst();
    }
}
