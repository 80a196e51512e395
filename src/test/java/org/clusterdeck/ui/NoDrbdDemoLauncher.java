package org.clusterdeck.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.clusterdeck.Corpus;
import org.clusterdeck.app.clusters.ClusterProfile;
import org.clusterdeck.app.clusters.ClusterProfileStore;
import org.clusterdeck.app.monitor.ClusterView;
import org.clusterdeck.app.monitor.NodeView;
import org.clusterdeck.app.offline.CibFileReader;
import org.clusterdeck.app.offline.CibSnapshot;
import org.clusterdeck.ui.clusters.ClusterViewModel;
import org.clusterdeck.ui.clusters.ClusterWatcher;
import org.clusterdeck.ui.main.MainViewModel;

/**
 * For looking at the tabs of a connected cluster without DRBD under Xvfb, with no cluster at hand:
 * the real window, connected through a scripted monitor that answers once for two nodes without
 * the DRBD module, with a corpus CIB's status ({@code -Ddemo.tab=DRBD}, the default, or OVERVIEW,
 * TIMELINE; {@code -Ddemo.connect=false} for the cluster before Connect). Not a test; run with the
 * test classes after the shaded jar, e.g.
 * {@code java -cp target/clusterdeck.jar:target/test-classes org.clusterdeck.ui.NoDrbdDemoLauncher}.
 */
public final class NoDrbdDemoLauncher {
    private NoDrbdDemoLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    public static final class Window extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            Path dir = Files.createTempDirectory("clusterdeck-demo");
            ClusterProfileStore store = new ClusterProfileStore(dir.resolve("clusters.json"));
            store.save(List.of(new ClusterProfile("web", List.of("10.0.0.1", "10.0.0.2"), "root", null, null, null)));
            CibSnapshot snap = new CibFileReader().read(Corpus.path("pacemaker/cib/group6.xml"));
            ClusterViewModel.Tab tab = ClusterViewModel.Tab.valueOf(System.getProperty("demo.tab", "DRBD"));
            ScriptedWatcher scripted = new ScriptedWatcher();
            ClusterWatcher watcher = (profile, listener) -> {
                ClusterWatcher.Session s = scripted.watch(profile, listener);
                // the monitor's own thread: both nodes answer at once
                List<NodeView> both = List.of(Snapshots.answered("10.0.0.1", "node1", snap),
                        Snapshots.answered("10.0.0.2", "node2", snap));
                new Thread(() -> listener.view(new ClusterView(Instant.now(), both, "10.0.0.1", snap.status(), snap.cib())),
                        "scripted monitor").start();
                return s;
            };
            MainViewModel vm = ClusterDeckApp.show(stage, new Background(Platform::runLater), new FxDialogService(stage),
                    store, new CibFileReader(), watcher);
            vm.selectedProperty().addListener((o, was, c) -> {
                if (c != null) {
                    c.tabProperty().set(tab);
                }
            });
            boolean connect = Boolean.parseBoolean(System.getProperty("demo.connect", "true"));
            vm.loadProfiles(connect ? Set.of("web") : Set.of());
        }
    }
}
