package org.clusterdeck.ui.clusters;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.layout.VBox;
import org.clusterdeck.ui.timeline.NotificationCards;

/** One cluster's page: header with health badge and connect buttons (live clusters), the tabs, and notifications over them. */
public final class ClusterView {
    private final ClusterViewModel vm;

    @FXML private Label badge;
    @FXML private Label title;
    @FXML private Label source;
    @FXML private TabPane tabs;
    @FXML private VBox notifications;
    @FXML private Button connect;
    @FXML private Button disconnect;

    public ClusterView(ClusterViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        title.textProperty().bind(vm.nameProperty());
        source.textProperty().bind(vm.sourceProperty());
        HealthBadge.bind(badge, vm.healthProperty());
        NotificationCards.bind(notifications, vm.timeline());
        connect.disableProperty().bind(vm.canConnectProperty().not());
        disconnect.disableProperty().bind(vm.canDisconnectProperty().not());
        // a CIB file has nothing to connect to
        connect.setVisible(!vm.isFile());
        connect.setManaged(!vm.isFile());
        disconnect.setVisible(!vm.isFile());
        disconnect.setManaged(!vm.isFile());
        tabs.getSelectionModel().select(vm.tabProperty().get().ordinal());
        vm.tabProperty().addListener((o, was, now) -> tabs.getSelectionModel().select(now.ordinal()));
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, was, now) ->
                vm.tabProperty().set(ClusterViewModel.Tab.values()[now.intValue()]));
    }

    @FXML
    private void connect() {
        vm.connect();
    }

    @FXML
    private void disconnect() {
        vm.disconnect();
    }
}
