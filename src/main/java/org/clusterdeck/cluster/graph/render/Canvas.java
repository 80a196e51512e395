package org.clusterdeck.cluster.graph.render;

import java.util.List;
import org.clusterdeck.cluster.graph.layout.Point;

/** The few drawing operations a graph needs, so SVG and PNG output come from one drawing routine. */
public interface Canvas {
    void rect(double x, double y, double w, double h, double radius, String fill, String stroke, double strokeWidth,
            boolean dashed);

    void text(double x, double y, String text, double size, boolean bold, String color);

    void polyline(List<Point> points, String color, double width, boolean dashed, boolean arrowHead);
}
