package org.clusterdeck.ui.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.clusterdeck.cluster.graph.layout.NodeBox;
import org.clusterdeck.ui.FxProbe;
import org.clusterdeck.ui.Snapshots;
import org.clusterdeck.ui.graph.GraphCanvas;
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
 * The resource form and the details pane as an admin uses them, headless through Monocle with the
 * real dialogs, on a {@link SimulatedCluster} run by the real Pacemaker tools: a Dummy typed into
 * the form from the graph's context menu lands in g_dhcp and the graph draws it inside the group's
 * box; a netmask typed over in the details pane goes through the same plan dialog.
 */
@ExtendWith(ApplicationExtension.class)
class ResourceFormWindowTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private GraphWindowFixture w;

    @Start
    void start(Stage stage) throws Exception {
        w = new GraphWindowFixture(dir, stage, 1100, 760);
    }

    @AfterEach
    void stop() {
        w.close();
    }

    /** The plan dialog open and its plan made: Apply enabled. */
    private static void awaitPlan(FxRobot robot) throws Exception {
        FxProbe.until("the plan", () -> robot.lookup("#action-apply").tryQuery().isPresent()
                && !robot.lookup("#action-apply").queryAs(Button.class).isDisabled(), WAIT);
    }

    /** Apply in the open plan dialog, wait for the outcome, close it; the headline it ended with. */
    private String applyAndClose(FxRobot robot) throws Exception {
        awaitPlan(robot);
        robot.clickOn("#action-apply");
        FxProbe.until("the outcome", () -> {
            String h = robot.lookup("#action-headline").queryLabeled().getText();
            return h.startsWith("done") || h.startsWith("Failed") || h.startsWith("Not applied");
        }, WAIT);
        String headline = FxProbe.onFx(() -> robot.lookup("#action-headline").queryLabeled().getText());
        robot.clickOn("#action-close");
        WaitForAsyncUtils.waitForFxEvents();
        return headline;
    }

    @Test
    void aDummyTypedIntoTheFormFromTheGraphLandsInTheDhcpGroupAndIsDrawnInsideIt(FxRobot robot) throws Exception {
        FxProbe.until("the layout", () -> w.graph.layoutProperty().get() != null, WAIT);
        robot.moveTo(w.onScreen(robot, "p_vip"), Motion.DIRECT).clickOn();
        assertEquals("p_vip", FxProbe.onFx(() -> w.actions.resourceProperty().get()));
        // Monocle makes no context-menu request of a right click: the one the platform would send is sent here
        GraphCanvas canvas = robot.lookup("#graph-canvas").queryAs(GraphCanvas.class);
        Point2D screen = w.onScreen(robot, "p_vip");
        Point2D scene = canvas.localToScene(canvas.screenToLocal(screen));
        robot.interact(() -> canvas.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, scene.getX(),
                scene.getY(), screen.getX(), screen.getY(), false, null)));
        robot.clickOn("#action-resource-new");

        FxProbe.until("the node's agents", () -> robot.lookup("#resource-status").queryAs(Label.class).getText()
                .endsWith("agents on the node"), WAIT);
        assertEquals("g_dhcp", robot.lookup("#resource-group").queryAs(ComboBox.class).getValue(), "the selection's group");
        assertTrue(robot.lookup("#resource-plan").queryAs(Button.class).isDisabled(), "no agent yet");
        robot.clickOn("#resource-agent").write("ocf:pacemaker:Dummy");
        FxProbe.until("Dummy's parameters", () -> robot.lookup("#parameter-state").tryQuery().isPresent(), WAIT);
        assertEquals("p_dummy", robot.lookup("#resource-id").queryAs(TextField.class).getText());
        assertEquals("10s", robot.lookup("#op-monitor-interval").queryAs(TextField.class).getText(), "Dummy's advice");
        // the operations are folded away: most resources keep what the agent advises
        robot.clickOn(robot.lookup("#resource-operations").lookup(".title").<javafx.scene.Node>query());
        // the pane may be below the scroll pane's view, where TestFX does not scroll: focus it as the Tab key would
        TextField interval = robot.lookup("#op-monitor-interval").queryAs(TextField.class);
        robot.interact(() -> {
            interval.requestFocus();
            interval.selectAll();
        });
        robot.write("15s");
        assertEquals("15s", interval.getText());
        robot.clickOn("#resource-plan");

        awaitPlan(robot);
        String commands = robot.lookup("#action-commands").queryAs(TextArea.class).getText();
        assertTrue(commands.startsWith("cibadmin --modify --scope resources --xml-pipe <<'END'\n<group id=\"g_dhcp\">"
                + "<primitive class=\"ocf\" id=\"p_dummy\" provider=\"pacemaker\" type=\"Dummy\">"), commands);
        assertTrue(applyAndClose(robot).startsWith("done, as predicted"));
        assertEquals(List.of("p_fs_data", "p_vip", "p_dhcpd", "p_dummy"),
                Snapshots.xpath(w.cluster.cib(), "//group[@id='g_dhcp']/primitive/@id"));
        assertEquals(List.of("15s"), Snapshots.xpath(w.cluster.cib(),
                "//primitive[@id='p_dummy']/operations/op[@name='monitor']/@interval"), "the interval typed");

        robot.interact(w::refresh);
        FxProbe.until("p_dummy laid out", () -> w.graph.layoutProperty().get().box("p_dummy").isPresent(), WAIT);
        NodeBox dummy = FxProbe.onFx(() -> w.graph.layoutProperty().get().box("p_dummy").orElseThrow());
        NodeBox group = FxProbe.onFx(() -> w.graph.layoutProperty().get().box("g_dhcp").orElseThrow());
        assertTrue(dummy.x() >= group.x() && dummy.y() >= group.y() && dummy.x() + dummy.width() <= group.x() + group.width()
                && dummy.y() + dummy.height() <= group.y() + group.height(), "inside the group's box: " + dummy + " " + group);
    }

    @Test
    void aNetmaskTypedOverInTheDetailsPaneGoesThroughThePlan(FxRobot robot) throws Exception {
        FxProbe.until("the layout", () -> w.graph.layoutProperty().get() != null, WAIT);
        robot.moveTo(w.onScreen(robot, "p_vip"), Motion.DIRECT).clickOn();
        FxProbe.until("p_vip's details", () -> robot.lookup("#details-param-cidr_netmask").tryQuery().isPresent(), WAIT);
        assertTrue(!robot.lookup("#details-edits").query().isVisible(), "nothing typed yet");
        robot.doubleClickOn("#details-param-cidr_netmask").eraseText(2).write("25");
        assertTrue(robot.lookup("#details-edits").query().isVisible());
        // the pane is drawn again when the cluster changes; what was typed stays
        robot.interact(w::refresh);
        assertEquals("25", robot.lookup("#details-param-cidr_netmask").queryAs(TextField.class).getText());
        robot.clickOn("#details-plan");

        awaitPlan(robot);
        String diff = robot.lookup("#action-configuration").queryAs(TextArea.class).getText();
        assertTrue(diff.contains("-     <nvpair id=\"p_vip-instance_attributes-cidr_netmask\" name=\"cidr_netmask\" value=\"24\"/>")
                && diff.contains("+     <nvpair id=\"p_vip-instance_attributes-cidr_netmask\" name=\"cidr_netmask\""
                + " value=\"25\"/>"), diff);
        assertTrue(applyAndClose(robot).startsWith("done, as predicted"));
        assertEquals(List.of("25"), Snapshots.xpath(w.cluster.cib(),
                "//primitive[@id='p_vip']/instance_attributes/nvpair[@name='cidr_netmask']/@value"));
        robot.interact(w::refresh);
        assertTrue(!robot.lookup("#details-edits").query().isVisible(), "what was typed is what the cluster has");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }
}
