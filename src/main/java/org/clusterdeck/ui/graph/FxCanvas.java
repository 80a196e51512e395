package org.clusterdeck.ui.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.clusterdeck.cluster.graph.layout.Point;
import org.clusterdeck.cluster.graph.render.Canvas;

/**
 * The graph drawing's operations on a JavaFX canvas, in graph coordinates under the view's
 * transform. Only what intersects the visible area is drawn, and text too small to read is
 * skipped, so a thousand-resource graph redraws quickly while panning.
 */
final class FxCanvas implements Canvas {
    /** Text smaller than this on screen is unreadable anyway. */
    private static final double MIN_TEXT_PX = 4;

    private final GraphicsContext g;
    private final Bounds visible;
    private final double scale;
    private final Map<String, Color> colours = new HashMap<>();
    private final Map<String, Font> fonts = new HashMap<>();

    /** @param visible the visible area in graph coordinates */
    FxCanvas(GraphicsContext g, Bounds visible, double scale) {
        this.g = g;
        this.visible = visible;
        this.scale = scale;
    }

    @Override
    public void rect(double x, double y, double w, double h, double radius, String fill, String stroke,
            double strokeWidth, boolean dashed) {
        if (!visible.intersects(x - strokeWidth, y - strokeWidth, w + 2 * strokeWidth, h + 2 * strokeWidth)) {
            return;
        }
        if (!"none".equals(fill)) {
            g.setFill(colour(fill));
            g.fillRoundRect(x, y, w, h, 2 * radius, 2 * radius);
        }
        if (!"none".equals(stroke)) {
            g.setStroke(colour(stroke));
            g.setLineWidth(strokeWidth);
            g.setLineDashes(dashed ? new double[] {6, 3} : null);
            g.strokeRoundRect(x, y, w, h, 2 * radius, 2 * radius);
        }
    }

    @Override
    public void text(double x, double y, String text, double size, boolean bold, String color) {
        if (size * scale < MIN_TEXT_PX
                || !visible.intersects(new BoundingBox(x, y - size, text.length() * size * 0.7, size * 1.3))) {
            return;
        }
        g.setFill(colour(color));
        g.setFont(fonts.computeIfAbsent(size + (bold ? "b" : ""),
                k -> Font.font("DejaVu Sans", bold ? FontWeight.BOLD : FontWeight.NORMAL, size)));
        g.fillText(text, x, y);
    }

    @Override
    public void polyline(List<Point> points, String color, double width, boolean dashed, boolean arrowHead) {
        if (points.size() < 2 || !visible.intersects(bounds(points))) {
            return;
        }
        g.setStroke(colour(color));
        g.setLineWidth(width);
        g.setLineCap(StrokeLineCap.BUTT);
        g.setLineDashes(dashed ? new double[] {5, 4} : null);
        g.beginPath();
        g.moveTo(points.get(0).x(), points.get(0).y());
        for (Point p : points.subList(1, points.size())) {
            g.lineTo(p.x(), p.y());
        }
        g.stroke();
        if (arrowHead) {
            Point from = points.get(points.size() - 2);
            Point tip = points.get(points.size() - 1);
            double a = Math.atan2(tip.y() - from.y(), tip.x() - from.x());
            g.setFill(colour(color));
            g.fillPolygon(new double[] {tip.x(), tip.x() - 9 * Math.cos(a - 0.4), tip.x() - 9 * Math.cos(a + 0.4)},
                    new double[] {tip.y(), tip.y() - 9 * Math.sin(a - 0.4), tip.y() - 9 * Math.sin(a + 0.4)}, 3);
        }
    }

    private static Bounds bounds(List<Point> points) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Point p : points) {
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x());
            maxY = Math.max(maxY, p.y());
        }
        // room for the arrow head and a label beside the line
        return new BoundingBox(minX - 10, minY - 14, maxX - minX + 120, maxY - minY + 28);
    }

    private Color colour(String web) {
        return colours.computeIfAbsent(web, Color::web);
    }
}
