package org.clusterdeck.ui.action;

import java.util.List;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;
import org.clusterdeck.cluster.command.NewConstraint;
import org.clusterdeck.ui.action.NewConstraintViewModel.Strength;
import org.clusterdeck.ui.action.NewConstraintViewModel.Type;

/** Binds the new-constraint form to its view model; only the kind's own fields are shown. */
public final class NewConstraintView {
    private final NewConstraintViewModel vm;

    @FXML private Label from;
    @FXML private ComboBox<String> to;
    @FXML private RadioButton colocation;
    @FXML private RadioButton order;
    @FXML private GridPane colocationForm;
    @FXML private GridPane orderForm;
    @FXML private ComboBox<Strength> strength;
    @FXML private TextField score;
    @FXML private Label toRoleLabel;
    @FXML private ComboBox<String> toRole;
    @FXML private Label fromRoleLabel;
    @FXML private ComboBox<String> fromRole;
    @FXML private Label firstActionLabel;
    @FXML private ComboBox<String> firstAction;
    @FXML private Label thenActionLabel;
    @FXML private ComboBox<String> thenAction;
    @FXML private ComboBox<String> kind;
    @FXML private TextField id;
    @FXML private Label preview;
    @FXML private Label problem;

    public NewConstraintView(NewConstraintViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        from.setText(vm.from());
        to.getItems().setAll(vm.targets());
        to.valueProperty().bindBidirectional(vm.toProperty());
        ToggleGroup types = new ToggleGroup();
        colocation.setToggleGroup(types);
        order.setToggleGroup(types);
        types.selectToggle(vm.typeProperty().get() == Type.ORDER ? order : colocation);
        types.selectedToggleProperty().addListener((o, was, now) -> vm.typeProperty().set(now == order ? Type.ORDER : Type.COLOCATION));
        colocationForm.visibleProperty().bind(colocation.selectedProperty());
        colocationForm.managedProperty().bind(colocation.selectedProperty());
        orderForm.visibleProperty().bind(order.selectedProperty());
        orderForm.managedProperty().bind(order.selectedProperty());

        strength.getItems().setAll(Strength.values());
        strength.valueProperty().bindBidirectional(vm.strengthProperty());
        score.textProperty().bindBidirectional(vm.advisoryScoreProperty());
        score.disableProperty().bind(vm.strengthProperty().isNotEqualTo(Strength.ADVISORY));
        choices(toRole, NewConstraintViewModel.ROLES, "any role");
        toRole.valueProperty().bindBidirectional(vm.toRoleProperty());
        choices(fromRole, NewConstraintViewModel.ROLES, "any role");
        fromRole.valueProperty().bindBidirectional(vm.fromRoleProperty());
        choices(firstAction, NewConstraint.ACTIONS, null);
        firstAction.valueProperty().bindBidirectional(vm.firstActionProperty());
        choices(thenAction, NewConstraint.ACTIONS, null);
        thenAction.valueProperty().bindBidirectional(vm.thenActionProperty());
        choices(kind, NewConstraint.ORDER_KINDS, null);
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        // the labels name the resources, so the direction of the drawn edge is plain
        vm.toProperty().addListener((o, was, now) -> nameRoles());
        nameRoles();

        id.textProperty().bindBidirectional(vm.idProperty());
        preview.textProperty().bind(vm.previewProperty());
        problem.textProperty().bind(vm.problemProperty());
        Platform.runLater(() -> (vm.toProperty().get() == null ? to : strength).requestFocus());
    }

    private void nameRoles() {
        String target = vm.toProperty().get() == null ? "the target" : vm.toProperty().get();
        toRoleLabel.setText("Role of " + target);
        fromRoleLabel.setText("with role of " + vm.from());
        firstActionLabel.setText("First " + vm.from());
        thenActionLabel.setText("then " + target);
    }

    /** The empty choice is shown as {@code empty} (the attribute is left out). */
    private static void choices(ComboBox<String> box, List<String> values, String empty) {
        box.getItems().setAll(values);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String v) {
                return v == null || v.isEmpty() ? (empty == null ? "" : empty) : v;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
    }
}
