package org.clusterdeck.ui.graph;

import java.util.Map;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.clusterdeck.cluster.graph.GraphEdge;
import org.clusterdeck.ui.action.ActionMenus;
import org.clusterdeck.ui.action.ActionsViewModel;

/**
 * Binds the graph canvas, search box, details pane and toolbar to the graph view model; its context
 * menu holds the resource actions, or on an edge the removal of its constraint, and Shift+drag
 * between boxes adds a constraint.
 */
public final class GraphView {
    private static final double PAN_STEP = 60;
    /** A press that moves less than this is a click (select), not a drag (pan). */
    private static final double CLICK_SLOP = 4;

    private final GraphViewModel vm;
    private final ActionsViewModel actions;

    @FXML private GraphCanvas canvas;
    @FXML private TextField search;
    @FXML private Label matchCount;
    @FXML private Label zoom;
    @FXML private FlowPane legend;
    @FXML private ProgressIndicator busy;
    @FXML private Label message;
    @FXML private VBox details;

    private final DetailsEdits edits = new DetailsEdits();

    /** The edge a right click hit, whose constraint the context menu offers to remove; null for a box. */
    private GraphEdge edgeUnderMenu;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;

    public GraphView(GraphViewModel vm, ActionsViewModel actions) {
        this.vm = vm;
        this.actions = actions;
    }

