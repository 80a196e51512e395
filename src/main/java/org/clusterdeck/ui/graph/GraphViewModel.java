package org.clusterdeck.ui.graph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.clusterdeck.cluster.cib.Cib;
import org.clusterdeck.cluster.graph.DependencyGraph;
import org.clusterdeck.cluster.graph.GraphBuilder;
import org.clusterdeck.cluster.graph.GraphEdge;
import org.clusterdeck.cluster.graph.GraphResource;
import org.clusterdeck.cluster.graph.layout.EdgeRoute;
import org.clusterdeck.cluster.graph.layout.GraphLayout;
import org.clusterdeck.cluster.graph.layout.GraphLayouter;
import org.clusterdeck.cluster.graph.layout.NodeBox;
import org.clusterdeck.cluster.graph.layout.Point;
import org.clusterdeck.cluster.graph.render.BoxState;
import org.clusterdeck.cluster.graph.render.GraphPalette;
import org.clusterdeck.cluster.graph.render.PngRenderer;
import org.clusterdeck.cluster.graph.render.SvgRenderer;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.ui.Background;
import org.clusterdeck.ui.DialogService;

/**
 * The dependency graph of one cluster: layout, state colours, selection, search and the viewport
 * (pan and zoom). Layout runs in the background and only when the configuration's graph changed;
 * a status update only recolours, so boxes never move under the admin's eyes. Call on the UI thread.
 */
public final class GraphViewModel {
    private static final Duration LAYOUT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration EXPORT_TIMEOUT = Duration.ofSeconds(60);
    /** Small enough to fit a few hundred unconnected resources, which ELK lays out side by side. */
    private static final double MIN_SCALE = 0.01;
    private static final double MAX_SCALE = 4;
    private static final int MAX_MATCHES = 200;
    /** How close to an edge a click must be to hit it: a line is thin, a hand is not precise. */
    private static final double EDGE_REACH_PX = 6;

    private final Background background;
    private final DialogService dialogs;

    private final ReadOnlyObjectWrapper<GraphLayout> layout = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Map<String, BoxState>> boxStates = new ReadOnlyObjectWrapper<>(Map.of());
    private final StringProperty selectedId = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<ResourceDetails> details = new ReadOnlyObjectWrapper<>();
    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObservableList<String> matches = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper layingOut = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper layoutsDone = new ReadOnlyIntegerWrapper(0);
    private final DoubleProperty scale = new SimpleDoubleProperty(1);
    private final DoubleProperty offsetX = new SimpleDoubleProperty(0);
    private final DoubleProperty offsetY = new SimpleDoubleProperty(0);
    private final DoubleProperty viewportWidth = new SimpleDoubleProperty(800);
    private final DoubleProperty viewportHeight = new SimpleDoubleProperty(600);
    private final ObjectProperty<GraphPalette> palette = new SimpleObjectProperty<>(GraphPalette.LIGHT);
    private final EdgeSketch sketch = new EdgeSketch(this);

    private Cib cib;
    private DependencyGraph graph;
    private ClusterStatus status;
    private Map<String, ResourceState.Summary> states = Map.of();
    private long generation;

    public GraphViewModel(Background background, DialogService dialogs) {
        this.background = background;
        this.dialogs = dialogs;
        selectedId.addListener((o, was, now) -> refreshDetails());
        searchText.addListener((o, was, now) -> search(now));
    }

    private record Laid(DependencyGraph graph, GraphLayout layout) {
    }

    /**
     * A new view of the cluster. The configuration is laid out again (in the background) only if
     * its dependency graph differs from the one shown; the status recolours the boxes at once.
     */
    public void update(ClusterStatus newStatus, Cib newCib) {
        this.status = newStatus;
        if (newCib != null && !newCib.equals(cib)) {
            this.cib = newCib;
            long gen = ++generation;
            DependencyGraph shown = graph;
            layingOut.set(true);
            background.run("Laying out the dependency graph", LAYOUT_TIMEOUT, () -> {
                DependencyGraph g = GraphBuilder.build(newCib);
                return g.equals(shown) ? null : new Laid(g, new GraphLayouter().layout(g));
            }, laid -> {
                if (gen != generation) {
                    return;
                }
                layingOut.set(false);
                if (laid != null) {
                    boolean first = layout.get() == null;
                    graph = laid.graph();
                    if (first) {
                        // before the layout is published, so whoever reacts to it (select, centre) wins
                        fit(laid.layout());
                    } else {
                        keepInPlace(layout.get(), laid.layout());
                    }
                    layout.set(laid.layout());
                    layoutsDone.set(layoutsDone.get() + 1);
                    message.set(graph.warnings().isEmpty() ? "" : String.join("\n", graph.warnings()));
                }
                recolour();
                refreshDetails();
                search(searchText.get());
            }, error -> {
                if (gen == generation) {
                    layingOut.set(false);
                    message.set("The graph could not be drawn: " + error.getMessage());
                }
            });
        }
        recolour();
        refreshDetails();
    }

