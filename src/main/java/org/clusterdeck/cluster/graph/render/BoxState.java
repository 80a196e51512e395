package org.clusterdeck.cluster.graph.render;

/**
 * How a resource's current state colours its box (colours as {@code #rrggbb}). A container only
 * takes the border, so its members stay readable inside it.
 */
public record BoxState(String fill, String border) {
}
