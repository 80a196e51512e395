package org.clusterdeck.ui.overview;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.clusterdeck.cluster.events.Severity;
import org.clusterdeck.cluster.status.Failure;
import org.clusterdeck.cluster.status.Resource;

/** Binds the overview's tables and findings to its view model. */
public final class OverviewView {
    private static final PseudoClass BAD = PseudoClass.getPseudoClass("bad");
    private static final PseudoClass ATTENTION = PseudoClass.getPseudoClass("attention");

    private final OverviewViewModel vm;

    @FXML private Label summary;
    @FXML private ListView<Finding> findings;
    @FXML private TableView<NodeRow> nodes;
    @FXML private TableView<Resource> resourceTable;
    // not "resources": FXMLLoader injects its ResourceBundle into a field of that name
    @FXML private TableView<Failure> failures;
    @FXML private TableView<LeftoverConstraint> leftovers;
    @FXML private TableView<ClusterProperty> properties;

    public OverviewView(OverviewViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        summary.textProperty().bind(vm.summaryProperty());
        findings.setItems(vm.findings());
        findings.setPlaceholder(new Label("No problems found."));
        findings.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Finding f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : f.text());
                pseudoClassStateChanged(BAD, !empty && f != null && f.severity() == Severity.CRITICAL);
                pseudoClassStateChanged(ATTENTION, !empty && f != null && f.severity() == Severity.WARNING);
            }
        });

        nodes.setItems(vm.nodes());
        column(nodes, "Node", NodeRow::name, 110);
        column(nodes, "State", NodeRow::state, 200);
        column(nodes, "DC", n -> n.node().dc() ? "DC" : "", 40);
        column(nodes, "Resources", n -> String.valueOf(n.node().resourcesRunning()), 80);
        colourRows(nodes, NodeRow::down, NodeRow::restricted);

        resourceTable.setItems(vm.resources());
        column(resourceTable, "Resource", Resource::id, 140);
        column(resourceTable, "Role", r -> nullToEmpty(r.role()), 85);
        column(resourceTable, "Node", r -> String.join(", ", r.nodes()), 95);
        column(resourceTable, "Flags", OverviewView::flags, 80);
        column(resourceTable, "In", r -> nullToEmpty(r.parent()), 90);
        column(resourceTable, "Agent", r -> nullToEmpty(r.agent()), 150);
        colourRows(resourceTable, Resource::failed, r -> !r.managed() || r.blocked());

        failures.setItems(vm.failures());
        failures.setPlaceholder(new Label("No failed actions."));
        column(failures, "Resource", Failure::resource, 130);
        column(failures, "Node", Failure::node, 90);
        column(failures, "Operation", f -> f.operation() + (f.intervalMs() != null && f.intervalMs() > 0
                ? " (" + f.intervalMs() / 1000 + " s)" : ""), 110);
        column(failures, "Result", f -> nullToEmpty(f.exitStatus()) + (f.status() != null ? ", " + f.status() : ""), 150);
        column(failures, "Reason", f -> nullToEmpty(f.exitReason()), 200);

        leftovers.setItems(vm.leftovers());
        leftovers.setPlaceholder(new Label("No leftover move, ban or DRBD fencing constraints."));
        column(leftovers, "Constraint", LeftoverConstraint::id, 170);
        column(leftovers, "Resource", l -> nullToEmpty(l.resource()), 100);
        column(leftovers, "Node", l -> nullToEmpty(l.node()), 80);
        column(leftovers, "Score", l -> nullToEmpty(l.score()), 80);
        column(leftovers, "What to do", LeftoverConstraint::advice, 360);
        colourRows(leftovers, l -> false, l -> true);

        properties.setItems(vm.properties());
        properties.setPlaceholder(new Label("No cluster properties set."));
        column(properties, "Property", ClusterProperty::name, 170);
        column(properties, "Value", ClusterProperty::value, 110);
        column(properties, "Warning", p -> nullToEmpty(p.warning()), 420);
        colourRows(properties, p -> false, p -> p.warning() != null);
    }

    private static <T> void column(TableView<T> table, String title, Function<T, String> value, double width) {
        // columns share the table's width (no sideways scrolling at 1280x800); the last one takes the rest
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> text(value.apply(cell.getValue())));
        // narrow columns cut text: the whole value is a hover away
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        c.setPrefWidth(width);
        table.getColumns().add(c);
    }

    private static ObservableValue<String> text(String s) {
        return new ReadOnlyStringWrapper(s);
    }

    /** Rows of things that are broken, or that need attention, are tinted by the stylesheet. */
    private static <T> void colourRows(TableView<T> table, Predicate<T> bad, Predicate<T> attention) {
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                boolean isBad = !empty && item != null && bad.test(item);
                pseudoClassStateChanged(BAD, isBad);
                pseudoClassStateChanged(ATTENTION, !isBad && !empty && item != null && attention.test(item));
            }
        });
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

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
