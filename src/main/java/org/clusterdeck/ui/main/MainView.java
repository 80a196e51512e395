package org.clusterdeck.ui.main;

import java.util.HashMap;
import java.util.Map;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.StackPane;
import org.clusterdeck.ui.Tables;
import org.clusterdeck.ui.Theme;
import org.clusterdeck.ui.ViewLoader;
import org.clusterdeck.ui.action.ActionMenus;
import org.clusterdeck.ui.clusters.ClusterListCell;
import org.clusterdeck.ui.clusters.ClusterView;
import org.clusterdeck.ui.clusters.ClusterViewModel;
import org.clusterdeck.ui.drbd.DrbdView;
import org.clusterdeck.ui.graph.GraphView;
import org.clusterdeck.ui.overview.OverviewView;
import org.clusterdeck.ui.timeline.TimelineView;

/**
 * Binds the window to {@link MainViewModel}: menu, cluster list, the selected cluster's page
 * (each cluster keeps its own page, built on first show) and the status line.
 */
public final class MainView {
    private final MainViewModel vm;
    private final Map<ClusterViewModel, Page> pages = new HashMap<>();

    @FXML private ListView<ClusterViewModel> clusterList;
    @FXML private StackPane content;
    @FXML private Node emptyState;
    @FXML private Label statusLine;
    @FXML private Label auditWarning;
    @FXML private Node unfinishedBar;
    @FXML private Label unfinishedActions;
    @FXML private MenuItem editItem;
    @FXML private MenuItem removeItem;
    @FXML private Button editButton;
    @FXML private Button removeButton;
    @FXML private MenuItem connectItem;
    @FXML private MenuItem disconnectItem;
    @FXML private CheckMenuItem darkItem;
    @FXML private Menu actionsMenu;

    private record Page(Parent root, GraphView graph) {
    }

    public MainView(MainViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        clusterList.setItems(vm.clusters());
        clusterList.setCellFactory(l -> new ClusterListCell());
        // the buttons' own labels, right below the list ("Open CIB…" kept on one line)
        Tables.placeholder(clusterList,
                "No clusters yet: add one with Add\u2026, or open a saved CIB with Open\u00a0CIB\u2026");
        clusterList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((o, was, now) -> show(now));
        vm.clusters().addListener((ListChangeListener<ClusterViewModel>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(pages::remove);
            }
        });
        editItem.disableProperty().bind(vm.profileSelectedProperty().not());
        editButton.disableProperty().bind(vm.profileSelectedProperty().not());
        removeItem.disableProperty().bind(vm.anySelectedProperty().not());
        removeButton.disableProperty().bind(vm.anySelectedProperty().not());
        connectItem.disableProperty().bind(vm.canConnectProperty().not());
        disconnectItem.disableProperty().bind(vm.canDisconnectProperty().not());
        darkItem.setSelected(vm.themeProperty().get() == Theme.DARK);
        darkItem.selectedProperty().addListener((o, was, now) -> vm.themeProperty().set(now ? Theme.DARK : Theme.LIGHT));
        vm.themeProperty().addListener((o, was, now) -> darkItem.setSelected(now == Theme.DARK));
        statusLine.textProperty().bind(vm.statusLineProperty());
        auditWarning.textProperty().bind(vm.auditProblemProperty());
        auditWarning.visibleProperty().bind(vm.auditProblemProperty().isNotEmpty());
        auditWarning.managedProperty().bind(auditWarning.visibleProperty());
        unfinishedActions.textProperty().bind(vm.unfinishedActionsProperty());
        unfinishedBar.visibleProperty().bind(vm.unfinishedActionsProperty().isNotEmpty());
        unfinishedBar.managedProperty().bind(unfinishedBar.visibleProperty());
        show(vm.selectedProperty().get());
    }

    private void show(ClusterViewModel c) {
        if (c == null) {
            content.getChildren().setAll(emptyState);
            clusterList.getSelectionModel().clearSelection();
            return;
        }
        Page page = pages.computeIfAbsent(c, this::build);
        content.getChildren().setAll(page.root());
        clusterList.getSelectionModel().select(c);
    }

    private Page build(ClusterViewModel c) {
        GraphView[] graph = new GraphView[1];
        Parent root = ViewLoader.load(ClusterView.class, type -> {
            if (type == ClusterView.class) {
                return new ClusterView(c);
            }
            if (type == OverviewView.class) {
                return new OverviewView(c.overview(), c.actions());
            }
            if (type == GraphView.class) {
                return graph[0] = new GraphView(c.graph(), c.actions());
            }
            if (type == TimelineView.class) {
                return new TimelineView(c.timeline());
            }
            if (type == DrbdView.class) {
                return new DrbdView(c.drbd());
            }
            throw new IllegalArgumentException("no controller for " + type);
        });
        return new Page(root, graph[0]);
    }

    private Page current() {
        ClusterViewModel c = vm.selectedProperty().get();
        return c == null ? null : pages.get(c);
    }

    private void showTab(ClusterViewModel.Tab tab) {
        ClusterViewModel c = vm.selectedProperty().get();
        if (c != null) {
            c.tabProperty().set(tab);
        }
    }

    /** The Actions menu is made as it opens, for the shown cluster's selection and state. */
    @FXML
    private void fillActions() {
        ClusterViewModel c = vm.selectedProperty().get();
        if (c == null) {
            MenuItem none = new MenuItem("No cluster");
            none.setDisable(true);
            actionsMenu.getItems().setAll(none);
            return;
        }
        actionsMenu.getItems().setAll(ActionMenus.all(c.actions()));
    }

    @FXML
    private void acknowledgeUnfinished() {
        vm.acknowledgeUnfinished();
    }

    @FXML
    private void addCluster() {
        vm.addCluster();
    }

    @FXML
    private void newClusterFromBareNodes() {
        vm.newClusterFromBareNodes();
    }

    @FXML
    private void editCluster() {
        vm.editSelected();
    }

    @FXML
    private void removeCluster() {
        vm.removeSelected();
    }

    @FXML
    private void connectCluster() {
        vm.connectSelected();
    }

    @FXML
    private void disconnectCluster() {
        vm.disconnectSelected();
    }

    @FXML
    private void openCibFile() {
        vm.openCibFile();
    }

    @FXML
    private void showOverview() {
        showTab(ClusterViewModel.Tab.OVERVIEW);
    }

    @FXML
    private void showGraph() {
        showTab(ClusterViewModel.Tab.GRAPH);
    }

    @FXML
    private void showTimeline() {
        showTab(ClusterViewModel.Tab.TIMELINE);
    }

    @FXML
    private void showDrbd() {
        showTab(ClusterViewModel.Tab.DRBD);
    }

    @FXML
    private void findResource() {
        Page p = current();
        if (p != null) {
            showTab(ClusterViewModel.Tab.GRAPH);
            p.graph().focusSearch();
        }
    }

    @FXML
    private void focusClusterList() {
        clusterList.requestFocus();
    }

    @FXML
    private void about() {
        vm.about();
    }

    @FXML
    private void quit() {
        Platform.exit();
    }
}
