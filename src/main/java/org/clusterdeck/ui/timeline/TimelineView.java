package org.clusterdeck.ui.timeline;

import static org.clusterdeck.ui.FormText.nullToEmpty;

import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import org.clusterdeck.cluster.events.ClusterEvent;
import org.clusterdeck.cluster.events.Severity;
import org.clusterdeck.ui.Tables;

/** Binds the failover timeline: the axis, the failover list, and the selected failover's details. */
public final class TimelineView {
    private static final PseudoClass ATTENTION = PseudoClass.getPseudoClass("attention");

    private final TimelineViewModel vm;

    @FXML private StackPane chartHolder;
    @FXML private ListView<Failover> failoverList;
    @FXML private Label summary;
    @FXML private TableView<Move> moves;
    @FXML private TableView<ClusterEvent> eventTable;

    public TimelineView(TimelineViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        TimelineChart chart = new TimelineChart(vm, f -> vm.selectedProperty().set(f));
        chart.setId("timeline-chart");
        chart.setOnMouseClicked(e -> chart.requestFocus());
        chart.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.LEFT) {
                vm.selectPrevious();
                e.consume();
            } else if (e.getCode() == KeyCode.RIGHT) {
                vm.selectNext();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                vm.selectedProperty().set(null);
                e.consume();
            }
        });
        chartHolder.getChildren().setAll(chart);

        failoverList.setItems(vm.failovers());
        Tables.placeholder(failoverList, vm.failoversEmptyText());
        failoverList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Failover f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : f.label());
                pseudoClassStateChanged(ATTENTION, !empty && f != null && f.open());
            }
        });
        vm.selectedProperty().addListener((o, was, now) -> {
            if (failoverList.getSelectionModel().getSelectedItem() != now) {
                failoverList.getSelectionModel().select(now);
            }
        });
        failoverList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            // a finished failover replaces its open self in the list: keep what the model selected
            if (now != null || !vm.failovers().contains(vm.selectedProperty().get())) {
                vm.selectedProperty().set(now);
            }
        });
        failoverList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                failoverList.getSelectionModel().clearSelection();
                vm.selectedProperty().set(null);
            }
        });

        summary.textProperty().bind(vm.selectedSummaryProperty());

        moves.setItems(vm.selectedMoves());
        Tables.placeholder(moves, vm.movesEmptyText());
        Tables.column(moves, "Resource", Move::resource, 200);
        Tables.column(moves, "From", m -> nullToEmpty(m.from()), 150);
        Tables.column(moves, "To", m -> m.to() == null ? "not running yet" : m.to(), 150);

        eventTable.setItems(vm.selectedEvents());
        Tables.placeholder(eventTable, vm.eventsEmptyText());
        Tables.column(eventTable, "Time", e -> TimelineFormat.clock(e.time()), 72);
        Tables.column(eventTable, "Severity", e -> e.severity().word(), 68);
        Tables.column(eventTable, "Event", e -> e.type().word(), 135);
        Tables.column(eventTable, "Node", e -> nullToEmpty(e.node()), 90);
        Tables.column(eventTable, "What happened", ClusterEvent::message, 200);
        Tables.colourRows(eventTable, e -> e.severity() == Severity.CRITICAL, e -> e.severity() == Severity.WARNING);
    }
}
