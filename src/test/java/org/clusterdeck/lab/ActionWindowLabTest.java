package org.clusterdeck.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.clusters.ClusterProfile;
import org.clusterdeck.app.clusters.ClusterProfileStore;
import org.clusterdeck.app.offline.CibFileReader;
import org.clusterdeck.cluster.graph.layout.NodeBox;
import org.clusterdeck.cluster.xml.SafeXml;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.ui.Background;
import org.clusterdeck.ui.ClusterDeckApp;
import org.clusterdeck.ui.DialogService;
import org.clusterdeck.ui.FxDialogService;
import org.clusterdeck.ui.FxProbe;
import org.clusterdeck.ui.action.ActionPlanViewModel;
import org.clusterdeck.ui.clusters.ClusterViewModel;
import org.clusterdeck.ui.clusters.ConnectionState;
import org.clusterdeck.ui.main.MainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;

/**
 * Issue 6's "the same action from the window", against the lab's real nodes: connect, select
 * g_dhcp in the graph, move it to the other node, read the plan, apply, and see "done, as
 * predicted"; the nodes' own crm_mon and cibadmin (read by XPath) must agree.
 */
@ExtendWith(ApplicationExtension.class)
class ActionWindowLabTest extends LabTestBase {
    private static final Duration APPLY = Duration.ofSeconds(150);

    Map<String, String> env;

    @TempDir
    Path dir;

    private Background background;
    private AuditLog audit;
    private ClusterProfileStore store;
    private MainViewModel vm;

    @BeforeAll
    void labUp() {
        lab.ok(Duration.ofSeconds(600), "up", "--token", "1000");
        env = lab.env();
    }

    @Start
    void start(Stage stage) {
        background = new Background(Platform::runLater);
        audit = new AuditLog(dir.resolve("audit"));
        store = new ClusterProfileStore(dir.resolve("clusters.json"));
        DialogService dialogs = new FxDialogService(stage);
        vm = ClusterDeckApp.show(stage, background, dialogs, store, new CibFileReader(),
                ClusterDeckApp.sshWatcher(audit, dialogs, Platform::runLater));
    }

    @AfterEach
    void stop() throws Exception {
        FxProbe.onFx(() -> vm.disconnectAll()).get();
        background.close();
        audit.close();
    }

    /** What the nodes' own tools say: which node runs the whole stack, and the cli-* constraints left. */
    private String serviceNode() {
        ClusterView v = lab.clusterSeenFrom("node1");
        return v == null ? null : v.serviceNode();
    }

    private int cliConstraints() throws Exception {
        CommandResult r = lab.ssh("node1", Duration.ofSeconds(15), "cibadmin", "--query", "--scope", "constraints");
        assertEquals(0, r.exitCode(), r.stderr());
        return ActionLabTest.count(SafeXml.parse(r.stdout(), "constraints"),
                "//*[starts-with(@id,'cli-prefer-') or starts-with(@id,'cli-ban-')]");
    }

    private static String headline(FxRobot robot) {
        try {
            return FxProbe.onFx(() -> text(robot, "#action-headline"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryLabeled().getText();
    }

    @Test
    void moveTheDhcpStackToTheOtherNodeFromTheGraph(FxRobot robot) throws Exception {
        store.save(List.of(new ClusterProfile("lab", List.of(env.get("LAB_ADDR_node1"), env.get("LAB_ADDR_node2")),
                "root", env.get("LAB_SSH_KEY"), env.get("LAB_KNOWN_HOSTS"), null)));
        robot.interact(() -> vm.loadProfiles(Set.of("lab")));
        FxProbe.until("connected", () -> vm.selectedProperty().get() != null
                && vm.selectedProperty().get().connectionProperty().get() == ConnectionState.CONNECTED
                && vm.selectedProperty().get().actions().liveProperty().get(), Duration.ofSeconds(60));
        ClusterViewModel c = FxProbe.onFx(() -> vm.selectedProperty().get());
        String from = Lab.await("the stack running on one node", Duration.ofSeconds(60), this::serviceNode, () -> "");
        String to = lab.other(from);

        robot.clickOn("Dependency graph");
        FxProbe.until("g_dhcp laid out", () -> c.graph().layoutProperty().get() != null
                && c.graph().layoutProperty().get().box("g_dhcp").isPresent(), Duration.ofSeconds(30));
        // click the group's box where it is drawn (its top edge, above its members); Monocle, the
        // headless platform, makes no context-menu events, so the action is taken from the Actions menu
        Point2D at = FxProbe.onFx(() -> {
            NodeBox b = c.graph().layoutProperty().get().box("g_dhcp").orElseThrow();
            double s = c.graph().scaleProperty().get();
            return new Point2D(c.graph().offsetXProperty().get() + (b.x() + b.width() / 2) * s,
                    c.graph().offsetYProperty().get() + (b.y() + 6) * s);
        });
        robot.moveTo(robot.lookup("#graph-canvas").query(), Pos.TOP_LEFT, at, Motion.DIRECT);
        robot.clickOn(MouseButton.PRIMARY);
        assertEquals("g_dhcp", FxProbe.onFx(() -> c.actions().resourceProperty().get()));
        robot.clickOn("Actions");
        robot.clickOn("#action-move");
        robot.clickOn("#action-move-" + to);

        // the plan: the exact commands and the prediction, Apply enabled once it is there
        FxProbe.until("the plan", () -> !robot.lookup("#action-apply").queryAs(Button.class).isDisabled(),
                Duration.ofSeconds(60));
        String commands = robot.lookup("#action-commands").queryAs(TextArea.class).getText();
        assertTrue(commands.startsWith("crm_resource --move --resource g_dhcp --node " + to), commands);
        assertTrue(commands.contains("crm_resource --clear --resource g_dhcp"), commands);
        assertTrue(text(robot, "#action-prediction-summary").contains("3 move"), text(robot, "#action-prediction-summary"));
        assertTrue(text(robot, "#action-where").startsWith("on root@" + env.get("LAB_ADDR_node1") + " "), text(robot, "#action-where"));

        robot.clickOn("#action-apply");
        // the window's freedom during cluster changes is LiveWindowLabTest's subject; here only the outcome counts
        Lab.await("the outcome", APPLY, () -> {
            String h = headline(robot);
            return h.startsWith("done") || h.startsWith("Failed") || h.startsWith("Applying broke off")
                    || h.startsWith("Not applied") ? h : null;
        }, () -> headline(robot));
        String headline = text(robot, "#action-headline");
        assertTrue(headline.startsWith("done, as predicted"), headline);

        assertEquals(to, serviceNode(), "crm_mon on the node: the whole stack runs on " + to);
        assertEquals(0, cliConstraints(), "no cli-prefer-* or cli-ban-* constraint left");
        String log = Files.readString(audit.file());
        assertTrue(log.contains("\"confirmation\":\"" + ActionPlanViewModel.CONFIRMATION + "\""), "audited as from the window");
        robot.clickOn("#action-close");
        assertTrue(robot.lookup("#action-apply").tryQuery().isEmpty(), "the dialog closed");
    }
}
