package org.clusterdeck.ui.clusters;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/** Binds the add/edit cluster form to its view model. */
public final class ClusterProfileDialogView {
    private final ClusterProfileDialogViewModel vm;

    @FXML private TextField name;
    @FXML private TextArea hosts;
    @FXML private TextField user;
    @FXML private TextField identityFile;
    @FXML private TextField knownHosts;
    @FXML private TextField jumpHost;
    @FXML private Label problems;

    public ClusterProfileDialogView(ClusterProfileDialogViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        name.textProperty().bindBidirectional(vm.nameProperty());
        hosts.textProperty().bindBidirectional(vm.hostsProperty());
        user.textProperty().bindBidirectional(vm.userProperty());
        identityFile.textProperty().bindBidirectional(vm.identityFileProperty());
        knownHosts.textProperty().bindBidirectional(vm.knownHostsProperty());
        jumpHost.textProperty().bindBidirectional(vm.jumpHostProperty());
        problems.textProperty().bind(vm.problemTextProperty());
        // the dialog would otherwise focus its Cancel button; typing starts with the name
        javafx.application.Platform.runLater(name::requestFocus);
    }
}
