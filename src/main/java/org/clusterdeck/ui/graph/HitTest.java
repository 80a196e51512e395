package org.clusterdeck.ui.graph;

import java.util.Comparator;
import java.util.Optional;
import org.clusterdeck.cluster.graph.layout.EdgeRoute;
import org.clusterdeck.cluster.graph.layout.GraphLayout;
import org.clusterdeck.cluster.graph.layout.NodeBox;
import org.clusterdeck.cluster.graph.layout.Point;

/** What of a laid-out graph lies at a point, in graph coordinates: for clicks, menus and drawn edges. */
final class HitTest {
    private HitTest() {
    }

    /** The innermost box at the point: a member rather than the group around it. */
    static Optional<NodeBox> box(GraphLayout l, Point p) {
        return l.boxes().stream().filter(b -> inside(b, p)).min(Comparator.comparingDouble(b -> b.width() * b.height()));
    }

    static boolean inside(NodeBox b, Point p) {
        return p.x() >= b.x() && p.x() <= b.x() + b.width() && p.y() >= b.y() && p.y() <= b.y() + b.height();
    }

    /** Whether one box lies wholly inside another (a member in its group, clone or bundle). */
    static boolean contains(NodeBox outer, NodeBox inner) {
        return inside(outer, new Point(inner.x(), inner.y()))
                && inside(outer, new Point(inner.x() + inner.width(), inner.y() + inner.height()));
    }

    /** The edge whose route passes nearest the point, if within {@code reach}. */
    static Optional<EdgeRoute> edge(GraphLayout l, Point p, double reach) {
        EdgeRoute best = null;
        double bestDistance = reach;
        for (EdgeRoute r : l.routes()) {
            for (int i = 1; i < r.points().size(); i++) {
                double d = distance(p, r.points().get(i - 1), r.points().get(i));
                if (d <= bestDistance) {
                    bestDistance = d;
                    best = r;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** From a point to the nearest point of a segment. */
    private static double distance(Point p, Point a, Point b) {
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / len2));
        return Math.hypot(p.x() - a.x() - t * dx, p.y() - a.y() - t * dy);
    }
}
