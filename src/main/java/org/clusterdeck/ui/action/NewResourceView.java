package org.clusterdeck.ui.action;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.util.Duration;
import org.clusterdeck.cluster.agents.AgentParameter;
import org.clusterdeck.cluster.agents.PrimitiveForm;
import org.clusterdeck.cluster.command.NewPrimitive;
import org.clusterdeck.cluster.command.Secrets;

/**
 * Binds the new-resource form to its view model: a row per parameter of the chosen agent, made
 * when its metadata arrives; required and optional ones in view, advanced and deprecated folded.
 */
public final class NewResourceView {
    private static final String NO_GROUP = "(none: on its own)";

    private final NewResourceViewModel vm;

    @FXML private Label agentLabel;
    @FXML private ComboBox<String> agent;
    @FXML private Label status;
    @FXML private TextField id;
    @FXML private Label groupLabel;
    @FXML private ComboBox<String> group;
    @FXML private GridPane parameters;
    @FXML private TitledPane advancedPane;
    @FXML private GridPane advanced;
    @FXML private TitledPane operationsPane;
    @FXML private GridPane operations;
    @FXML private TitledPane metaPane;
    @FXML private GridPane meta;
    @FXML private Label problem;

    public NewResourceView(NewResourceViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        // what is hidden takes no room either (a group's form is its meta attributes alone)
        for (Node n : List.of(groupLabel, group, advancedPane, operationsPane)) {
            n.managedProperty().bind(n.visibleProperty());
        }
        agent.setItems(vm.agents());
        agent.getEditor().textProperty().bindBidirectional(vm.agentProperty());
        agent.setPromptText(vm.fencing() ? "stonith:fence_ipmilan" : "ocf:heartbeat:IPaddr2");
        status.textProperty().bind(vm.statusProperty());
        id.textProperty().bindBidirectional(vm.idProperty());
        agent.setDisable(vm.editing());
        id.setDisable(vm.editing());
        groupLabel.setVisible(!vm.fencing() && !vm.editing());
        group.setVisible(groupLabel.isVisible());
        group.getItems().add(NO_GROUP);
        group.getItems().addAll(vm.groups());
        group.setValue(vm.groupProperty().get() == null ? NO_GROUP : vm.groupProperty().get());
        group.valueProperty().addListener((o, was, now) -> vm.groupProperty().set(NO_GROUP.equals(now) ? null : now));
        problem.textProperty().bind(Bindings.createStringBinding(() -> vm.problemProperty().get() == null ? ""
                : "Not yet: " + vm.problemProperty().get(), vm.problemProperty()));
        vm.fields().addListener((ListChangeListener<NewResourceViewModel.Field>) c -> rows());
        rows();
        vm.operations().addListener((ListChangeListener<NewResourceViewModel.OpField>) c -> operationRows());
        operationRows();
        if (vm.metaOnly()) {
            // a group's or clone's form is its meta attributes alone
            agentLabel.setText("Kind");
            metaPane.setExpanded(true);
            metaPane.setCollapsible(false);
            metaPane.setText("Meta attributes");
        }
        int n = 0;
        for (NewResourceViewModel.Field f : vm.metaFields()) {
            row(meta, n++, f, vm.editing());
        }
    }

    private void rows() {
        parameters.getChildren().clear();
        advanced.getChildren().clear();
        int shown = 0;
        int folded = 0;
        for (NewResourceViewModel.Field f : vm.fields()) {
            boolean fold = f.section() == PrimitiveForm.Section.ADVANCED || f.section() == PrimitiveForm.Section.DEPRECATED;
            row(fold ? advanced : parameters, fold ? folded++ : shown++, f, vm.editing());
        }
        advancedPane.setVisible(folded > 0);
    }