    private void recolour() {
        if (graph == null || status == null) {
            return;
        }
        states = ResourceState.of(status, graph);
        boxStates.set(ResourceState.boxes(states));
    }

    private void refreshDetails() {
        String id = selectedId.get();
        details.set(id == null || cib == null ? null : ResourceDetails.of(cib, id, states.get(id)));
    }

    // ---- search and selection

    private void search(String text) {
        if (graph == null) {
            matches.clear();
            return;
        }
        String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            matches.clear();
            return;
        }
        matches.setAll(graph.resources().stream().map(GraphResource::id)
                .filter(id -> id.toLowerCase(Locale.ROOT).contains(q))
                .sorted(Comparator.comparing((String id) -> !id.equalsIgnoreCase(q))
                        .thenComparing(id -> !id.toLowerCase(Locale.ROOT).startsWith(q))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(MAX_MATCHES).toList());
        if (!matches.isEmpty()) {
            select(matches.get(0));
        }
    }

    /** Selects the match after the selected one (Enter in the search box) and centres it. */
    public void nextMatch() {
        if (matches.isEmpty()) {
            return;
        }
        int i = matches.indexOf(selectedId.get());
        select(matches.get((i + 1) % matches.size()));
    }

    /** Selects a resource and brings it into the middle of the view. */
    public void select(String id) {
        selectedId.set(id);
        centreOn(id);
    }

    /** The resource drawn at a point of the view (innermost box), if any. */
    public Optional<String> resourceAt(double viewX, double viewY) {
        return boxAt(viewX, viewY).map(NodeBox::id);
    }

    Optional<NodeBox> boxAt(double viewX, double viewY) {
        GraphLayout l = layout.get();
        return l == null ? Optional.empty() : HitTest.box(l, toGraph(viewX, viewY));
    }

    /**
     * The constraint edge drawn at a point of the view, if one passes within a few pixels; the
     * nearest wins. Edges are drawn over boxes, so they are found first.
     */
    public Optional<GraphEdge> edgeAt(double viewX, double viewY) {
        GraphLayout l = layout.get();
        return l == null ? Optional.empty()
                : HitTest.edge(l, toGraph(viewX, viewY), EDGE_REACH_PX / scale.get()).map(EdgeRoute::edge);
    }

    /** A point of the view in graph coordinates, under the current pan and zoom. */
    Point toGraph(double viewX, double viewY) {
        return new Point((viewX - offsetX.get()) / scale.get(), (viewY - offsetY.get()) / scale.get());
    }

    /** The edge the admin is drawing to add a constraint. */
    public EdgeSketch edgeSketch() {
        return sketch;
    }

    // ---- viewport

    /** Shows the whole graph, never enlarged beyond its natural size. */
    public void fit() {
        if (layout.get() != null) {
            fit(layout.get());
        }
    }

    /**
     * After a change (a resource added, a group changed), the view moves with the new layout so that
     * a box the admin was looking at stays where it was on screen: the selected one, else the one
     * nearest the view's centre, if it is still there. Without it the whole picture jumps by however
     * far the layout moved that box.
     */
    private void keepInPlace(GraphLayout before, GraphLayout after) {
        Point centre = toGraph(viewportWidth.get() / 2, viewportHeight.get() / 2);
        java.util.Optional<NodeBox> anchor = java.util.Optional.ofNullable(selectedId.get()).flatMap(before::box)
                .filter(b -> after.box(b.id()).isPresent())
                .or(() -> before.boxes().stream().filter(b -> after.box(b.id()).isPresent())
                        .min(java.util.Comparator.comparingDouble(b -> Math.hypot(b.center().x() - centre.x(),
                                b.center().y() - centre.y()))));
        anchor.ifPresent(was -> {
            NodeBox now = after.box(was.id()).orElseThrow();
            offsetX.set(offsetX.get() + (was.x() - now.x()) * scale.get());
            offsetY.set(offsetY.get() + (was.y() - now.y()) * scale.get());
        });
    }

