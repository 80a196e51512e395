package org.clusterdeck.ui.graph;

import java.util.List;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.geometry.BoundingBox;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import org.clusterdeck.cluster.graph.layout.GraphLayout;
import org.clusterdeck.cluster.graph.render.GraphDrawing;

/**
 * A canvas the size of the visible area that draws the view model's graph through the shared
 * {@link GraphDrawing} under the current pan and zoom. Changes arriving together are drawn once,
 * on the next pulse.
 */
public final class GraphCanvas extends Region {
    /** The selection's blue: the edge being drawn starts at the box the admin grabbed. */
    private static final String SKETCH = "#1565c0";

    private final Canvas canvas = new Canvas();
    private GraphViewModel model;
    private boolean redrawQueued;

    public GraphCanvas() {
        getChildren().add(canvas);
        getStyleClass().add("graph-canvas");
        setFocusTraversable(true);
        setMinSize(0, 0);
    }

    /** Shows the model; its viewport size follows this region's. */
    public void bind(GraphViewModel vm) {
        if (model != null) {
            model.viewportWidthProperty().unbind();
            model.viewportHeightProperty().unbind();
        }
        this.model = vm;
        if (vm != null) {
            vm.viewportWidthProperty().bind(widthProperty());
            vm.viewportHeightProperty().bind(heightProperty());
            for (Observable o : new Observable[] {vm.layoutProperty(), vm.boxStatesProperty(), vm.selectedIdProperty(),
                    vm.scaleProperty(), vm.offsetXProperty(), vm.offsetYProperty(), vm.paletteProperty(),
                    vm.edgeSketch().lineProperty()}) {
                o.addListener(x -> {
                    if (model == vm) {
                        queueRedraw();
                    }
                });
            }
        }
        queueRedraw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        queueRedraw();
    }

    private void queueRedraw() {
        if (!redrawQueued) {
            redrawQueued = true;
            Platform.runLater(this::redraw);
        }
    }

    private void redraw() {
        redrawQueued = false;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setTransform(1, 0, 0, 1, 0, 0);
        // transparent around the drawing: the region's themed background shows through
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        GraphLayout layout = model == null ? null : model.layoutProperty().get();
        if (layout == null) {
            return;
        }
        double s = model.scaleProperty().get();
        double ox = model.offsetXProperty().get();
        double oy = model.offsetYProperty().get();
        g.setTransform(s, 0, 0, s, ox, oy);
        var visible = new BoundingBox(-ox / s, -oy / s, canvas.getWidth() / s, canvas.getHeight() / s);
        FxCanvas c = new FxCanvas(g, visible, s);
        GraphDrawing.draw(layout, c, model.boxStatesProperty().get(),
                model.selectedIdProperty().get(), model.paletteProperty().get());
        drawSketch(layout, c, model.edgeSketch().lineProperty().get());
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.setLineDashes(null);
    }

    /** The edge being drawn: a dashed arrow to the pointer, and the box it would link to outlined. */
    private static void drawSketch(GraphLayout layout, FxCanvas c, EdgeSketch.Line line) {
        if (line == null) {
            return;
        }
        if (line.target() != null) {
            layout.box(line.target()).ifPresent(b ->
                    c.rect(b.x() - 3, b.y() - 3, b.width() + 6, b.height() + 6, 7, "none", SKETCH, 2.5, false));
        }
        c.polyline(List.of(line.start(), line.end()), SKETCH, 2.5, true, true);
    }
}