    /**
     * A row per operation: its interval (a monitor's; the others run once) and timeout, the agent's
     * advice as the prompt; one the form cannot change says why.
     */
    private void operationRows() {
        operations.getChildren().clear();
        operationsPane.setVisible(!vm.operations().isEmpty());
        operations.addRow(0, new Label("Operation"), new Label("Interval"), new Label("Timeout"));
        operations.getChildren().forEach(n -> n.getStyleClass().add("hint"));
        int index = 1;
        for (NewResourceViewModel.OpField op : vm.operations()) {
            String key = op.row().name() + (op.row().role() == null ? "" : "-" + op.row().role());
            TextField interval = new TextField();
            interval.setId("op-" + key + "-interval");
            interval.textProperty().bindBidirectional(op.intervalProperty());
            TextField timeout = new TextField();
            timeout.setId("op-" + key + "-timeout");
            timeout.textProperty().bindBidirectional(op.timeoutProperty());
            NewPrimitive.Op advised = op.row().advised();
            if (op.row().recurring()) {
                interval.setPromptText(advised != null ? "advised: " + advised.interval() : "e.g. 30s");
            } else {
                interval.setPromptText("once (0)");
                interval.setDisable(true);
            }
            timeout.setPromptText(advised != null && advised.timeout() != null ? "advised: " + advised.timeout()
                    : "the cluster's default");
            Label wrong = new Label();
            wrong.getStyleClass().add("problem");
            if (op.row().locked() != null) {
                interval.setDisable(true);
                timeout.setDisable(true);
                wrong.setText("not changed here: " + op.row().locked());
            } else {
                wrong.textProperty().bind(Bindings.createStringBinding(() -> op.problemProperty().get() == null ? ""
                        : op.problemProperty().get(), op.problemProperty()));
            }
            wrong.managedProperty().bind(wrong.textProperty().isNotEmpty());
            wrong.visibleProperty().bind(wrong.managedProperty());
            operations.addRow(index * 2 - 1, new Label(op.label()), interval, timeout);
            operations.add(wrong, 1, index * 2, 2, 1);
            index++;
        }
    }

    /** The parameter's name (starred when required) and a field showing its default, its description on hover. */
    private static void row(GridPane grid, int index, NewResourceViewModel.Field f, boolean edits) {
        AgentParameter p = f.parameter();
        Label name = new Label(p.name() + (f.section() == PrimitiveForm.Section.REQUIRED ? " *" : "")
                + (p.deprecated() ? " (deprecated)" : ""));
        // a secret is typed unseen; editing, an empty one stays as it is
        TextField value = Secrets.isSecret(p.name()) ? new PasswordField() : new TextField();
        value.setId("parameter-" + p.name());
        value.textProperty().bindBidirectional(f.valueProperty());
        // the default, which is not written unless changed; else what the value is
        value.setPromptText(Secrets.isSecret(p.name()) ? "secret: shown nowhere" + (edits ? ", unchanged when empty" : "")
                : p.defaultValue() != null && !p.defaultValue().isEmpty() ? "default: " + p.defaultValue()
                : p.shortDescription() != null && !p.shortDescription().isBlank() ? p.shortDescription().strip() : p.type());
        String described = p.longDescription() != null && !p.longDescription().isBlank() ? p.longDescription().strip()
                : p.shortDescription() == null ? p.name() : p.shortDescription().strip();
        Tooltip tip = new Tooltip(described + (p.replacedBy() == null ? "" : "\nUse " + p.replacedBy() + " instead."));
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        tip.setShowDelay(Duration.millis(300));
        name.setTooltip(tip);
        value.setTooltip(tip);
        Label wrong = new Label();
        wrong.getStyleClass().add("problem");
        wrong.textProperty().bind(Bindings.createStringBinding(() -> f.problemProperty().get() == null ? ""
                : f.problemProperty().get(), f.problemProperty()));
        wrong.managedProperty().bind(wrong.textProperty().isNotEmpty());
        wrong.visibleProperty().bind(wrong.managedProperty());
        grid.add(name, 0, index * 2);
        grid.add(value, 1, index * 2);
        grid.add(wrong, 1, index * 2 + 1);
    }
}