    private void fit(GraphLayout l) {
        double s = clamp(Math.min(1, Math.min(viewportWidth.get() / l.width(), viewportHeight.get() / l.height())));
        scale.set(s);
        offsetX.set((viewportWidth.get() - l.width() * s) / 2);
        offsetY.set(Math.max(0, (viewportHeight.get() - l.height() * s) / 2));
    }

    /** Zooms by a factor keeping the graph point under (viewX, viewY) where it is. */
    public void zoomAt(double factor, double viewX, double viewY) {
        double old = scale.get();
        double s = clamp(old * factor);
        offsetX.set(viewX - (viewX - offsetX.get()) * s / old);
        offsetY.set(viewY - (viewY - offsetY.get()) * s / old);
        scale.set(s);
    }

    public void zoomIn() {
        zoomAt(1.25, viewportWidth.get() / 2, viewportHeight.get() / 2);
    }

    public void zoomOut() {
        zoomAt(0.8, viewportWidth.get() / 2, viewportHeight.get() / 2);
    }

    public void panBy(double dx, double dy) {
        offsetX.set(offsetX.get() + dx);
        offsetY.set(offsetY.get() + dy);
    }

    /** Centres a resource, zooming in to a readable size if the view is zoomed far out. */
    public void centreOn(String id) {
        GraphLayout l = layout.get();
        if (l == null || id == null) {
            return;
        }
        l.box(id).ifPresent(b -> {
            if (scale.get() < 0.8) {
                scale.set(1);
            }
            Point c = b.center();
            offsetX.set(viewportWidth.get() / 2 - c.x() * scale.get());
            offsetY.set(viewportHeight.get() / 2 - c.y() * scale.get());
        });
    }

    private static double clamp(double s) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
    }

    // ---- export

    /** Asks where, then writes the graph as shown (state colours, no selection) as "png" or "svg". */
    public void export(String format) {
        GraphLayout l = layout.get();
        if (l == null) {
            return;
        }
        Map<String, BoxState> colours = boxStates.get();
        dialogs.chooseExportFile("cluster-graph." + format, format).ifPresent(file ->
                background.run("Exporting the graph to " + file, EXPORT_TIMEOUT, () -> {
                    write(file, format, l, colours);
                    return file;
                }, done -> message.set("Exported " + done), error ->
                        dialogs.showError("Export failed", file + ": " + error.getMessage())));
    }

    static void write(Path file, String format, GraphLayout l, Map<String, BoxState> colours) throws IOException {
        if (format.equals("png")) {
            Files.write(file, PngRenderer.render(l, colours));
        } else {
            Files.writeString(file, SvgRenderer.render(l, colours), StandardCharsets.UTF_8);
        }
    }

    // ---- properties

    public ReadOnlyObjectProperty<GraphLayout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Map<String, BoxState>> boxStatesProperty() {
        return boxStates.getReadOnlyProperty();
    }

    public Map<String, ResourceState.Summary> states() {
        return states;
    }

    public StringProperty selectedIdProperty() {
        return selectedId;
    }

    public ReadOnlyObjectProperty<ResourceDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObservableList<String> matches() {
        return matches;
    }

    public ReadOnlyBooleanProperty layingOutProperty() {
        return layingOut.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** How many layouts were applied: a status update must never add one. */
    public ReadOnlyIntegerProperty layoutsDoneProperty() {
        return layoutsDone.getReadOnlyProperty();
    }

    /** The colours the window draws in, following the theme; exports always use the light ones. */
    public ObjectProperty<GraphPalette> paletteProperty() {
        return palette;
    }

    public DoubleProperty scaleProperty() {
        return scale;
    }

    public DoubleProperty offsetXProperty() {
        return offsetX;
    }

    public DoubleProperty offsetYProperty() {
        return offsetY;
    }

    public DoubleProperty viewportWidthProperty() {
        return viewportWidth;
    }

    public DoubleProperty viewportHeightProperty() {
        return viewportHeight;
    }
}
