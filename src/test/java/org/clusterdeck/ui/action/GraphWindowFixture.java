package org.clusterdeck.ui.action;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.offline.CibSnapshot;
import org.clusterdeck.cluster.graph.layout.NodeBox;
import org.clusterdeck.ui.Background;
import org.clusterdeck.ui.FxDialogService;
import org.clusterdeck.ui.FxProbe;
import org.clusterdeck.ui.Snapshots;
import org.clusterdeck.ui.ViewLoader;
import org.clusterdeck.ui.graph.GraphCanvas;
import org.clusterdeck.ui.graph.GraphView;
import org.clusterdeck.ui.graph.GraphViewModel;
import org.testfx.api.FxRobot;

/**
 * The graph view on a stage with the real dialogs, connected to a {@link SimulatedCluster}, for
 * window tests under Monocle: the selection in the graph is the actions' selection, as in the
 * window. Close it after each test.
 */
final class GraphWindowFixture implements AutoCloseable {
    final SimulatedCluster cluster;
    final Background background = new Background(Platform::runLater);
    final AuditLog audit;
    final GraphViewModel graph;
    final ActionsViewModel actions;

    /** Made and shown on the FX thread (a TestFX {@code @Start}). */
    GraphWindowFixture(Path dir, Stage stage, double width, double height) throws Exception {
        cluster = SimulatedCluster.labStack(dir);
        audit = new AuditLog(dir.resolve("audit"));
        FxDialogService dialogs = new FxDialogService(stage);
        graph = new GraphViewModel(background, dialogs);
        actions = new ActionsViewModel(background, dialogs);
        actions.connected(cluster.actions(audit));
        graph.selectedIdProperty().addListener((o, was, now) -> actions.selectResource(now));
        refresh();
        stage.setScene(new Scene(ViewLoader.load(GraphView.class, c -> new GraphView(graph, actions)), width, height));
        stage.show();
    }

    /** What the monitor does after a change: the views read the cluster again. Call on the FX thread. */
    void refresh() {
        CibSnapshot now = Snapshots.read(cluster.cib());
        graph.update(now.status(), now.cib());
        actions.update(now.status(), now.cib());
    }

    /** A box's grab point on screen: a container by its title, since its middle is a member. */
    Point2D onScreen(FxRobot robot, String id) throws Exception {
        return FxProbe.onFx(() -> {
            NodeBox b = graph.layoutProperty().get().box(id).orElseThrow();
            double x = b.container() ? b.x() + 4 : b.center().x();
            double y = b.container() ? b.y() + 4 : b.center().y();
            double s = graph.scaleProperty().get();
            return robot.lookup("#graph-canvas").queryAs(GraphCanvas.class)
                    .localToScreen(x * s + graph.offsetXProperty().get(), y * s + graph.offsetYProperty().get());
        });
    }

    @Override
    public void close() {
        background.close();
        audit.close();
    }
}
