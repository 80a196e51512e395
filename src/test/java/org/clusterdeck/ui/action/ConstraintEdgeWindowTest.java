package org.clusterdeck.ui.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.clusterdeck.cluster.graph.layout.EdgeRoute;
import org.clusterdeck.ui.FxProbe;
import org.clusterdeck.ui.graph.GraphCanvas;
import org.clusterdeck.ui.graph.GraphViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The graph view headless through Monocle, with the real dialogs, connected to a
 * {@link SimulatedCluster}: Shift+drag from one box to another opens the constraint dialog with
 * both ends filled in, Plan shows the real plan, and closing it changes nothing; a plain drag only
 * pans, and a drop on empty space opens nothing.
 */
@ExtendWith(ApplicationExtension.class)
class ConstraintEdgeWindowTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private GraphWindowFixture w;
    private SimulatedCluster cluster;
    private GraphViewModel graph;

    @Start
    void start(Stage stage) throws Exception {
        w = new GraphWindowFixture(dir, stage, 1000, 700);
        cluster = w.cluster;
        graph = w.graph;
    }

    @AfterEach
    void stop() {
        w.close();
    }

    private Point2D onScreen(FxRobot robot, String id) throws Exception {
        return w.onScreen(robot, id);
    }

    private void shiftDrag(FxRobot robot, Point2D from, Point2D to) {
        robot.press(KeyCode.SHIFT);
        robot.moveTo(from, Motion.DIRECT).press(MouseButton.PRIMARY);
        robot.moveTo(from.midpoint(to), Motion.DIRECT).moveTo(to, Motion.DIRECT);
        robot.release(MouseButton.PRIMARY).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void shiftDragBetweenTwoBoxesOpensTheConstraintDialogAndItsPlan(FxRobot robot) throws Exception {
        FxProbe.until("the layout", () -> graph.layoutProperty().get() != null, WAIT);
        String before = Files.readString(cluster.cib());
        shiftDrag(robot, onScreen(robot, "g_dhcp"), onScreen(robot, "st_node1"));

        FxProbe.until("the constraint dialog", () -> robot.lookup("#constraint-from").tryQuery().isPresent(), WAIT);
        assertEquals("g_dhcp", robot.lookup("#constraint-from").queryAs(Label.class).getText());
        assertEquals("st_node1", robot.lookup("#constraint-to").queryAs(ComboBox.class).getValue());
        assertEquals("colocation col_st_node1_with_g_dhcp: st_node1 with g_dhcp (score INFINITY)",
                robot.lookup("#constraint-preview").queryAs(Label.class).getText());
        robot.clickOn("#constraint-order");
        assertEquals("order ord_g_dhcp_then_st_node1: start g_dhcp before start st_node1 (Mandatory)",
                robot.lookup("#constraint-preview").queryAs(Label.class).getText());
        robot.clickOn("#constraint-plan");

        FxProbe.until("the plan", () -> !robot.lookup("#action-apply").queryAs(Button.class).isDisabled(), WAIT);
        String commands = robot.lookup("#action-commands").queryAs(TextArea.class).getText();
        assertTrue(commands.startsWith("cibadmin --create --scope constraints --xml-text '<rsc_order "), commands);
        assertTrue(commands.contains(" id=\"ord_g_dhcp_then_st_node1\"") && commands.contains(" first=\"g_dhcp\"")
                && commands.contains(" then=\"st_node1\""), commands);
        robot.clickOn("#action-close");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, Files.readString(cluster.cib()), "closed without Apply: nothing changed");
    }

    @Test
    void aPlainDragPansAndADropOnEmptySpaceOpensNothing(FxRobot robot) throws Exception {
        FxProbe.until("the layout", () -> graph.layoutProperty().get() != null, WAIT);
        Point2D from = onScreen(robot, "g_dhcp");
        Point2D empty = robot.lookup("#graph-canvas").queryAs(GraphCanvas.class)
                .localToScreen(3, robot.lookup("#graph-canvas").queryAs(GraphCanvas.class).getHeight() - 3);
        shiftDrag(robot, from, empty);
        assertTrue(robot.lookup("#constraint-from").tryQuery().isEmpty(), "no dialog for a drop on empty space");
        assertEquals(null, FxProbe.onFx(() -> graph.edgeSketch().lineProperty().get()));

        double x = FxProbe.onFx(() -> graph.offsetXProperty().get());
        robot.drag(from, MouseButton.PRIMARY).moveBy(40, 0, Motion.DIRECT).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(x + 40, FxProbe.onFx(() -> graph.offsetXProperty().get()), 1.0, "a plain drag pans");
        assertTrue(robot.lookup("#constraint-from").tryQuery().isEmpty());
    }

    @Test
    void aRightClickOnAnEdgeOffersToRemoveItsConstraintThroughThePlan(FxRobot robot) throws Exception {
        FxProbe.until("the layout", () -> graph.layoutProperty().get() != null, WAIT);
        GraphCanvas canvas = robot.lookup("#graph-canvas").queryAs(GraphCanvas.class);
        Point2D on = FxProbe.onFx(() -> {
            EdgeRoute r = graph.layoutProperty().get().routes().stream()
                    .filter(e -> e.edge().constraint().equals("col_dhcp_with_drbd_promoted")).findFirst().orElseThrow();
            var p = GraphConstraintActionsTest.longestSegmentMiddle(r.points());
            double s = graph.scaleProperty().get();
            return new Point2D(p.x() * s + graph.offsetXProperty().get(), p.y() * s + graph.offsetYProperty().get());
        });
        // Monocle's headless robot makes no context-menu request of a right click; the request the
        // platform would send is sent here, to the canvas at that point (in scene coordinates, as events carry them)
        Point2D scene = canvas.localToScene(on);
        Point2D screen = canvas.localToScreen(on);
        robot.interact(() -> canvas.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, scene.getX(),
                scene.getY(), screen.getX(), screen.getY(), false, null)));
        robot.clickOn("#action-constraint-remove-col_dhcp_with_drbd_promoted");
        FxProbe.until("the plan", () -> !robot.lookup("#action-apply").queryAs(Button.class).isDisabled(), WAIT);
        String commands = robot.lookup("#action-commands").queryAs(TextArea.class).getText();
        assertTrue(commands.startsWith("cibadmin --delete"), commands);
        assertTrue(commands.contains("col_dhcp_with_drbd_promoted"), commands);
        robot.clickOn("#action-close");
    }
}
