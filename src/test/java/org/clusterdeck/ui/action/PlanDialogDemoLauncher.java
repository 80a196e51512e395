package org.clusterdeck.ui.action;

import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.clusterdeck.cluster.command.ClusterAction;
import org.clusterdeck.cluster.command.PrimitiveEdit;
import org.clusterdeck.ui.FxDialogService;

/**
 * For looking at the plan dialog of a configuration change under Xvfb, without the lab: the graph
 * on a {@link SimulatedCluster} and the plan of {@code -Ddemo.action}: {@code update} (p_vip's
 * netmask to 25, the default), {@code ungroup} (p_dhcpd out of g_dhcp) or {@code fence} (node2);
 * or {@code new}: the new-resource form with IPaddr2 chosen, p_vip selected; or {@code edit}:
 * p_fs_data's form, its operations unfolded; or {@code group}: g_dhcp's meta attributes.
 * Not a test; run with the test class path.
 */
public final class PlanDialogDemoLauncher {
    private PlanDialogDemoLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    public static final class Window extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            String which = System.getProperty("demo.action", "update");
            ClusterAction action = switch (which) {
                case "ungroup" -> new ClusterAction.GroupRemove("g_dhcp", List.of("p_dhcpd"));
                case "fence" -> new ClusterAction.Fence("node2", false);
                default -> new ClusterAction.UpdateResource("p_vip", new PrimitiveEdit(Map.of("cidr_netmask", "25"),
                        Map.of(), List.of()));
            };
            FxDialogService dialogs = new FxDialogService(stage) {
                @Override
                public boolean chooseNewResource(NewResourceViewModel draft) {
                    if (!draft.editing()) {
                        draft.agentProperty().set("ocf:heartbeat:IPaddr2");
                    }
                    // once the dialog is up: the operations unfolded, to be seen
                    Platform.runLater(() -> javafx.stage.Window.getWindows().forEach(w -> {
                        if (w.getScene() != null && w.getScene().lookup("#resource-operations")
                                instanceof javafx.scene.control.TitledPane ops) {
                            ops.setExpanded(true);
                            if (w.getScene().lookup(".scroll-pane") instanceof javafx.scene.control.ScrollPane pane) {
                                Platform.runLater(() -> pane.setVvalue(pane.getVmax()));
                            }
                        }
                    }));
                    return super.chooseNewResource(draft);
                }
            };
            ActionsViewModel actions = DemoGraphWindow.show(stage, dialogs, 1280, 900).actions();
            if (which.equals("new")) {
                actions.selectResource("p_vip");
                Platform.runLater(() -> actions.newResource(false));
            } else if (which.equals("edit") || which.equals("group")) {
                actions.selectResource(which.equals("edit") ? "p_fs_data" : "g_dhcp");
                Platform.runLater(actions::edit);
            } else {
                Platform.runLater(() -> actions.run(action));
            }
        }
    }
}
