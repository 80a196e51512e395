package org.clusterdeck.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.clusters.ClusterProfileStore;
import org.clusterdeck.app.offline.CibFileReader;
import org.clusterdeck.ui.action.ActionPlanViewModel;
import org.clusterdeck.ui.clusters.ClusterViewModel;
import org.clusterdeck.ui.clusters.ConnectionState;
import org.clusterdeck.ui.main.MainViewModel;

/**
 * For looking at an action under Xvfb: the real window connects to a saved cluster
 * ({@code -Ddemo.store=clusters.json}, {@code -Ddemo.cluster=NAME}), selects
 * {@code -Ddemo.resource} in the graph and opens the plan dialog for moving it to
 * {@code -Ddemo.to}; with {@code -Ddemo.applyAfter=SECONDS} the plan is applied that long after it
 * is shown, as if the admin clicked Apply. Not a test; run with the test class path.
 */
public final class ActionDemoLauncher {
    private ActionDemoLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    public static final class Window extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            double applyAfter = Double.parseDouble(System.getProperty("demo.applyAfter", "0"));
            FxDialogService dialogs = new FxDialogService(stage) {
                @Override
                public void showActionPlan(ActionPlanViewModel plan) {
                    if (applyAfter > 0) {
                        plan.phaseProperty().addListener((o, was, now) -> {
                            if (now == ActionPlanViewModel.Phase.READY) {
                                PauseTransition wait = new PauseTransition(Duration.seconds(applyAfter));
                                wait.setOnFinished(e -> plan.apply());
                                wait.play();
                            }
                        });
                    }
                    super.showActionPlan(plan);
                }
            };
            Background background = new Background(Platform::runLater);
            AuditLog audit = new AuditLog(Files.createTempDirectory("clusterdeck-demo"));
            MainViewModel vm = ClusterDeckApp.show(stage, background, dialogs,
                    new ClusterProfileStore(Path.of(System.getProperty("demo.store"))), new CibFileReader(),
                    ClusterDeckApp.sshWatcher(audit, dialogs, Platform::runLater));
            String resource = System.getProperty("demo.resource", "g_dhcp");
            String to = System.getProperty("demo.to");
            vm.loadProfiles(Set.of(System.getProperty("demo.cluster", "lab")));
            boolean[] opened = new boolean[1];
            vm.selectedProperty().addListener((o, was, c) -> c.graph().layoutProperty().addListener((l, old, now) -> {
                if (now == null || opened[0]) {
                    return;
                }
                opened[0] = true;
                c.tabProperty().set(ClusterViewModel.Tab.GRAPH);
                c.graph().select(resource);
                whenLive(c, () -> Platform.runLater(() -> c.actions().moveTo(to)));
            }));
        }

        private static void whenLive(ClusterViewModel c, Runnable then) {
            if (c.connectionProperty().get() == ConnectionState.CONNECTED && c.actions().liveProperty().get()) {
                then.run();
                return;
            }
            c.actions().liveProperty().addListener((o, was, now) -> {
                if (now) {
                    then.run();
                }
            });
        }
    }
}
