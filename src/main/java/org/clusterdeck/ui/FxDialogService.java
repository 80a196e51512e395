package org.clusterdeck.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import javafx.beans.binding.BooleanBinding;
import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.clusterdeck.app.clusters.ClusterProfile;
import org.clusterdeck.transport.ssh.UnknownHostKey;
import org.clusterdeck.ui.action.ActionPlanView;
import org.clusterdeck.ui.action.ActionPlanViewModel;
import org.clusterdeck.ui.action.NewConstraintView;
import org.clusterdeck.ui.action.NewConstraintViewModel;
import org.clusterdeck.ui.action.NewResourceView;
import org.clusterdeck.ui.action.NewResourceViewModel;
import org.clusterdeck.ui.clusters.ClusterProfileDialogView;
import org.clusterdeck.ui.clusters.ClusterProfileDialogViewModel;
import org.clusterdeck.ui.setup.SetupWizardView;
import org.clusterdeck.ui.setup.SetupWizardViewModel;

/** The real dialogs, owned by the main window so they open over it and share its theme. */
public class FxDialogService implements DialogService {
    private final Window owner;

    public FxDialogService(Window owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String message) {
        show(Alert.AlertType.ERROR, title, message);
    }

    @Override
    public void showInformation(String title, String message) {
        show(Alert.AlertType.INFORMATION, title, message);
    }

