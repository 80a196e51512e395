package org.clusterdeck.ui.overview;

import static org.clusterdeck.ui.FormText.nullToEmpty;
import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;
import org.clusterdeck.cluster.checks.ClusterProperty;
import org.clusterdeck.cluster.checks.Finding;
import org.clusterdeck.cluster.checks.LeftoverConstraint;
import org.clusterdeck.cluster.checks.NodeCondition;
import org.clusterdeck.cluster.events.Severity;
import org.clusterdeck.cluster.status.Failure;
import org.clusterdeck.cluster.status.Resource;
import org.clusterdeck.ui.HoverText;
import org.clusterdeck.ui.Tables;
import org.clusterdeck.ui.action.ActionMenus;
import org.clusterdeck.ui.action.ActionsViewModel;

/** Binds the overview's tables and findings to its view model; table selections choose what actions act on. */
public final class OverviewView {
    private static final PseudoClass BAD = PseudoClass.getPseudoClass("bad");
    private static final PseudoClass ATTENTION = PseudoClass.getPseudoClass("attention");

    private final OverviewViewModel vm;
    private final ActionsViewModel actions;

    @FXML private Label summary;
    @FXML private ListView<Finding> findings;
    @FXML private TableView<NodeCondition> nodes;
    @FXML private TableView<Resource> resourceTable;
    // not "resources": FXMLLoader injects its ResourceBundle into a field of that name
    @FXML private TableView<Failure> failures;
    @FXML private TableView<LeftoverConstraint> leftovers;
    @FXML private TableView<ClusterProperty> properties;

    public OverviewView(OverviewViewModel vm, ActionsViewModel actions) {
        this.vm = vm;
        this.actions = actions;
    }

    @FXML
    private void initialize() {
        summary.textProperty().bind(vm.summaryProperty());
        findings.setItems(vm.findings());
        Tables.placeholder(findings, vm.findingsEmptyText());
        findings.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Finding f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : f.message());
                HoverText.cell(this, empty || f == null || f.commands().isEmpty() ? null : "What helps:\n"
                        + String.join("\n", f.commands().stream()
                                .map(c -> (c.node() == null ? "" : "on " + c.node() + ": ") + c.command()).toList()));
                pseudoClassStateChanged(BAD, !empty && f != null && f.severity() == Severity.CRITICAL);
                pseudoClassStateChanged(ATTENTION, !empty && f != null && f.severity() == Severity.WARNING);
            }
        });

        nodes.setItems(vm.nodes());
        Tables.placeholder(nodes, vm.nodesEmptyText());
        Tables.column(nodes, "Node", NodeCondition::name, 110);
        Tables.column(nodes, "State", NodeCondition::state, 200);
        Tables.column(nodes, "DC", n -> n.node().dc() ? "DC" : "", 40);
        Tables.column(nodes, "Resources", n -> String.valueOf(n.node().resourcesRunning()), 80);
        Tables.colourRows(nodes, NodeCondition::down, NodeCondition::restricted);

        resourceTable.setItems(vm.resources());
        Tables.placeholder(resourceTable, vm.resourcesEmptyText());
        Tables.column(resourceTable, "Resource", Resource::id, 140);
        Tables.column(resourceTable, "Role", r -> nullToEmpty(r.role()), 85);
        Tables.column(resourceTable, "Node", r -> String.join(", ", r.nodes()), 95);
        Tables.column(resourceTable, "Flags", OverviewView::flags, 80);
        Tables.column(resourceTable, "In", r -> nullToEmpty(r.parent()), 90);
        Tables.column(resourceTable, "Agent", r -> nullToEmpty(r.agent()), 150);
        Tables.colourRows(resourceTable, Resource::failed, r -> !r.managed() || r.blocked());

        resourceTable.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                actions.selectResource(now.id());
            }
        });
        resourceTable.setContextMenu(ActionMenus.contextMenu(() -> ActionMenus.resourceContext(actions)));
        nodes.getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                actions.nodeProperty().set(now == null ? null : now.name()));
        nodes.setContextMenu(ActionMenus.contextMenu(() -> {
            List<MenuItem> items = new ArrayList<>(ActionMenus.node(actions));
            items.add(new SeparatorMenuItem());
            items.addAll(ActionMenus.cluster(actions));
            return items;
        }));
        properties.setContextMenu(ActionMenus.contextMenu(() -> ActionMenus.cluster(actions)));

        failures.setItems(vm.failures());
        Tables.placeholder(failures, vm.failuresEmptyText());
        Tables.column(failures, "Resource", Failure::resource, 130);
        Tables.column(failures, "Node", Failure::node, 90);
        Tables.column(failures, "Operation", f -> f.operation() + (f.intervalMs() != null && f.intervalMs() > 0
                ? " (" + f.intervalMs() / 1000 + " s)" : ""), 110);
        Tables.column(failures, "Result", f -> nullToEmpty(f.exitStatus()) + (f.status() != null ? ", " + f.status() : ""), 150);
        Tables.column(failures, "Reason", f -> nullToEmpty(f.exitReason()), 200);

        leftovers.setItems(vm.leftovers());
        Tables.placeholder(leftovers, vm.leftoversEmptyText());
        Tables.column(leftovers, "Constraint", LeftoverConstraint::id, 170);
        Tables.column(leftovers, "Resource", l -> nullToEmpty(l.resource()), 100);
        Tables.column(leftovers, "Node", l -> nullToEmpty(l.node()), 80);
        Tables.column(leftovers, "Score", l -> nullToEmpty(l.score()), 80);
        Tables.column(leftovers, "What to do", LeftoverConstraint::advice, 360);
        Tables.colourRows(leftovers, l -> false, l -> true);
        leftovers.setContextMenu(ActionMenus.contextMenu(() -> {
            LeftoverConstraint l = leftovers.getSelectionModel().getSelectedItem();
            return l == null ? List.of() : ActionMenus.constraint(actions, l.id(), "leftover constraint");
        }));

        properties.setItems(vm.properties());
        Tables.placeholder(properties, vm.propertiesEmptyText());
        Tables.column(properties, "Property", ClusterProperty::name, 170);
        Tables.column(properties, "Value", ClusterProperty::shown, 110);
        Tables.column(properties, "Warning", p -> nullToEmpty(p.warning()), 420);
        Tables.colourRows(properties, p -> false, p -> p.warning() != null);
    }

    /** What is unusual about a resource instance, worst first; empty when nothing is. */
    private static String flags(Resource r) {
        List<String> f = new ArrayList<>();
        if (r.failed()) {
            f.add("FAILED");
        }
        if (r.blocked()) {
            f.add("blocked");
        }
        if (!r.managed()) {
            f.add("unmanaged");
        }
        if (r.removed()) {
            f.add("removed");
        }
        if (r.failureIgnored()) {
            f.add("failure ignored");
        }
        return String.join(", ", f);
    }
}
