package org.clusterdeck.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.clusterdeck.app.action.ClusterActions;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.clusters.ClusterProfileStore;
import org.clusterdeck.app.connect.ClusterConnector;
import org.clusterdeck.app.monitor.MonitorSettings;
import org.clusterdeck.app.offline.CibFileReader;
import org.clusterdeck.app.setup.SetupJournal;
import org.clusterdeck.cluster.command.CommandDialect;
import org.clusterdeck.ui.clusters.ClusterWatcher;
import org.clusterdeck.ui.main.MainView;
import org.clusterdeck.ui.main.MainViewModel;
import org.clusterdeck.ui.setup.SetupWizardViewModel;
import org.clusterdeck.ui.setup.SetupWizards;

public final class ClusterDeckApp extends Application {
    private static final String BASE_CSS = "/css/clusterdeck.css";

    /** Closing waits this long for connections to close, then leaves the rest to the exiting JVM. */
    private static final long CLOSE_WAIT_SECONDS = 5;
    /** As the command line's default: how long the cluster may take to carry out an action from the window. */
    private static final Duration ACTION_SETTLE_TIMEOUT = Duration.ofSeconds(120);

    private Background background;
    private AuditLog audit;
    private MainViewModel vm;

    /** Launched through here so the jar's main class need not extend Application (shaded JavaFX). */
    public static void launchWindow(String[] args) {
        Application.launch(ClusterDeckApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        FxStallMeter.fromSystemProperty(Platform::runLater);
        background = new Background(Platform::runLater);
        audit = new AuditLog(AuditLog.defaultDirectory());
        DialogService dialogs = new FxDialogService(stage);
        vm = show(stage, background, dialogs, new ClusterProfileStore(), new CibFileReader(),
                sshWatcher(audit, dialogs, background.ui()));
        vm.useSetupWizards(setupWizards(audit, dialogs, background, AuditLog.defaultDirectory()));
        vm.watchAudit(audit, background.ui());
        vm.loadProfiles(connectAtStart());
    }

    /** {@code -Dclusterdeck.connect=NAME[,NAME…]}: saved clusters to connect to as the window opens. */
    private static Set<String> connectAtStart() {
        String names = System.getProperty("clusterdeck.connect", "");
        return Arrays.stream(names.split(",")).map(String::strip).filter(n -> !n.isEmpty()).collect(Collectors.toSet());
    }

    /** Live clusters over SSH, every command and action audited; SSH's questions are asked in dialogs. */
    public static ClusterWatcher sshWatcher(AuditLog audit, DialogService dialogs, Executor ui) {
        ClusterConnector connector = new ClusterConnector(audit, new DialogPrompter(dialogs, ui));
        return (profile, listener) -> {
            ClusterConnector.Watch watch = connector.watch(profile, MonitorSettings.DEFAULT, listener);
            return new ClusterWatcher.Session(watch,
                    new ClusterActions(watch.nodes(), audit, ACTION_SETTLE_TIMEOUT, CommandDialect.AUTO));
        };
    }

    /**
     * Setup wizards over SSH, logging in as Add cluster does.
     *
     * @param dataDir where a started setup is kept until it finishes: beside the audit log
     */
    public static SetupWizards setupWizards(AuditLog audit, DialogService dialogs, Background background, Path dataDir) {
        ClusterConnector connector = new ClusterConnector(audit, new DialogPrompter(dialogs, background.ui()));
        return built -> new SetupWizardViewModel(p -> connector.connect(p.addresses(), p.user(), ClusterConnector.options(p)),
                background, audit, new SetupJournal(dataDir), built);
    }

    /** Builds the window around a view model; tests pass their own dialogs, store and watcher. */
    public static MainViewModel show(Stage stage, Background background, DialogService dialogs,
            ClusterProfileStore store, CibFileReader cibReader, ClusterWatcher watcher) {
        MainViewModel vm = new MainViewModel(background, dialogs, store, cibReader, watcher);
        Parent root = ViewLoader.load(MainView.class, type -> new MainView(vm));
        Scene scene = new Scene(root, 1280, 800);
        applyTheme(scene, vm.themeProperty().get());
        vm.themeProperty().addListener((o, was, now) -> applyTheme(scene, now));
        stage.setTitle("ClusterDeck");
        stage.setScene(scene);
        stage.show();
        return vm;
    }

    /** The base stylesheet and the theme's colours; also for views shown on their own (demos). */
    public static void applyTheme(Scene scene, Theme theme) {
        scene.getStylesheets().setAll(css(BASE_CSS), css(theme.stylesheet()));
    }

    private static String css(String name) {
        var url = ClusterDeckApp.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " missing from the jar");
        }
        return url.toExternalForm();
    }

    @Override
    public void stop() throws Exception {
        if (vm != null) {
            try {
                vm.disconnectAll().get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // a node still hanging, or a connection that failed to close: its threads are
                // daemons and end with the JVM
            }
        }
        if (background != null) {
            background.close();
        }
        if (audit != null) {
            audit.close();
        }
    }
}
