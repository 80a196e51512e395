package org.clusterdeck.cluster.graph.render;

/**
 * How a resource's current state shows on its box: colours as {@code #rrggbb} and where it runs.
 * A container only takes the border, so its members stay readable inside it.
 *
 * @param where the node(s) the resource runs on, shown in the box's corner; null when nowhere
 */
public record BoxState(String fill, String border, String where) {
    /** The same colours for a resource running on {@code nodes} (null or blank: nowhere). */
    public BoxState at(String nodes) {
        return new BoxState(fill, border, nodes == null || nodes.isBlank() ? null : nodes);
    }
}
