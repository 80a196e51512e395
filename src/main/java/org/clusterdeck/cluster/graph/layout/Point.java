package org.clusterdeck.cluster.graph.layout;

public record Point(double x, double y) {
}
