package org.clusterdeck.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.clusters.ClusterProfileStore;
import org.clusterdeck.app.offline.CibFileReader;
import org.clusterdeck.ui.clusters.ClusterViewModel;
import org.clusterdeck.ui.main.MainViewModel;

/**
 * For looking at the DRBD page under Xvfb: the real window connects to a saved cluster
 * ({@code -Ddemo.store=clusters.json}, {@code -Ddemo.cluster=NAME}) with its DRBD tab open, as
 * an admin would open it. Not a test; run with the test classes after the shaded jar, e.g.
 * {@code java -cp target/clusterdeck.jar:target/test-classes org.clusterdeck.ui.DrbdDemoLauncher}.
 */
public final class DrbdDemoLauncher {
    private DrbdDemoLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    public static final class Window extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            FxDialogService dialogs = new FxDialogService(stage);
            Background background = new Background(Platform::runLater);
            AuditLog audit = new AuditLog(Files.createTempDirectory("clusterdeck-demo"));
            MainViewModel vm = ClusterDeckApp.show(stage, background, dialogs,
                    new ClusterProfileStore(Path.of(System.getProperty("demo.store"))), new CibFileReader(),
                    ClusterDeckApp.sshWatcher(audit, dialogs, Platform::runLater));
            vm.selectedProperty().addListener((o, was, c) -> {
                if (c != null) {
                    c.tabProperty().set(ClusterViewModel.Tab.DRBD);
                }
            });
            vm.loadProfiles(Set.of(System.getProperty("demo.cluster", "vmlab")));
        }
    }
}
