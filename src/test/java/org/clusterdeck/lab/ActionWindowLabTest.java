package org.clusterdeck.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.xml.xpath.XPathFactory;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.clusters.ClusterProfile;
import org.clusterdeck.app.clusters.ClusterProfileStore;
import org.clusterdeck.app.offline.CibFileReader;
import org.clusterdeck.cluster.graph.layout.GraphLayout;
import org.clusterdeck.cluster.graph.layout.NodeBox;
import org.clusterdeck.cluster.xml.SafeXml;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.ui.Background;
import org.clusterdeck.ui.ClusterDeckApp;
import org.clusterdeck.ui.DialogService;
import org.clusterdeck.ui.FxDialogService;
import org.clusterdeck.ui.FxProbe;
import org.clusterdeck.ui.action.ActionPlanViewModel;
import org.clusterdeck.ui.action.PredictionLine;
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
 * Actions from the window against the lab's real nodes, through the graph, the Actions menu and
 * the real dialogs, each ending in "done, as predicted"; the nodes' own crm_mon and cibadmin (read
 * by XPath) must agree. Issue 6: g_dhcp moved to the other node. Issue 14: a second VIP put into
 * the DHCP group with the resource form, its netmask edited, deleted, the configuration as it began.
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

    /** The window connected to the lab and live, showing the graph with g_dhcp laid out in it. */
    private ClusterViewModel connectedToTheGraph(FxRobot robot) throws Exception {
        store.save(List.of(new ClusterProfile("lab", List.of(env.get("LAB_ADDR_node1"), env.get("LAB_ADDR_node2")),
                "root", env.get("LAB_SSH_KEY"), env.get("LAB_KNOWN_HOSTS"), null)));
        robot.interact(() -> vm.loadProfiles(Set.of("lab")));
        FxProbe.until("connected", () -> vm.selectedProperty().get() != null
                && vm.selectedProperty().get().connectionProperty().get() == ConnectionState.CONNECTED
                && vm.selectedProperty().get().actions().liveProperty().get(), Duration.ofSeconds(60));
        ClusterViewModel c = FxProbe.onFx(() -> vm.selectedProperty().get());
        robot.clickOn("Dependency graph");
        FxProbe.until("g_dhcp laid out", () -> c.graph().layoutProperty().get() != null
                && c.graph().layoutProperty().get().box("g_dhcp").isPresent(), Duration.ofSeconds(30));
        return c;
    }

    /**
     * Clicks the resource's box where it is drawn: a group on its top edge (above its members), a
     * primitive in its middle. Monocle, the headless platform, makes no context-menu events, so
     * the action is then taken from the Actions menu.
     */
    private static void select(FxRobot robot, ClusterViewModel c, String id) throws Exception {
        Point2D at = FxProbe.onFx(() -> {
            NodeBox b = c.graph().layoutProperty().get().box(id).orElseThrow();
            double s = c.graph().scaleProperty().get();
            return new Point2D(c.graph().offsetXProperty().get() + (b.x() + b.width() / 2) * s,
                    c.graph().offsetYProperty().get() + (b.y() + (b.container() ? 6 : b.height() / 2)) * s);
        });
        robot.moveTo(robot.lookup("#graph-canvas").query(), Pos.TOP_LEFT, at, Motion.DIRECT);
        robot.clickOn(MouseButton.PRIMARY);
        assertEquals(id, FxProbe.onFx(() -> c.actions().resourceProperty().get()));
    }

    /** Waits for the plan (Apply is enabled once it is there) and returns its commands. */
    private static String plan(FxRobot robot) throws Exception {
        FxProbe.until("the plan", () -> !robot.lookup("#action-apply").queryAs(Button.class).isDisabled(),
                Duration.ofSeconds(60));
        return FxProbe.onFx(() -> robot.lookup("#action-commands").queryAs(TextArea.class).getText());
    }

    /** Clicks Apply and returns the headline once the outcome is there. */
    private static String applied(FxRobot robot) {
        robot.clickOn("#action-apply");
        // the window's freedom during cluster changes is LiveWindowLabTest's subject; here only the outcome counts
        return Lab.await("the outcome", APPLY, () -> {
            String h = headline(robot);
            return h.startsWith("done") || h.startsWith("Failed") || h.startsWith("Applying broke off")
                    || h.startsWith("Not applied") ? h : null;
        }, () -> headline(robot));
    }

    /** The plan's prediction, line by line as listed. */
    private static List<String> predicted(FxRobot robot) throws Exception {
        return FxProbe.onFx(() -> robot.lookup("#action-prediction").<PredictionLine>queryListView().getItems().stream()
                .map(PredictionLine::text).toList());
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

    /** Clicks into a form's field and types over what it holds, as the admin does. */
    private static void typeInto(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text);
        assertEquals(text, field.getText(), id);
    }

    /** The dialog holding the node, as drawn, for a look at it (target/ is not committed). */
    private static void shoot(FxRobot robot, String id, Path file) throws Exception {
        BufferedImage[] image = new BufferedImage[1];
        robot.interact(() -> image[0] = SwingFXUtils.fromFXImage(robot.lookup(id).query().getScene().snapshot(null),
                null));
        Files.createDirectories(file.getParent());
        ImageIO.write(image[0], "png", file.toFile());
    }

    /** The node's IPv4 addresses as {@code ip -o -4 addr show} prints them. */
    private String addresses(String node) {
        CommandResult r = lab.ssh(node, Duration.ofSeconds(15), "ip", "-o", "-4", "addr", "show");
        assertEquals(0, r.exitCode(), r.stderr());
        return r.stdout();
    }

    @Test
    void moveTheDhcpStackToTheOtherNodeFromTheGraph(FxRobot robot) throws Exception {
        ClusterViewModel c = connectedToTheGraph(robot);
        String from = Lab.await("the stack running on one node", Duration.ofSeconds(60), this::serviceNode, () -> "");
        String to = lab.other(from);

        select(robot, c, "g_dhcp");
        robot.clickOn("Actions");
        robot.clickOn("#action-move");
        robot.clickOn("#action-move-" + to);

        // the plan: the exact commands and the prediction
        String commands = plan(robot);
        assertTrue(commands.startsWith("crm_resource --move --resource g_dhcp --node " + to), commands);
        assertTrue(commands.contains("crm_resource --clear --resource g_dhcp"), commands);
        assertTrue(text(robot, "#action-prediction-summary").contains("3 move"), text(robot, "#action-prediction-summary"));
        assertTrue(text(robot, "#action-where").startsWith("on root@" + env.get("LAB_ADDR_node1") + " "), text(robot, "#action-where"));

        String headline = applied(robot);
        assertTrue(headline.startsWith("done, as predicted"), headline);

        assertEquals(to, serviceNode(), "crm_mon on the node: the whole stack runs on " + to);
        assertEquals(0, cliConstraints(), "no cli-prefer-* or cli-ban-* constraint left");
        String log = Files.readString(audit.file());
        assertTrue(log.contains("\"confirmation\":\"" + ActionPlanViewModel.CONFIRMATION + "\""), "audited as from the window");
        robot.clickOn("#action-close");
        assertTrue(robot.lookup("#action-apply").tryQuery().isEmpty(), "the dialog closed");
    }

    /**
     * Issue 14's acceptance in the window: a second VIP typed into the resource form (IPaddr2's
     * fields read from the node) goes into the DHCP group and starts where the group runs; the
     * graph shows it inside the group's box. Its netmask edited in the same form, the plan shows
     * the configuration before and after; deleted, the configuration is as it began.
     */
    @Test
    void aSecondVipAddedToTheDhcpGroupEditedAndDeletedInTheWindow(FxRobot robot) throws Exception {
        String configuration = lab.canonicalCib("node1", "configuration");
        ClusterViewModel c = connectedToTheGraph(robot);
        String where = Lab.await("the stack running on one node", Duration.ofSeconds(60), this::serviceNode, () -> "");
        // on the lab's service subnet, beside its VIP, and not in use
        String vip = env.get("LAB_VIP");
        String ip = vip.substring(0, vip.lastIndexOf('.') + 1) + "101";
        assertFalse(addresses(where).contains(" " + ip + "/"), addresses(where));

        // new: the form opens with the selection's group; IPaddr2's fields come from the node
        select(robot, c, "p_vip");
        robot.clickOn("Actions");
        robot.clickOn("#action-resource-new");
        assertEquals("g_dhcp", FxProbe.onFx(() -> robot.lookup("#resource-group").queryComboBox().getValue()),
                "p_vip's group");
        ComboBox<?> agent = robot.lookup("#resource-agent").queryAs(ComboBox.class);
        robot.clickOn(agent);
        robot.write("ocf:heartbeat:IPaddr2");
        assertEquals("ocf:heartbeat:IPaddr2", agent.getEditor().getText());
        FxProbe.until("IPaddr2's fields", () -> robot.lookup("#parameter-ip").tryQuery().isPresent()
                && robot.lookup("#parameter-cidr_netmask").tryQuery().isPresent(), Duration.ofSeconds(30));
        assertTrue(text(robot, "#resource-problem").startsWith("Not yet: ip: required"), text(robot, "#resource-problem"));
        assertTrue(robot.lookup("#resource-plan").queryButton().isDisabled(), "no plan while ip is missing");
        typeInto(robot, "#parameter-ip", ip);
        typeInto(robot, "#parameter-cidr_netmask", "24");
        typeInto(robot, "#resource-id", "p_vip2");
        FxProbe.until("the form complete", () -> !robot.lookup("#resource-plan").queryButton().isDisabled(),
                Duration.ofSeconds(5));
        shoot(robot, "#resource-agent", Path.of("target/walk-form.png"));
        robot.clickOn("#resource-plan");

        String commands = plan(robot);
        assertTrue(commands.startsWith("cibadmin --modify --scope resources --xml-pipe <<'END'\n<group id=\"g_dhcp\">"
                + "<primitive class=\"ocf\" id=\"p_vip2\" provider=\"heartbeat\" type=\"IPaddr2\">"), commands);
        assertTrue(commands.contains("name=\"ip\" value=\"" + ip + "\"") && commands.contains("name=\"cidr_netmask\""
                + " value=\"24\""), commands);
        List<String> predicted = predicted(robot);
        assertTrue(predicted.contains("start p_vip2 on " + where), predicted.toString());
        shoot(robot, "#action-commands", Path.of("target/walk-plan.png"));
        String created = applied(robot);
        assertTrue(created.startsWith("done, as predicted"), created);
        robot.clickOn("#action-close");

        // the graph has it in the group's box; the node's crm_mon has it started with the group
        FxProbe.until("p_vip2 laid out", () -> c.graph().layoutProperty().get().box("p_vip2").isPresent(),
                Duration.ofSeconds(30));
        GraphLayout layout = FxProbe.onFx(() -> c.graph().layoutProperty().get());
        NodeBox vip2 = layout.box("p_vip2").orElseThrow();
        NodeBox group = layout.box("g_dhcp").orElseThrow();
        assertTrue(vip2.x() >= group.x() && vip2.y() >= group.y() && vip2.x() + vip2.width() <= group.x() + group.width()
                && vip2.y() + vip2.height() <= group.y() + group.height(), "inside the group's box: " + vip2 + " " + group);
        ClusterView seen = lab.clusterSeenFrom("node1");
        assertTrue(seen.resources().contains(new ClusterView.Placement("p_vip2", "Started", true, false, Set.of(where))),
                seen.toString());
        assertTrue(addresses(where).contains(" " + ip + "/24 "), addresses(where));

        // edit: the same form with the primitive's values; the plan shows the configuration's change
        select(robot, c, "p_vip2");
        robot.clickOn("Actions");
        robot.clickOn("#action-edit");
        FxProbe.until("p_vip2's fields", () -> robot.lookup("#parameter-cidr_netmask").tryQuery().isPresent(),
                Duration.ofSeconds(30));
        assertEquals(ip, robot.lookup("#parameter-ip").queryTextInputControl().getText(), "the value the CIB has");
        assertEquals("24", robot.lookup("#parameter-cidr_netmask").queryTextInputControl().getText());
        typeInto(robot, "#parameter-cidr_netmask", "25");
        robot.clickOn("#resource-plan");
        plan(robot);
        String diff = FxProbe.onFx(() -> robot.lookup("#action-configuration").queryAs(TextArea.class).getText());
        List<String> changed = diff.lines().filter(l -> l.startsWith("-") || l.startsWith("+")).toList();
        assertEquals(2, changed.size(), "only the netmask changes:\n" + diff);
        assertTrue(changed.get(0).startsWith("-") && changed.get(0).contains("name=\"cidr_netmask\" value=\"24\"")
                && changed.get(1).startsWith("+") && changed.get(1).contains("name=\"cidr_netmask\" value=\"25\""), diff);
        String edited = applied(robot);
        assertTrue(edited.startsWith("done, as predicted"), edited);
        robot.clickOn("#action-close");
        CommandResult mask = lab.ssh("node1", Duration.ofSeconds(15), "cibadmin", "--query", "--xpath",
                "//primitive[@id='p_vip2']/instance_attributes/nvpair[@name='cidr_netmask']");
        assertEquals(0, mask.exitCode(), mask.stderr());
        assertEquals("25", XPathFactory.newInstance().newXPath().evaluate("//nvpair/@value",
                SafeXml.parse(mask.stdout(), "cibadmin --xpath")));
        assertTrue(addresses(where).contains(" " + ip + "/25 "), addresses(where));

        // delete: stopped and gone, the configuration as it began
        select(robot, c, "p_vip2");
        robot.clickOn("Actions");
        robot.clickOn("#action-delete");
        plan(robot);
        List<String> stops = predicted(robot);
        // crm_simulate gives its reason: "stop p_vip2 on node1 due to node availability"
        assertTrue(stops.stream().anyMatch(l -> l.startsWith("stop p_vip2 on " + where + " ")), stops.toString());
        String deleted = applied(robot);
        assertTrue(deleted.startsWith("done, as predicted"), deleted);
        robot.clickOn("#action-close");
        assertFalse(addresses(where).contains(" " + ip + "/"), addresses(where));
        assertEquals(configuration, lab.canonicalCib("node1", "configuration"), "the configuration as it began");
        assertEquals(where, serviceNode(), "the DHCP stack stayed where it ran");
    }
}
