package org.clusterdeck.ui.clusters;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.layout.VBox;
import org.clusterdeck.ui.timeline.NotificationCards;

/** One cluster's page: header with health badge, the tabs, and notifications over them. */
public final class ClusterView {
    private final ClusterViewModel vm;

    @FXML private Label badge;
    @FXML private Label title;
    @FXML private Label source;
    @FXML private TabPane tabs;
    @FXML private VBox notifications;

    public ClusterView(ClusterViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        title.textProperty().bind(vm.nameProperty());
        source.textProperty().bind(vm.sourceProperty());
        HealthBadge.bind(badge, vm.healthProperty());
        NotificationCards.bind(notifications, vm.timeline());
        tabs.getSelectionModel().select(vm.tabProperty().get().ordinal());
        vm.tabProperty().addListener((o, was, now) -> tabs.getSelectionModel().select(now.ordinal()));
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, was, now) ->
                vm.tabProperty().set(ClusterViewModel.Tab.values()[now.intValue()]));
    }
}
