package org.clusterdeck.cluster.graph.render;

import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.graph.layout.EdgeRoute;
import org.clusterdeck.cluster.graph.layout.GraphLayout;
import org.clusterdeck.cluster.graph.layout.NodeBox;
import org.clusterdeck.cluster.graph.layout.Point;

/**
 * Draws a laid-out graph: containers first, then resources, then edges on top with their labels.
 * The live view passes each resource's state and the selection; they only recolour boxes, so the
 * same layout serves every status update.
 */
public final class GraphDrawing {
    /** Text on a state-coloured box: state colours are light in every palette. */
    private static final String ON_STATE_TITLE = "#22303c";
    private static final String ON_STATE_SUBTITLE = "#5a6876";

    private GraphDrawing() {
    }

    private static final String SELECTED_BORDER = "#1565c0";

    /** The configuration alone, as the command line draws it. */
    public static void draw(GraphLayout layout, Canvas c) {
        draw(layout, c, Map.of(), null, GraphPalette.LIGHT);
    }

    /**
     * @param states   per resource id, how its current state colours its box; ids without one keep
     *                 the look of their kind
     * @param selected the id of the resource to mark as selected, or null
     * @param palette  the page, box and edge colours (light for files, the theme's in the window)
     */
    public static void draw(GraphLayout layout, Canvas c, Map<String, BoxState> states, String selected,
            GraphPalette palette) {
        c.rect(0, 0, layout.width(), layout.height(), 0, palette.page(), "none", 0, false);
        layout.boxes().stream().filter(NodeBox::container)
                .sorted((a, b) -> Double.compare(b.width() * b.height(), a.width() * a.height()))
                .forEach(b -> drawContainer(b, c, states.get(b.id()), b.id().equals(selected), palette));
        layout.boxes().stream().filter(b -> !b.container())
                .forEach(b -> drawResource(b, c, states.get(b.id()), b.id().equals(selected), palette));
        List<double[]> placedLabels = new java.util.ArrayList<>();
        for (EdgeRoute r : layout.routes()) {
            EdgeStyle s = EdgeStyle.of(r.edge(), palette);
            c.polyline(r.points(), s.color(), s.width(), s.dashed(), s.arrowHead());
            String label = EdgeStyle.label(r.edge());
            if (label != null && r.points().size() >= 2) {
                Point mid = midpoint(r.points());
                double x = mid.x() + 4;
                double y = mid.y() - 3;
                double w = label.length() * LABEL_CHAR_WIDTH;
                // parallel edges (order + colocation of the same pair) share a midpoint: stack their labels
                while (collides(placedLabels, x, y, w)) {
                    y += LABEL_LINE;
                }
                placedLabels.add(new double[] {x, y, w});
                c.text(x, y, label, 10, false, s.color());
            }
        }
    }

    private static final double LABEL_CHAR_WIDTH = 6;
    /** Generous for bold 12 px ids: capitals in DejaVu Sans Bold run to 9 px, and the kind must not overlap. */
    private static final double BOLD_TITLE_CHAR_WIDTH = 8.6;
    private static final double LABEL_LINE = 12;

    private static boolean collides(List<double[]> placed, double x, double y, double w) {
        for (double[] p : placed) {
            if (Math.abs(p[1] - y) < LABEL_LINE && x < p[0] + p[2] && p[0] < x + w) {
                return true;
            }
        }
        return false;
    }

    /** A container keeps its kind's fill (its state shows in the border), so its titles follow the palette. */
    private static void drawContainer(NodeBox b, Canvas c, BoxState state, boolean selected, GraphPalette p) {
        String kind = b.resource().kind();
        c.rect(b.x(), b.y(), b.width(), b.height(), 8, p.fill(kind),
                selected ? SELECTED_BORDER : state != null ? state.border() : p.border(), selected ? 3 : 1.2,
                kind.equals("clone") || kind.equals("promotable"));
        c.text(b.x() + 8, b.y() + 17, b.id(), 12, true, p.title());
        c.text(b.x() + 8 + b.id().length() * BOLD_TITLE_CHAR_WIDTH + 8, b.y() + 17, kind, 10, false, p.subtitle());
    }

    private static void drawResource(NodeBox b, Canvas c, BoxState state, boolean selected, GraphPalette p) {
        String fill = state != null ? state.fill() : p.fill(b.resource().kind());
        String border = selected ? SELECTED_BORDER : state != null ? state.border() : p.border();
        c.rect(b.x(), b.y(), b.width(), b.height(), 5, fill, border, selected ? 3 : state != null ? 1.8 : 1.2, false);
        c.text(b.x() + 10, b.y() + 18, b.id(), 12, true, state != null ? ON_STATE_TITLE : p.title());
        String sub = b.resource().agent() != null ? b.resource().agent() : b.resource().kind();
        c.text(b.x() + 10, b.y() + 34, sub, 10, false, state != null ? ON_STATE_SUBTITLE : p.subtitle());
        drawWhere(b, c, state);
    }

    /**
     * Where the resource runs, right-aligned on the title line, so a failover shows on the box
     * itself. Boxes are sized from the configuration alone (their size must not change with the
     * state), so node names that would run into the id are left to the details panel.
     */
    private static void drawWhere(NodeBox b, Canvas c, BoxState state) {
        if (state == null || state.where() == null) {
            return;
        }
        double width = state.where().length() * LABEL_CHAR_WIDTH;
        double x = b.x() + b.width() - 8 - width;
        if (x >= b.x() + 10 + b.id().length() * BOLD_TITLE_CHAR_WIDTH + 6) {
            c.text(x, b.y() + 17, state.where(), 10, true, ON_STATE_SUBTITLE);
        }
    }

    /** The middle of the polyline by length, where a label is least likely to sit on a box. */
    static Point midpoint(List<Point> pts) {
        double total = 0;
        for (int i = 1; i < pts.size(); i++) {
            total += dist(pts.get(i - 1), pts.get(i));
        }
        double half = total / 2;
        for (int i = 1; i < pts.size(); i++) {
            double d = dist(pts.get(i - 1), pts.get(i));
            if (half <= d && d > 0) {
                double t = half / d;
                Point a = pts.get(i - 1);
                Point b = pts.get(i);
                return new Point(a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t);
            }
            half -= d;
        }
        return pts.get(pts.size() - 1);
    }

    private static double dist(Point a, Point b) {
        return Math.hypot(b.x() - a.x(), b.y() - a.y());
    }
}
