package org.clusterdeck.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import javafx.collections.ListChangeListener;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.clusterdeck.app.clusters.ClusterProfile;
import org.clusterdeck.app.clusters.ClusterProfileStore;
import org.clusterdeck.app.offline.CibFileReader;
import org.clusterdeck.ui.clusters.ClusterViewModel;
import org.clusterdeck.ui.main.MainViewModel;

/**
 * For looking at the window under Xvfb: the real window with the file chooser answered in advance.
 * {@code -Ddemo.theme=DARK}, {@code -Ddemo.select=RESOURCE}, {@code -Ddemo.tab=graph} (or overview, timeline, drbd),
 * {@code -Ddemo.addDialog=true} (opens the add-cluster dialog), {@code -Ddemo.store=clusters.json} (the saved
 * clusters; by default an empty file of its own, so the user's are neither shown nor changed); arguments
 * are CIB files to open. Not a test; run with the test class path.
 */
public final class DemoLauncher {
    private DemoLauncher() {
    }

    /** The launcher class must not extend Application, or the JDK demands JavaFX as modules. */
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    public static final class Window extends Application {
    /** {@code -Ddemo.store=clusters.json}, else an empty one of its own: never the user's saved clusters. */
    private static Path store() {
        String given = System.getProperty("demo.store");
        try {
            return given != null ? Path.of(given)
                    : Files.createTempDirectory("clusterdeck-demo").resolve(ClusterProfileStore.FILE_NAME);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void start(Stage stage) {
        ScriptedDialogs dialogs = new ScriptedDialogs() {
            private final FxDialogService real = new FxDialogService(stage);

            @Override
            public Optional<ClusterProfile> editProfile(ClusterProfile initial, Collection<String> taken) {
                return real.editProfile(initial, taken);
            }
        };
        Background background = new Background(Platform::runLater);
        MainViewModel vm = ClusterDeckApp.show(stage, background, dialogs, new ClusterProfileStore(store()),
                new CibFileReader(), ScriptedWatcher.NONE);
        vm.themeProperty().set(Theme.valueOf(System.getProperty("demo.theme", "LIGHT")));
        vm.loadProfiles();
        String tab = System.getProperty("demo.tab", "overview");
        String select = System.getProperty("demo.select");
        vm.clusters().addListener((ListChangeListener<ClusterViewModel>) c -> {
            while (c.next()) {
                for (ClusterViewModel added : c.getAddedSubList()) {
                    added.tabProperty().set(ClusterViewModel.Tab.valueOf(tab.toUpperCase(java.util.Locale.ROOT)));
                    if (select != null) {
                        added.graph().layoutProperty().addListener((o, was, now) -> added.graph().select(select));
                    }
                }
            }
        });
        if (Boolean.getBoolean("demo.addDialog")) {
            Platform.runLater(vm::addCluster);
        }
        for (String f : getParameters().getRaw()) {
            vm.openCibFile(Path.of(f));
        }
    }
    }
}
