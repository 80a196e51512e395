package org.clusterdeck.ui.action;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import org.clusterdeck.ui.LabelList;

/** Binds the plan dialog's content to an {@link ActionPlanViewModel}; the dialog's buttons are the dialog service's. */
public final class ActionPlanView {
    private static final PseudoClass GOOD = PseudoClass.getPseudoClass("good");
    private static final PseudoClass BAD = PseudoClass.getPseudoClass("bad");
    private static final PseudoClass ATTENTION = PseudoClass.getPseudoClass("attention");

    private final ActionPlanViewModel vm;

    @FXML private Label title;
    @FXML private Label where;
    @FXML private Node headlineBox;
    @FXML private ProgressIndicator busy;
    @FXML private Label headline;
    @FXML private VBox refusalBox;
    @FXML private VBox refusals;
    @FXML private VBox warningBox;
    @FXML private VBox warnings;
    @FXML private CheckBox acknowledge;
    @FXML private Node planBox;
    @FXML private TextArea commands;
    @FXML private Node configurationBox;
    @FXML private TextArea configuration;
    @FXML private Label predictionSummary;
    @FXML private ListView<PredictionLine> prediction;
    @FXML private VBox notes;
    @FXML private Node outcomeBox;
    @FXML private TextArea ran;
    @FXML private Node differenceBox;
    @FXML private VBox differences;

    public ActionPlanView(ActionPlanViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        title.setText(vm.title());
        where.textProperty().bind(vm.whereProperty());
        headline.textProperty().bind(vm.headlineProperty());
        busy.visibleProperty().bind(vm.busyProperty());
        busy.managedProperty().bind(vm.busyProperty());
        planBox.visibleProperty().bind(vm.planProperty().isNotNull());
        planBox.managedProperty().bind(planBox.visibleProperty());
        commands.textProperty().bind(vm.commandsProperty());
        configuration.textProperty().bind(vm.configurationProperty());
        configurationBox.visibleProperty().bind(vm.configurationProperty().isNotEmpty());
        configurationBox.managedProperty().bind(configurationBox.visibleProperty());
        predictionSummary.textProperty().bind(vm.predictionSummaryProperty());
        prediction.setItems(vm.prediction());
        prediction.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(PredictionLine line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().removeIf(c -> c.startsWith("effect-"));
                setText(empty || line == null ? null : line.text());
                if (!empty && line != null) {
                    getStyleClass().add("effect-" + line.effect().name().toLowerCase(Locale.ROOT));
                }
            }
        });
        LabelList.bind(vm.refusals(), refusals, "refusal");
        refusalBox.visibleProperty().bind(Bindings.isNotEmpty(vm.refusals()));
        refusalBox.managedProperty().bind(refusalBox.visibleProperty());
        LabelList.bind(vm.warnings(), warnings, "warning");
        warningBox.visibleProperty().bind(Bindings.isNotEmpty(vm.warnings()));
        warningBox.managedProperty().bind(warningBox.visibleProperty());
        acknowledge.visibleProperty().bind(vm.acknowledgementNeededProperty());
        acknowledge.managedProperty().bind(acknowledge.visibleProperty());
        acknowledge.selectedProperty().bindBidirectional(vm.acknowledgedProperty());
        acknowledge.disableProperty().bind(vm.phaseProperty().isNotEqualTo(ActionPlanViewModel.Phase.READY));
        LabelList.bind(vm.notes(), notes, "note");
        outcomeBox.visibleProperty().bind(vm.outcomeProperty().isNotNull());
        outcomeBox.managedProperty().bind(outcomeBox.visibleProperty());
        ran.textProperty().bind(vm.ranProperty());
        LabelList.bind(vm.differences(), differences, "difference");
        differenceBox.visibleProperty().bind(Bindings.isNotEmpty(vm.differences()));
        differenceBox.managedProperty().bind(differenceBox.visibleProperty());
        vm.phaseProperty().addListener((o, was, now) -> colour());
        vm.differences().addListener((ListChangeListener<String>) c -> colour());
        colour();
    }

    /** The headline is green when done as predicted, amber when done otherwise or refused, red on failure. */
    private void colour() {
        ActionPlanViewModel.Phase p = vm.phaseProperty().get();
        boolean done = p == ActionPlanViewModel.Phase.DONE;
        headlineBox.pseudoClassStateChanged(GOOD, done && vm.differences().isEmpty());
        headlineBox.pseudoClassStateChanged(ATTENTION, done && !vm.differences().isEmpty()
                || p == ActionPlanViewModel.Phase.REFUSED);
        headlineBox.pseudoClassStateChanged(BAD, p == ActionPlanViewModel.Phase.FAILED
                || p == ActionPlanViewModel.Phase.ERROR);
    }
}
