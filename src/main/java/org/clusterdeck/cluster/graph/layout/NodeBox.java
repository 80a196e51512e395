package org.clusterdeck.cluster.graph.layout;

import org.clusterdeck.cluster.graph.GraphResource;

/** Where a resource is drawn, in absolute coordinates; groups, clones and bundles are containers. */
public record NodeBox(GraphResource resource, double x, double y, double width, double height, boolean container) {
    public String id() {
        return resource.id();
    }

    public Point center() {
        return new Point(x + width / 2, y + height / 2);
    }
}
