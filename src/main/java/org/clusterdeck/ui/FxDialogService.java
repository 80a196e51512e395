package org.clusterdeck.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.clusterdeck.app.clusters.ClusterProfile;
import org.clusterdeck.ui.clusters.ClusterProfileDialogView;
import org.clusterdeck.ui.clusters.ClusterProfileDialogViewModel;

/** The real dialogs, owned by the main window so they open over it and share its theme. */
public class FxDialogService implements DialogService {
    private final Window owner;

    public FxDialogService(Window owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        prepare(a, title);
        // a Label wraps long paths and messages; the default content text is cut off
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(560);
        a.getDialogPane().setContent(text);
        a.showAndWait();
    }

    @Override
    public boolean confirm(String title, String message) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.OK, ButtonType.CANCEL);
        prepare(a, title);
        return a.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    @Override
    public Optional<ClusterProfile> editProfile(ClusterProfile initial, Collection<String> takenNames) {
        ClusterProfileDialogViewModel vm = new ClusterProfileDialogViewModel(initial, takenNames);
        Dialog<ClusterProfile> d = new Dialog<>();
        prepare(d, initial == null ? "Add cluster" : "Edit cluster " + initial.name());
        d.getDialogPane().setContent(ViewLoader.load(ClusterProfileDialogView.class,
                c -> new ClusterProfileDialogView(vm)));
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(vm.validProperty().not());
        d.setResultConverter(b -> b == ButtonType.OK ? vm.profile() : null);
        return d.showAndWait();
    }

    @Override
    public Optional<Path> chooseCibFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open CIB file (cibadmin -Q output)");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CIB XML", "*.xml"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return Optional.ofNullable(fc.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseExportFile(String suggestedName, String extension) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export graph as " + extension.toUpperCase(java.util.Locale.ROOT));
        fc.setInitialFileName(suggestedName);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(java.util.Locale.ROOT),
                "*." + extension));
        return Optional.ofNullable(fc.showSaveDialog(owner)).map(File::toPath);
    }

    private void prepare(Dialog<?> d, String title) {
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(null);
        if (owner != null && owner.getScene() != null) {
            d.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
    }
}