    @FXML
    private void initialize() {
        canvas.bind(vm);
        search.textProperty().bindBidirectional(vm.searchTextProperty());
        search.setOnAction(e -> vm.nextMatch());
        matchCount.textProperty().bind(Bindings.createStringBinding(() -> vm.searchTextProperty().get().isBlank()
                ? "" : vm.matches().size() + (vm.matches().size() == 1 ? " match" : " matches"),
                vm.matches(), vm.searchTextProperty()));
        zoom.textProperty().bind(vm.scaleProperty().multiply(100).asString("%.0f %%"));
        busy.visibleProperty().bind(vm.layingOutProperty());
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        for (ResourceState s : ResourceState.values()) {
            Region swatch = new Region();
            swatch.getStyleClass().add("legend-swatch");
            swatch.setStyle("-fx-background-color: " + s.box().fill() + "; -fx-border-color: " + s.box().border() + ";");
            Label l = new Label(s.label(), swatch);
            l.getStyleClass().add("legend-item");
            legend.getChildren().add(l);
        }
        vm.detailsProperty().addListener((o, was, now) -> showDetails(now));
        showDetails(vm.detailsProperty().get());

        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            canvas.requestFocus();
            pressX = lastX = e.getX();
            pressY = lastY = e.getY();
            // Shift+drag from a box draws a constraint; a plain drag pans
            if (e.getButton() == MouseButton.PRIMARY && e.isShiftDown() && actions.liveProperty().get()) {
                vm.edgeSketch().begin(e.getX(), e.getY());
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (vm.edgeSketch().active()) {
                vm.edgeSketch().moveTo(e.getX(), e.getY());
                return;
            }
            vm.panBy(e.getX() - lastX, e.getY() - lastY);
            lastX = e.getX();
            lastY = e.getY();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (vm.edgeSketch().active()) {
                // after this event is done: the dialog waits for the admin in a nested event loop
                vm.edgeSketch().end(e.getX(), e.getY()).ifPresent(link ->
                        Platform.runLater(() -> actions.addConstraint(link.from(), link.to())));
                return;
            }
            if (e.getButton() == MouseButton.PRIMARY
                    && Math.hypot(e.getX() - pressX, e.getY() - pressY) < CLICK_SLOP) {
                vm.selectedIdProperty().set(vm.resourceAt(e.getX(), e.getY()).orElse(null));
            }
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                vm.zoomAt(Math.pow(1.0015, e.getDeltaY()), e.getX(), e.getY());
            }
            e.consume();
        });
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        ContextMenu menu = ActionMenus.contextMenu(() -> edgeUnderMenu == null ? ActionMenus.resourceContext(actions)
                : ActionMenus.constraint(actions, edgeUnderMenu.constraint(), edgeUnderMenu.kind() + " constraint"));
        canvas.setOnContextMenuRequested(e -> {
            // a right click acts on the edge or box under the pointer; the keyboard's menu key on the selection
            edgeUnderMenu = e.isKeyboardTrigger() ? null : vm.edgeAt(e.getX(), e.getY()).orElse(null);
            if (!e.isKeyboardTrigger() && edgeUnderMenu == null) {
                vm.resourceAt(e.getX(), e.getY()).ifPresent(id -> vm.selectedIdProperty().set(id));
            }
            menu.show(canvas, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    private void key(KeyEvent e) {
        KeyCode k = e.getCode();
        switch (k) {
            case PLUS, ADD, EQUALS -> vm.zoomIn();
            case MINUS, SUBTRACT -> vm.zoomOut();
            case DIGIT0, NUMPAD0 -> vm.fit();
            case LEFT -> vm.panBy(PAN_STEP, 0);
            case RIGHT -> vm.panBy(-PAN_STEP, 0);
            case UP -> vm.panBy(0, PAN_STEP);
            case DOWN -> vm.panBy(0, -PAN_STEP);
            case ESCAPE -> {
                if (vm.edgeSketch().active()) {
                    vm.edgeSketch().cancel();
                } else {
                    vm.selectedIdProperty().set(null);
                }
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void showDetails(ResourceDetails d) {
        details.getChildren().clear();
        edits.showing(d == null ? null : d.id());
        if (d == null) {
            Label hint = new Label("Click a resource, or find it by name, to see its agent, parameters, "
                    + "operations, meta attributes and location constraints. Shift+drag from one resource to "
                    + "another adds a constraint; right-click a constraint's edge to remove it.");
            hint.setWrapText(true);
            hint.getStyleClass().add("hint");
            details.getChildren().add(hint);
            return;
        }
        Label title = new Label(d.id());
        title.getStyleClass().add("details-title");
        title.setId("details-title");
        details.getChildren().add(title);
        for (ResourceDetails.Section s : d.sections()) {
            Label head = new Label(s.title());
            head.getStyleClass().add("section-title");
            details.getChildren().add(head);
            if (s.entries().isEmpty()) {
                Label none = new Label("none");
                none.getStyleClass().add("hint");
                details.getChildren().add(none);
                continue;
            }
            GridPane grid = new GridPane();
            grid.setHgap(8);
            grid.setVgap(2);
            int row = 0;
            for (ResourceDetails.Entry entry : s.entries()) {
                Label n = new Label(entry.name());
                n.getStyleClass().add("details-name");
                if (s.title().equals(ResourceDetails.LOCATIONS)) {
                    n.setContextMenu(ActionMenus.contextMenu(() ->
                            ActionMenus.constraint(actions, entry.name(), "location constraint")));
                }
                n.setMinWidth(Region.USE_PREF_SIZE);
                GridPane.setValignment(n, VPos.TOP);
                grid.addRow(row++, n, entry.editable() ? field(s.title(), entry) : value(entry));
            }
            details.getChildren().add(grid);
        }
        details.getChildren().add(editButtons(d));
    }

    private static Label value(ResourceDetails.Entry entry) {
        Label v = new Label(entry.value());
        v.setWrapText(true);
        v.getStyleClass().add("details-value");
        return v;
    }

    /** A value the admin may change in place; emptied, it is removed. */
    private TextField field(String section, ResourceDetails.Entry entry) {
        TextField f = new TextField(edits.text(section, entry.name(), entry.value()));
        f.setId("details-" + (section.equals(ResourceDetails.PARAMETERS) ? "param-" : "meta-") + entry.name());
        f.getStyleClass().add("details-field");
        f.setPromptText("empty: removed");
        f.disableProperty().bind(actions.liveProperty().not());
        f.textProperty().addListener((o, was, now) -> edits.type(section, entry.name(), now));
        f.setOnAction(e -> plan(currentId()));
        return f;
    }

    /** Plan the changes typed in the pane (the same plan dialog as Edit…), or undo them; shown while there are some. */
    private HBox editButtons(ResourceDetails d) {
        Button plan = new Button("Plan the change\u2026");
        plan.setId("details-plan");
        plan.setOnAction(e -> plan(d.id()));
        Button undo = new Button("Undo");
        undo.setId("details-undo");
        undo.setOnAction(e -> {
            edits.clear();
            showDetails(vm.detailsProperty().get());
        });
        HBox box = new HBox(8, plan, undo);
        box.setId("details-edits");
        box.setPadding(new Insets(8, 0, 0, 0));
        box.visibleProperty().bind(edits.pendingProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private String currentId() {
        ResourceDetails d = vm.detailsProperty().get();
        return d == null ? null : d.id();
    }

    private void plan(String id) {
        if (id == null || !edits.pendingProperty().get()) {
            return;
        }
        Map<String, String> params = edits.changes(ResourceDetails.PARAMETERS);
        Map<String, String> meta = edits.changes(ResourceDetails.META);
        // after this event: the plan dialog waits for the admin in a nested event loop
        Platform.runLater(() -> actions.changeInPlace(id, params, meta));
    }

    @FXML
    private void fit() {
        vm.fit();
    }

    @FXML
    private void zoomIn() {
        vm.zoomIn();
    }

    @FXML
    private void zoomOut() {
        vm.zoomOut();
    }

    @FXML
    private void exportPng() {
        vm.export("png");
    }

    @FXML
    private void exportSvg() {
        vm.export("svg");
    }

    /** Ctrl+F from the window menu. */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }
}
