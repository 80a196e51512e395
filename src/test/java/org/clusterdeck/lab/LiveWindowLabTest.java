package org.clusterdeck.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.clusters.ClusterProfile;
import org.clusterdeck.app.clusters.ClusterProfileStore;
import org.clusterdeck.app.offline.CibFileReader;
import org.clusterdeck.cluster.events.EventType;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.LocalProcessRunner;
import org.clusterdeck.ui.Background;
import org.clusterdeck.ui.ClusterDeckApp;
import org.clusterdeck.ui.DialogService;
import org.clusterdeck.ui.FxDialogService;
import org.clusterdeck.ui.FxProbe;
import org.clusterdeck.ui.clusters.ClusterViewModel;
import org.clusterdeck.ui.clusters.ConnectionState;
import org.clusterdeck.ui.graph.ResourceState;
import org.clusterdeck.ui.main.MainViewModel;
import org.clusterdeck.cluster.checks.NodeCondition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window against the lab's real nodes, driven like an admin: add the cluster, trust the host
 * keys in the dialog, connect, power off the active node and see the failover, start it again.
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveWindowLabTest extends LabTestBase {
    private static final List<String> STACK = List.of("ms_drbd_r0", "p_drbd_r0", "g_dhcp", "p_fs_data", "p_vip", "p_dhcpd");

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

    private String addr(String node) {
        return env.get("LAB_ADDR_" + node);
    }

    /** Host key fingerprints as OpenSSH computes them from the lab's own known_hosts: the independent reading. */
    private List<String> labFingerprints() throws Exception {
        String out = new LocalProcessRunner("host").run(Command.of("ssh-keygen", "-l", "-f", env.get("LAB_KNOWN_HOSTS"))
                .withTimeout(Duration.ofSeconds(10))).stdout();
        List<String> prints = new ArrayList<>();
        for (String line : out.split("\n")) {
            for (String word : line.split(" ")) {
                if (word.startsWith("SHA256:")) {
                    prints.add(word);
                }
            }
        }
        assertTrue(prints.size() >= 2, out);
        return prints;
    }

    private static NodeCondition row(ClusterViewModel c, String node) {
        return c.overview().nodes().stream().filter(n -> n.name().equals(node)).findFirst().orElse(null);
    }

    private static boolean up(ClusterViewModel c, String node) {
        NodeCondition r = row(c, node);
        return r != null && !r.down();
    }

    @Test
    @Order(1)
    void addConnectTrustTheKeysSeeTheStackAndFollowAFailover(FxRobot robot) throws Exception {
        Path knownHosts = dir.resolve("known_hosts");
        robot.clickOn("#add-cluster");
        robot.clickOn("#profile-name").write("lab");
        robot.clickOn("#profile-hosts").write(addr("node1") + " " + addr("node2"));
        robot.clickOn("#profile-identity").write(env.get("LAB_SSH_KEY"));
        robot.clickOn("#profile-known-hosts").write(knownHosts.toString());
        robot.clickOn(robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("OK")).findFirst().orElseThrow());
        ClusterViewModel c = FxProbe.onFx(() -> vm.selectedProperty().get());
        robot.clickOn("#connect");

        // both nodes' keys are new to this known_hosts: each is shown with its fingerprint and trusted
        List<String> expected = labFingerprints();
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Lab.await("host key dialog " + (i + 1), Duration.ofSeconds(30),
                    () -> robot.lookup("#hostkey-fingerprint").tryQuery().isPresent() ? true : null, () -> hosts);
            String fingerprint = robot.lookup("#hostkey-fingerprint").queryAs(TextField.class).getText();
            hosts.add(robot.lookup("#hostkey-host").queryAs(TextField.class).getText());
            assertTrue(expected.contains(fingerprint), fingerprint + " not among the lab's " + expected);
            robot.clickOn("Trust and connect");
        }
        assertEquals(Set.of(addr("node1"), addr("node2")), Set.copyOf(hosts));

        // crm_mon on the first node to answer shows both online before the second node's own first answer
        FxProbe.until("both nodes online and answering", () -> c.connectionProperty().get() == ConnectionState.CONNECTED
                && up(c, "node1") && up(c, "node2")
                && c.connectionTextProperty().get().startsWith("Connected: 2 of 2 nodes answer"), Duration.ofSeconds(60));
        List<String> recorded = Files.readAllLines(knownHosts);
        assertEquals(2, recorded.size(), String.valueOf(recorded));

        robot.clickOn("Dependency graph");
        FxProbe.until("the reference stack laid out", () -> c.graph().layoutProperty().get() != null
                && STACK.stream().allMatch(id -> c.graph().layoutProperty().get().box(id).isPresent()),
                Duration.ofSeconds(30));
        String active = lab.activeNode();
        String survivor = lab.other(active);
        ResourceState.Summary dhcpd = FxProbe.onFx(() -> c.graph().states().get("p_dhcpd"));
        assertEquals(List.of(active), dhcpd.nodes());
        assertEquals(ResourceState.STARTED, dhcpd.state());
        var before = FxProbe.onFx(() -> c.graph().layoutProperty().get());

        lab.ok(SCRIPT, "node", "poweroff", active);
        FxProbe.until("the failover on the graph", () -> {
            ResourceState.Summary s = c.graph().states().get("p_dhcpd");
            return s.nodes().equals(List.of(survivor)) && s.state() == ResourceState.STARTED
                    && c.graph().states().get("p_drbd_r0").state() == ResourceState.PROMOTED
                    && c.graph().states().get("p_drbd_r0").nodes().equals(List.of(survivor))
                    && !up(c, active);
        }, Duration.ofSeconds(60));
        assertTrue(FxProbe.onFx(() -> row(c, active).state()).matches(".*(unreachable|offline).*"));
        assertTrue(FxProbe.onFx(() -> c.timeline().events().stream().anyMatch(e -> e.type() == EventType.FAILOVER
                && survivor.equals(e.to()))), "a failover event for the timeline");
        assertTrue(FxProbe.onFx(() -> c.timeline().failovers().stream().anyMatch(f -> !f.open()
                && f.finished().durationMs() > 0 && survivor.equals(f.finished().to()))), "the failover on the timeline, timed");
        assertTrue(FxProbe.onFx(() -> c.timeline().notifications().stream().anyMatch(n -> n.toString().contains(active))),
                "the lost node is notified: " + FxProbe.onFx(() -> List.copyOf(c.timeline().notifications())));
        assertTrue(FxProbe.onFx(() -> c.graph().layoutProperty().get()) == before, "a state change does not re-layout");

        lab.ok(SCRIPT, "node", "start", active);
        FxProbe.until(active + " back", () -> up(c, active) && up(c, survivor)
                && c.connectionTextProperty().get().startsWith("Connected: 2 of 2"), Duration.ofSeconds(120));
    }

    @Test
    @Order(2)
    void aChangedHostKeyIsRefusedWithoutAskingToTrustIt(FxRobot robot) throws Exception {
        // node1's address with node2's key: what a man in the middle (or a reinstalled node) looks like
        String node2Line = Files.readAllLines(Path.of(env.get("LAB_KNOWN_HOSTS"))).stream()
                .filter(l -> List.of(l.split(" ")[0].split(",")).contains(addr("node2"))).findFirst().orElseThrow();
        Path knownHosts = dir.resolve("known_hosts_changed");
        String forged = addr("node1") + node2Line.substring(node2Line.indexOf(' ')) + "\n";
        Files.writeString(knownHosts, forged);
        store.save(List.of(new ClusterProfile("lab", List.of(addr("node1")), "root", env.get("LAB_SSH_KEY"),
                knownHosts.toString(), null)));
        robot.interact(() -> vm.loadProfiles(Set.of("lab")));
        FxProbe.until("refused", () -> vm.selectedProperty().get() != null
                && vm.selectedProperty().get().connectionTextProperty().get().contains("CHANGED"), Duration.ofSeconds(30));
        String line = FxProbe.onFx(() -> vm.statusLineProperty().get());
        assertTrue(line.contains("host key of " + addr("node1") + " has CHANGED"), line);
        assertTrue(robot.lookup("#hostkey-fingerprint").tryQuery().isEmpty(), "never a prompt to accept a changed key");
        assertEquals(forged, Files.readString(knownHosts), "known_hosts untouched");
    }
}
