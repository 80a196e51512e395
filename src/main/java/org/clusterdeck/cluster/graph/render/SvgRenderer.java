package org.clusterdeck.cluster.graph.render;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clusterdeck.cluster.graph.layout.GraphLayout;
import org.clusterdeck.cluster.graph.layout.Point;

/** A laid-out graph as a standalone SVG document. */
public final class SvgRenderer {
    private SvgRenderer() {
    }

    public static String render(GraphLayout layout) {
        return render(layout, Map.of());
    }

    /** With boxes coloured by resource state, as the console shows them. */
    public static String render(GraphLayout layout, Map<String, BoxState> states) {
        SvgCanvas c = new SvgCanvas();
        GraphDrawing.draw(layout, c, states, null, GraphPalette.LIGHT);
        return c.document(layout.width(), layout.height());
    }

    private static final class SvgCanvas implements Canvas {
        private final StringBuilder body = new StringBuilder();

        @Override
        public void rect(double x, double y, double w, double h, double radius, String fill, String stroke,
                double strokeWidth, boolean dashed) {
            body.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"%.1f\" fill=\"%s\" stroke=\"%s\""
                            + " stroke-width=\"%.1f\"%s/>%n",
                    x, y, w, h, radius, fill, stroke, strokeWidth, dashed ? " stroke-dasharray=\"6 3\"" : ""));
        }

        @Override
        public void text(double x, double y, String text, double size, boolean bold, String color) {
            body.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\"%s fill=\"%s\">%s</text>%n",
                    x, y, size, bold ? " font-weight=\"bold\"" : "", color, escape(text)));
        }

        @Override
        public void polyline(List<Point> points, String color, double width, boolean dashed, boolean arrowHead) {
            StringBuilder pts = new StringBuilder();
            for (Point p : points) {
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", p.x(), p.y()));
            }
            body.append(String.format(Locale.ROOT,
                    "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\"%s%s/>%n",
                    pts.toString().trim(), color, width, dashed ? " stroke-dasharray=\"5 4\"" : "",
                    arrowHead ? " marker-end=\"url(#arrow-" + color.substring(1) + ")\"" : ""));
            if (arrowHead) {
                markers.add(color);
            }
        }

        private final java.util.Set<String> markers = new java.util.TreeSet<>();

        String document(double width, double height) {
            StringBuilder defs = new StringBuilder("<defs>\n");
            for (String color : markers) {
                defs.append(String.format(Locale.ROOT,
                        "<marker id=\"arrow-%s\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\""
                                + " markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\""
                                + " fill=\"%s\"/></marker>%n", color.substring(1), color));
            }
            defs.append("</defs>\n");
            return String.format(Locale.ROOT,
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>%n<svg xmlns=\"http://www.w3.org/2000/svg\""
                            + " width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.1f %.1f\""
                            + " font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">%n",
                    Math.ceil(width), Math.ceil(height), width, height) + defs + body + "</svg>\n";
        }

        /** Resource ids are restricted, but agent names and labels come from the CIB: escape everything. */
        private static String escape(String s) {
            StringBuilder sb = new StringBuilder();
            for (char ch : s.toCharArray()) {
                switch (ch) {
                    case '<' -> sb.append("&lt;");
                    case '>' -> sb.append("&gt;");
                    case '&' -> sb.append("&amp;");
                    case '"' -> sb.append("&quot;");
                    case '\'' -> sb.append("&apos;");
                    default -> sb.append(ch < 0x20 && ch != '\t' ? '?' : ch);
                }
            }
            return sb.toString();
        }
    }
}