    private void show(Alert.AlertType type, String title, String message) {
        Alert a = new Alert(type);
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
    public boolean trustHostKey(UnknownHostKey key) {
        ButtonType trust = new ButtonType("Trust and connect", ButtonBar.ButtonData.OK_DONE);
        ButtonType refuse = new ButtonType("Do not connect", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.WARNING, null, trust, refuse);
        prepare(a, "Unknown host key of " + key.host());
        Label intro = new Label("ClusterDeck has never seen this host key. Compare the fingerprint with the node's own"
                + " (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on the node) before trusting it.");
        intro.setWrapText(true);
        intro.setMaxWidth(560);
        GridPane facts = new GridPane();
        facts.setHgap(10);
        facts.setVgap(6);
        facts.addRow(0, new Label("Host"), readOnly("hostkey-host", key.host()));
        facts.addRow(1, new Label("Key type"), readOnly("hostkey-type", key.keyType()));
        facts.addRow(2, new Label("Fingerprint"), readOnly("hostkey-fingerprint", key.fingerprint()));
        facts.addRow(3, new Label("Recorded in"), readOnly("hostkey-file", key.knownHosts().toString()));
        a.getDialogPane().setContent(new VBox(12, intro, facts));
        // Enter must not trust a key by accident: the safe answer is the default
        ((Button) a.getDialogPane().lookupButton(trust)).setDefaultButton(false);
        ((Button) a.getDialogPane().lookupButton(refuse)).setDefaultButton(true);
        return a.showAndWait().filter(trust::equals).isPresent();
    }

    /** Selectable, so the fingerprint can be copied and compared. */
    private static TextField readOnly(String id, String text) {
        TextField f = new TextField(text);
        f.setId(id);
        f.setEditable(false);
        f.setPrefColumnCount(Math.max(20, text.length()));
        return f;
    }

    @Override
    public char[] askSecret(String title, String prompt) {
        Dialog<ButtonType> d = new Dialog<>();
        prepare(d, title);
        PasswordField field = new PasswordField();
        Label text = new Label(prompt);
        text.setWrapText(true);
        text.setMaxWidth(480);
        d.getDialogPane().setContent(new VBox(8, text, field));
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setOnShown(e -> field.requestFocus());
        boolean ok = d.showAndWait().filter(ButtonType.OK::equals).isPresent();
        char[] secret = ok ? field.getText().toCharArray() : null;
        // the field's own copy goes as soon as it is read; the caller wipes the array
        field.clear();
        return secret;
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

    @Override
    public void showActionPlan(ActionPlanViewModel plan) {
        Dialog<ButtonType> d = new Dialog<>();
        prepare(d, "Plan: " + plan.title());
        d.setResizable(true);
        d.getDialogPane().setContent(ViewLoader.load(ActionPlanView.class, c -> new ActionPlanView(plan)));
        // sized for the plan and the outcome from the start: they arrive after the dialog is shown,
        // and fit a 1280×800 screen
        d.getDialogPane().setPrefSize(860, 640);
        ButtonType apply = new ButtonType("_Apply", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(apply, ButtonType.CLOSE);
        Button applyButton = (Button) d.getDialogPane().lookupButton(apply);
        applyButton.setId("action-apply");
        // Enter must not change a cluster by accident: applying takes a click or Alt+A
        applyButton.setDefaultButton(false);
        applyButton.disableProperty().bind(plan.canApplyProperty().not());
        // applying keeps the dialog open: the outcome is shown in it
        applyButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            plan.apply();
        });
        BooleanBinding applying = plan.phaseProperty().isEqualTo(ActionPlanViewModel.Phase.APPLYING);
        Button close = (Button) d.getDialogPane().lookupButton(ButtonType.CLOSE);
        close.setId("action-close");
        close.disableProperty().bind(applying);
        d.setOnCloseRequest(e -> {
            if (applying.get()) {
                e.consume();
            }
        });
        d.showAndWait();
    }

    @Override
    public boolean chooseConstraint(NewConstraintViewModel draft) {
        Dialog<ButtonType> d = new Dialog<>();
        prepare(d, "New constraint from " + draft.from());
        d.getDialogPane().setContent(ViewLoader.load(NewConstraintView.class, c -> new NewConstraintView(draft)));
        ButtonType plan = new ButtonType("_Plan\u2026", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(plan, ButtonType.CANCEL);
        Button planButton = (Button) d.getDialogPane().lookupButton(plan);
        planButton.setId("constraint-plan");
        planButton.disableProperty().bind(draft.validProperty().not());
        // nothing runs from here: the next step is the plan dialog, which has its own Apply
        return d.showAndWait().filter(plan::equals).isPresent();
    }

    @Override
    public boolean chooseNewResource(NewResourceViewModel draft) {
        Dialog<ButtonType> d = new Dialog<>();
        prepare(d, draft.title());
        d.getDialogPane().setContent(ViewLoader.load(NewResourceView.class, c -> new NewResourceView(draft)));
        ButtonType plan = new ButtonType("_Plan\u2026", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(plan, ButtonType.CANCEL);
        Button planButton = (Button) d.getDialogPane().lookupButton(plan);
        planButton.setId("resource-plan");
        planButton.disableProperty().bind(draft.validProperty().not());
        draft.load();
        // nothing runs from here: the next step is the plan dialog, which has its own Apply
        return d.showAndWait().filter(plan::equals).isPresent();
    }

    @Override
    public Optional<String> askText(String title, String prompt, String initial) {
        TextInputDialog d = new TextInputDialog(initial);
        prepare(d, title);
        d.setContentText(prompt);
        d.getEditor().setId("ask-text");
        d.getEditor().setPrefColumnCount(32);
        return d.showAndWait().map(String::strip).filter(t -> !t.isEmpty());
    }

    @Override
    public void showSetupWizard(SetupWizardViewModel wizard) {
        javafx.stage.Stage stage = new javafx.stage.Stage();
        stage.initOwner(owner);
        stage.setTitle("New cluster from bare nodes");
        javafx.scene.Scene scene = new javafx.scene.Scene(ViewLoader.load(SetupWizardView.class,
                c -> new SetupWizardView(wizard)), 1000, 700);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        // offered before the first page: an unfinished setup to continue
        try {
            wizard.unfinished().ifPresent(entry -> {
                if (confirm("Unfinished setup", "The setup of " + entry.profile().name() + " on "
                        + String.join(" and ", entry.profile().hosts()) + ", started " + entry.startedAt()
                        + ", did not finish. Continue it? Its steps already done are skipped.\n\nCancel forgets it and"
                        + " starts a new setup; what it did on its nodes stays.")) {
                    wizard.resume(entry);
                } else {
                    forget(wizard);
                }
            });
        } catch (java.io.IOException e) {
            showError("Unfinished setup not readable", e.getMessage());
        }
        // closing while a setup runs stops it where nothing is half done, then closes
        stage.setOnCloseRequest(e -> {
            if (!wizard.runningProperty().get()) {
                wizard.close();
                return;
            }
            e.consume();
            if (confirm("Stop the setup?", "The setup stops after the command that runs now; open the wizard again"
                    + " to continue it.")) {
                wizard.stop();
                wizard.runningProperty().addListener((o, was, now) -> {
                    if (!now) {
                        wizard.close();
                        stage.close();
                    }
                });
            }
        });
        wizard.doneProperty().addListener((o, was, now) -> {
            if (now) {
                wizard.close();
                stage.close();
            }
        });
        stage.show();
    }

    /** The admin chose a new setup over the unfinished one: it is not offered again. */
    private void forget(SetupWizardViewModel wizard) {
        try {
            wizard.discardUnfinished();
        } catch (java.io.IOException e) {
            showError("Unfinished setup not forgotten", e.getMessage());
        }
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
