package org.clusterdeck.cluster.graph.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.clusterdeck.cluster.graph.layout.GraphLayout;
import org.clusterdeck.cluster.graph.layout.Point;

/** A laid-out graph as a PNG image, drawn with Java2D so it works headless (no display, no JavaFX). */
public final class PngRenderer {
    /** Larger drawings are scaled down so the image stays within a size viewers open. */
    private static final double MAX_PIXELS = 64_000_000;

    private PngRenderer() {
    }

    public static byte[] render(GraphLayout layout) {
        return render(layout, Map.of());
    }

    /** With boxes coloured by resource state, as the console shows them. */
    public static byte[] render(GraphLayout layout, Map<String, BoxState> states) {
        double scale = Math.min(2.0, Math.sqrt(MAX_PIXELS / Math.max(1, layout.width() * layout.height())));
        int w = Math.max(1, (int) Math.ceil(layout.width() * scale));
        int h = Math.max(1, (int) Math.ceil(layout.height() * scale));
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(scale, scale);
            GraphDrawing.draw(layout, new Java2dCanvas(g), states, null, GraphPalette.LIGHT);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private record Java2dCanvas(Graphics2D g) implements Canvas {
        @Override
        public void rect(double x, double y, double w, double h, double radius, String fill, String stroke,
                double strokeWidth, boolean dashed) {
            RoundRectangle2D r = new RoundRectangle2D.Double(x, y, w, h, 2 * radius, 2 * radius);
            if (!"none".equals(fill)) {
                g.setColor(Color.decode(fill));
                g.fill(r);
            }
            if (!"none".equals(stroke)) {
                g.setColor(Color.decode(stroke));
                g.setStroke(stroke(strokeWidth, dashed));
                g.draw(r);
            }
        }

        @Override
        public void text(double x, double y, String text, double size, boolean bold, String color) {
            g.setColor(Color.decode(color));
            g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, (int) Math.round(size)));
            g.drawString(text, (float) x, (float) y);
        }

        @Override
        public void polyline(List<Point> points, String color, double width, boolean dashed, boolean arrowHead) {
            if (points.size() < 2) {
                return;
            }
            Path2D.Double path = new Path2D.Double();
            path.moveTo(points.get(0).x(), points.get(0).y());
            for (Point p : points.subList(1, points.size())) {
                path.lineTo(p.x(), p.y());
            }
            g.setColor(Color.decode(color));
            g.setStroke(stroke(width, dashed));
            g.draw(path);
            if (arrowHead) {
                arrow(points.get(points.size() - 2), points.get(points.size() - 1));
            }
        }

        private void arrow(Point from, Point tip) {
            double angle = Math.atan2(tip.y() - from.y(), tip.x() - from.x());
            Path2D.Double head = new Path2D.Double();
            head.moveTo(tip.x(), tip.y());
            head.lineTo(tip.x() - 9 * Math.cos(angle - 0.4), tip.y() - 9 * Math.sin(angle - 0.4));
            head.lineTo(tip.x() - 9 * Math.cos(angle + 0.4), tip.y() - 9 * Math.sin(angle + 0.4));
            head.closePath();
            g.fill(head);
        }

        private static BasicStroke stroke(double width, boolean dashed) {
            return dashed
                    ? new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                            new float[] {5f, 4f}, 0f)
                    : new BasicStroke((float) width);
        }
    }
}
