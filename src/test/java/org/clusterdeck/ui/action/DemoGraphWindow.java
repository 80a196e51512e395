package org.clusterdeck.ui.action;

import java.nio.file.Files;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.offline.CibSnapshot;
import org.clusterdeck.ui.Background;
import org.clusterdeck.ui.ClusterDeckApp;
import org.clusterdeck.ui.FxDialogService;
import org.clusterdeck.ui.Snapshots;
import org.clusterdeck.ui.Theme;
import org.clusterdeck.ui.ViewLoader;
import org.clusterdeck.ui.graph.GraphView;
import org.clusterdeck.ui.graph.GraphViewModel;

/**
 * The graph window of the demo launchers, for looking at the window's dialogs under Xvfb without
 * the lab: the lab's stack on a {@link SimulatedCluster}, its actions connected, shown in the stage.
 */
record DemoGraphWindow(GraphViewModel graph, ActionsViewModel actions) {
    static DemoGraphWindow show(Stage stage, FxDialogService dialogs, double width, double height) throws Exception {
        SimulatedCluster cluster = SimulatedCluster.labStack(Files.createTempDirectory("clusterdeck-demo"));
        Background background = new Background(Platform::runLater);
        GraphViewModel graph = new GraphViewModel(background, dialogs);
        ActionsViewModel actions = new ActionsViewModel(background, dialogs);
        actions.connected(cluster.actions(new AuditLog(Files.createTempDirectory("clusterdeck-demo-audit"))));
        CibSnapshot now = Snapshots.read(cluster.cib());
        graph.update(now.status(), now.cib());
        actions.update(now.status(), now.cib());
        Scene scene = new Scene(ViewLoader.load(GraphView.class, c -> new GraphView(graph, actions)), width, height);
        ClusterDeckApp.applyTheme(scene, Theme.LIGHT);
        stage.setScene(scene);
        stage.setTitle("ClusterDeck");
        stage.show();
        return new DemoGraphWindow(graph, actions);
    }
}
