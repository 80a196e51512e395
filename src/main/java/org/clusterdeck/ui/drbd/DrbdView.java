package org.clusterdeck.ui.drbd;

import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.clusterdeck.cluster.checks.DrbdAlarm;
import org.clusterdeck.ui.HoverText;
import org.clusterdeck.ui.Tables;

/** Binds the DRBD page: alarms with their recovery, the replication table and the speed chart. */
public final class DrbdView {
    private static final PseudoClass BAD = PseudoClass.getPseudoClass("bad");

    private final DrbdViewModel vm;

    @FXML private VBox alarmBox;
    @FXML private ListView<DrbdAlarm> alarmList;
    @FXML private ComboBox<String> victim;
    @FXML private TextArea steps;
    @FXML private TableView<DrbdRow> table;
    @FXML private LineChart<Number, Number> speedChart;
    @FXML private NumberAxis timeAxis;
    @FXML private Label chartTitle;
    @FXML private HBox victimBox;
    @FXML private SplitPane split;
    @FXML private VBox chartBox;

    public DrbdView(DrbdViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        alarmList.setItems(vm.alarms());
        alarmList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(DrbdAlarm a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : a.title());
                pseudoClassStateChanged(BAD, !empty && a != null);
            }
        });
        alarmBox.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.alarms()));
        alarmBox.managedProperty().bind(alarmBox.visibleProperty());
        vm.alarms().addListener((ListChangeListener<DrbdAlarm>) c -> showAlarm());
        alarmList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> showAlarm());
        victim.setOnAction(e -> {
            DrbdAlarm a = alarm();
            String chosen = victim.getValue();
            if (a != null && chosen != null && !chosen.equals(a.victim())) {
                vm.chooseVictim(a.resource(), chosen);
            }
        });
        victimBox.managedProperty().bind(victimBox.visibleProperty());
        showAlarm();

        table.setItems(vm.rows());
        Tables.placeholder(table, vm.messageProperty());
        Tables.column(table, "Resource", r -> r.resource() + (r.volume() == null ? "" : "/" + r.volume()), 75);
        Tables.column(table, "Node", DrbdRow::node, 60);
        Tables.column(table, "Role, disk", r -> pair(r.role(), r.disk()), 135);
        Tables.column(table, "Connection", DrbdRow::connection, 95);
        Tables.column(table, "Replication", DrbdRow::replication, 95);
        Tables.column(table, "Peer", DrbdRow::peer, 60);
        Tables.column(table, "Peer role, disk", r -> pair(r.peerRole(), r.peerDisk()), 155);
        Tables.column(table, "Peer's connection", DrbdRow::peerConnection, 130);
        TableColumn<DrbdRow, SyncProgress> sync = new TableColumn<>("Sync");
        sync.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().sync()));
        sync.setCellFactory(c -> new SyncCell());
        // wide enough for "45.4 %, 2.0 MiB/s, 1:12 left" beside the bar, so time left is not cut off
        sync.setPrefWidth(255);
        table.getColumns().add(sync);
        Tables.colourRows(table, r -> false, DrbdRow::degraded);
        vm.selectedProperty().addListener((o, was, now) -> {
            if (table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.selectedProperty().set(now);
            }
        });

        // a cluster without DRBD has no speed to chart: the table and its sentence take the page
        vm.noDrbdProperty().addListener((o, was, now) -> showChart(!now));
        showChart(!vm.noDrbdProperty().get());
        speedChart.setAnimated(false);
        speedChart.setCreateSymbols(false);
        speedChart.setLegendVisible(false);
        vm.selectedHistory().addListener((ListChangeListener<SpeedSample>) c -> chart());
        chart();
    }

    private DrbdAlarm alarm() {
        DrbdAlarm a = alarmList.getSelectionModel().getSelectedItem();
        return a != null ? a : vm.alarms().isEmpty() ? null : vm.alarms().get(0);
    }

    private void showAlarm() {
        DrbdAlarm a = alarm();
        if (a == null) {
            steps.setText("");
            victim.getItems().clear();
            victimBox.setVisible(false);
            return;
        }
        victim.getItems().setAll(a.nodes());
        victim.setValue(a.victim());
        victimBox.setVisible(a.hasVictim());
        victim.setPromptText("choose");
        steps.setText(a.steps());
    }

    private void showChart(boolean show) {
        if (!show) {
            split.getItems().remove(chartBox);
        } else if (!split.getItems().contains(chartBox)) {
            split.getItems().add(chartBox);
            split.setDividerPositions(0.5);
        }
    }

    /** Seconds before the newest sample on the x axis, MiB/s on the y axis. */
    private void chart() {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        var history = vm.selectedHistory();
        if (!history.isEmpty()) {
            Instant last = history.get(history.size() - 1).time();
            for (SpeedSample s : history) {
                series.getData().add(new XYChart.Data<>(-Duration.between(s.time(), last).toMillis() / 1000.0,
                        s.kiBps() / 1024.0));
            }
            long first = Duration.between(history.get(0).time(), last).toSeconds();
            long range = Math.max(30, first);
            long tick = Math.max(10, range / 6 / 10 * 10);
            // whole ticks from 0, so the labels read -40, -30 … rather than -42, -32 …
            timeAxis.setLowerBound(-((range + tick - 1) / tick) * tick);
            timeAxis.setTickUnit(tick);
        }
        DrbdRow r = vm.selectedProperty().get();
        chartTitle.setText(history.isEmpty() ? "Resync speed: no resync seen yet"
                : "Resync speed (MiB/s) over the last minutes" + (r == null ? "" : ", " + r.key()));
        speedChart.getData().setAll(java.util.List.of(series));
    }

    private static String pair(String role, String disk) {
        return (role == null ? "?" : role) + ", " + (disk == null ? "?" : disk);
    }

    /** A progress bar with percentage, speed and time left. */
    private static final class SyncCell extends TableCell<DrbdRow, SyncProgress> {
        private final ProgressBar bar = new ProgressBar();
        private final Label text = new Label();
        private final HBox box = new HBox(6, bar, text);

        SyncCell() {
            bar.setPrefWidth(60);
            bar.setMinWidth(60);
            text.getStyleClass().add("sync-text");
        }

        @Override
        protected void updateItem(SyncProgress p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            bar.setProgress(p.fraction());
            text.setText(p.shortText());
            HoverText.cell(this, p.text());
            setGraphic(box);
        }
    }
}
