package org.clusterdeck.ui.graph;

import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.clusterdeck.cluster.graph.layout.NodeBox;
import org.clusterdeck.cluster.graph.layout.Point;

/**
 * An edge the admin draws from one resource box to another to add a constraint: a rubber-band
 * line from the source box to the pointer, in graph coordinates so panning and zooming keep it in
 * place. Dropping it on another resource gives the link; anywhere else it is cancelled. A new
 * layout (the configuration changed) cancels it too, since the boxes it joined may have moved.
 */
public final class EdgeSketch {
    /** The line as drawn: {@code target} is the resource under the pointer it would link to, or null. */
    public record Line(String from, Point start, Point end, String target) {
    }

    /** A finished edge: {@code from} is placed or acted on first, {@code to} depends on it. */
    public record Link(String from, String to) {
    }

    private final GraphViewModel graph;
    private final ReadOnlyObjectWrapper<Line> line = new ReadOnlyObjectWrapper<>();
    private NodeBox source;

    EdgeSketch(GraphViewModel graph) {
        this.graph = graph;
        graph.layoutProperty().addListener((o, was, now) -> cancel());
    }

    /** Starts at the box under a point of the view; false (nothing started) when there is none. */
    public boolean begin(double viewX, double viewY) {
        source = graph.boxAt(viewX, viewY).orElse(null);
        if (source == null) {
            return false;
        }
        moveTo(viewX, viewY);
        return true;
    }

    /**
     * Follows the pointer. The line leaves the source box at its border (a container's middle is
     * one of its members) and, over a box it can link to, ends on that box's border.
     */
    public void moveTo(double viewX, double viewY) {
        if (source == null) {
            return;
        }
        Point pointer = graph.toGraph(viewX, viewY);
        NodeBox target = target(viewX, viewY).orElse(null);
        Point end = target == null ? pointer : border(target, source.center());
        line.set(new Line(source.id(), border(source, end), end, target == null ? null : target.id()));
    }

    /** Where the line from the box's centre toward a point crosses its border; the point itself if inside. */
    static Point border(NodeBox b, Point toward) {
        Point c = b.center();
        double dx = toward.x() - c.x();
        double dy = toward.y() - c.y();
        double scale = Math.min(dx == 0 ? Double.MAX_VALUE : b.width() / 2 / Math.abs(dx),
                dy == 0 ? Double.MAX_VALUE : b.height() / 2 / Math.abs(dy));
        return scale >= 1 ? toward : new Point(c.x() + dx * scale, c.y() + dy * scale);
    }

    /** Ends the drawing; the link when it ends on another resource. */
    public Optional<Link> end(double viewX, double viewY) {
        if (source == null) {
            return Optional.empty();
        }
        String from = source.id();
        Optional<Link> link = target(viewX, viewY).map(t -> new Link(from, t.id()));
        cancel();
        return link;
    }

    public void cancel() {
        source = null;
        line.set(null);
    }

    public boolean active() {
        return source != null;
    }

    /**
     * The box under the pointer if it can be linked: not the source itself, and not a group, clone
     * or bundle around it or a member inside it (a resource cannot be placed relative to its own
     * container).
     */
    private Optional<NodeBox> target(double viewX, double viewY) {
        return graph.boxAt(viewX, viewY).filter(b -> !b.id().equals(source.id())
                && !HitTest.contains(b, source) && !HitTest.contains(source, b));
    }

    /** The line being drawn; null while none is. */
    public ReadOnlyObjectProperty<Line> lineProperty() {
        return line.getReadOnlyProperty();
    }
}
