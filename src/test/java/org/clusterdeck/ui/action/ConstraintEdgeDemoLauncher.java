package org.clusterdeck.ui.action;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.clusterdeck.cluster.graph.layout.NodeBox;
import org.clusterdeck.ui.FxDialogService;
import org.clusterdeck.ui.graph.GraphViewModel;

/**
 * For looking at a constraint drawn in the graph under Xvfb, without the lab: the graph view on a
 * {@link SimulatedCluster}, an edge being drawn from {@code -Ddemo.from} (default g_dhcp) to
 * {@code -Ddemo.to} (default st_node1) and the constraint dialog it opens; with
 * {@code -Ddemo.plan=true} the dialog's default choice is taken and the plan dialog shown instead.
 * Not a test; run with the test class path.
 */
public final class ConstraintEdgeDemoLauncher {
    private ConstraintEdgeDemoLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    public static final class Window extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            String from = System.getProperty("demo.from", "g_dhcp");
            String to = System.getProperty("demo.to", "st_node1");
            boolean plan = Boolean.getBoolean("demo.plan");
            FxDialogService dialogs = new FxDialogService(stage) {
                @Override
                public boolean chooseConstraint(NewConstraintViewModel draft) {
                    return plan || super.chooseConstraint(draft);
                }
            };
            DemoGraphWindow window = DemoGraphWindow.show(stage, dialogs, 1400, 900);
            GraphViewModel graph = window.graph();
            ActionsViewModel actions = window.actions();
            // Xvfb has no window manager to place dialogs: keep them in the bottom-right corner, off
            // the graph, also as they grow when the plan arrives
            javafx.stage.Window.getWindows().addListener((javafx.collections.ListChangeListener<javafx.stage.Window>) c -> {
                while (c.next()) {
                    c.getAddedSubList().stream().filter(w -> w != stage).forEach(w -> {
                        Runnable place = () -> {
                            w.setX(stage.getX() + stage.getWidth() - w.getWidth() - 8);
                            w.setY(Math.max(stage.getY(), stage.getY() + stage.getHeight() - w.getHeight() - 8));
                        };
                        w.widthProperty().addListener(x -> place.run());
                        w.heightProperty().addListener(x -> place.run());
                        w.setOnShown(e -> place.run());
                    });
                }
            });
            graph.layoutProperty().addListener((o, was, layout) -> Platform.runLater(() -> {
                // the pointer held over the target box, as while dragging
                NodeBox a = layout.box(from).orElseThrow();
                NodeBox b = layout.box(to).orElseThrow();
                double s = graph.scaleProperty().get();
                graph.edgeSketch().begin((a.x() + 4) * s + graph.offsetXProperty().get(),
                        (a.y() + 4) * s + graph.offsetYProperty().get());
                graph.edgeSketch().moveTo(b.center().x() * s + graph.offsetXProperty().get(),
                        b.center().y() * s + graph.offsetYProperty().get());
                if (plan) {
                    graph.edgeSketch().cancel();
                }
                Platform.runLater(() -> actions.addConstraint(from, to));
            }));
        }
    }
}
