package org.clusterdeck.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.clusters.ClusterProfileStore;
import org.clusterdeck.app.offline.CibFileReader;
import org.clusterdeck.ui.Background;
import org.clusterdeck.ui.ClusterDeckApp;
import org.clusterdeck.ui.DialogService;
import org.clusterdeck.ui.FxDialogService;
import org.clusterdeck.ui.FxProbe;
import org.clusterdeck.ui.main.MainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real window, wired as the application wires it (SSH watcher, audit log, dialogs), on the
 * lab: its saved clusters and audit log in the test's own directory.
 */
@ExtendWith(ApplicationExtension.class)
abstract class LabWindowTestBase extends LabTestBase {
    Map<String, String> env;

    @TempDir
    Path dir;

    Background background;
    AuditLog audit;
    ClusterProfileStore store;
    MainViewModel vm;

    @BeforeAll
    void labUp() {
        lab.ok(Duration.ofSeconds(600), "up", "--token", "1000");
        env = lab.env();
    }

    @Start
    void start(Stage stage) {
        background = new Background(Platform::runLater);
        audit = new AuditLog(dir.resolve("audit"));
        store = new ClusterProfileStore(dir.resolve("clusters.json"));
        DialogService dialogs = new FxDialogService(stage);
        vm = ClusterDeckApp.show(stage, background, dialogs, store, new CibFileReader(),
                ClusterDeckApp.sshWatcher(audit, dialogs, Platform::runLater));
    }

    @AfterEach
    void stop() throws Exception {
        FxProbe.onFx(() -> vm.disconnectAll()).get();
        background.close();
        audit.close();
    }
}
