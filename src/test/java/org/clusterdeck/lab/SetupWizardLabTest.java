package org.clusterdeck.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javax.imageio.ImageIO;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.clusters.ClusterProfileStore;
import org.clusterdeck.app.offline.CibFileReader;
import org.clusterdeck.app.setup.SetupJournal;
import org.clusterdeck.cli.Cli;
import org.clusterdeck.cluster.setup.SetupSpecReader;
import org.clusterdeck.ui.Background;
import org.clusterdeck.ui.ClusterDeckApp;
import org.clusterdeck.ui.DialogService;
import org.clusterdeck.ui.FxDialogService;
import org.clusterdeck.ui.clusters.ClusterViewModel;
import org.clusterdeck.ui.clusters.ConnectionState;
import org.clusterdeck.ui.main.MainViewModel;
import org.clusterdeck.ui.setup.RunStep;
import org.clusterdeck.ui.setup.SetupWizardViewModel;
import org.clusterdeck.ui.setup.SetupWizards;
import org.clusterdeck.ui.setup.WizardPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The setup wizard in the real window (headless), opened from the Cluster menu and driven with
 * keyboard and mouse against the QEMU lab's bare guests: a disk with a filesystem keeps the
 * pre-flight blocked and named; on bare guests every page to the review, whose commands are the
 * engine's {@code setup --dry-run} plan for the same answers. Then (tag vm-build, left out of the
 * default run for its time: {@code -Dtest=SetupWizardLabTest -Dsurefire.excludedGroups=bench}) the
 * build from the window, closed during the initial sync and continued to the verified cluster, which
 * the console then shows connected with its graph. Screenshots of the pages go to
 * target/screenshots/ (the README's come from here). Skip with {@code -Dsurefire.excludedGroups=bench,vm-lab}.
 */
@Tag("lab")
@Tag("vm-lab")
@ExtendWith(ApplicationExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SetupWizardLabTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SHOTS = Path.of("target/screenshots");

    private final VmLab lab = new VmLab();

    @TempDir
    Path dir;

    private Stage stage;
    private Background background;
    private AuditLog audit;
    private MainViewModel main;
    private volatile SetupWizardViewModel wizard;

    @BeforeAll
    void labBuilt() {
        lab.assumeRoot();
        lab.down();
        lab.script(Duration.ofMinutes(30), "vm-build");
    }

    @AfterAll
    void labDown() {
        lab.down();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /**
     * The main window with the real dialogs, the real wizard over SSH and the real monitor (the
     * built cluster is connected), its files in the test's directory.
     */
    private void window(FxRobot robot) {
        robot.interact(() -> {
            background = new Background(Platform::runLater);
            audit = new AuditLog(dir.resolve("data"));
            DialogService dialogs = new FxDialogService(stage);
            main = ClusterDeckApp.show(stage, background, dialogs, new ClusterProfileStore(dir.resolve("clusters.json")),
                    new CibFileReader(), ClusterDeckApp.sshWatcher(audit, dialogs, background.ui()));
            SetupWizards real = ClusterDeckApp.setupWizards(audit, dialogs, background, dir.resolve("data"));
            main.useSetupWizards(built -> wizard = real.open(built));
        });
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w != stage && w instanceof Stage s) {
                    s.close();
                }
            }
        });
        if (background != null) {
            background.close();
        }
        if (audit != null) {
            audit.close();
        }
    }

    @Test
    @Order(1)
    void aDiskWithAFilesystemKeepsThePreflightBlockedAndNamesTheDisk(FxRobot robot) throws Exception {
        lab.up("--variant", "ext4-disk");
        window(robot);
        openWizardAndConnect(robot);
        robot.clickOn("#wizard-next");
        waitIdle(robot);
        assertEquals(WizardPage.PREFLIGHT, wizard.pageProperty().get());
        assertTrue(robot.lookup("#wizard-next").queryAs(Button.class).isDisabled(), "Next stays off while something blocks");
        String blocking = texts(robot.lookup("#wizard-blocking").queryAs(Node.class));
        assertTrue(blocking.contains("node2: the backing disk /dev/disk/by-id/virtio-lab-data-node2")
                && blocking.contains("holds ext4"), blocking);
        assertTrue(blocking.contains("$ wipefs --all /dev/disk/by-id/virtio-lab-data-node2"), "what to do about it: " + blocking);
        shoot(robot, "wizard-preflight-blocked");

        // "Check again" examines again: still the same disk, still blocked
        robot.clickOn("#wizard-check-again");
        waitIdle(robot);
        assertTrue(robot.lookup("#wizard-next").queryAs(Button.class).isDisabled());
    }

    @Test
    @Order(2)
    void everyPageToTheReviewWhoseCommandsAreTheEnginesPlan(FxRobot robot) throws Exception {
        lab.up();
        window(robot);
        openWizardAndConnect(robot);
        SetupWizardViewModel w = answerEveryPage(robot);

        // review: the plan is the engine's, for the same answers, as setup --dry-run prints it
        Path spec = Files.writeString(dir.resolve("wizard-spec.yaml"), SetupSpecReader.write(w.spec()));
        JsonNode plan = dryRun(spec);
        Map<String, String> shown = new java.util.HashMap<>();
        robot.lookup("#wizard-plan").queryAs(javafx.scene.Parent.class).lookupAll(".text-area")
                .forEach(t -> shown.put(t.getId(), ((TextArea) t).getText()));
        int steps = 0;
        for (JsonNode step : plan.get("steps")) {
            for (var node : (Iterable<Map.Entry<String, JsonNode>>) step.get("commands")::fields) {
                List<String> expected = new ArrayList<>();
                node.getValue().forEach(c -> expected.add("$ " + c.asText()));
                assertEquals(String.join("\n", expected), shown.get("wizard-plan-" + step.get("name").asText() + "-"
                        + node.getKey()), step.get("name") + " on " + node.getKey() + "; shown: " + shown.keySet());
            }
            steps++;
        }
        assertEquals(steps, w.examinationProperty().get().plan().steps().size());
        Button build = robot.lookup("#wizard-build").queryAs(Button.class);
        assertTrue(build.isDisabled(), "nothing runs before each disk is confirmed");
        List<CheckBox> boxes = confirmations(robot);
        assertEquals(3, boxes.size(), "create-md on each node, mkfs on the first: " + boxes);
        assertTrue(boxes.stream().anyMatch(b -> b.getText().contains("drbdadm create-md on node2 overwrites"
                + " /dev/disk/by-id/virtio-lab-data-node2")), boxes.toString());
        shoot(robot, "wizard-review");
        for (CheckBox b : boxes) {
            robot.clickOn(b);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(build.isDisabled(), texts(robot.lookup("#wizard-problems").queryAs(Node.class)));
    }

    /**
     * The build from the window (about 8 minutes of emulated guests, so not in the default test run:
     * {@code -Dsurefire.excludedGroups=bench}): started from the review, the wizard closed during the
     * initial sync, which stops it; opened again, it offers the unfinished setup, and continuing it
     * skips what was done and ends verified; the console then shows the new cluster connected with
     * its graph.
     */
    @Test
    @Order(3)
    @Tag("vm-build")
    void theBuildClosedDuringTheSyncAndContinuedEndsVerifiedAndShownLive(FxRobot robot) throws Exception {
        lab.up();
        window(robot);
        openWizardAndConnect(robot);
        SetupWizardViewModel w = answerEveryPage(robot);
        confirmations(robot).forEach(robot::clickOn);
        long t0 = System.nanoTime();
        robot.clickOn("#wizard-build");
        WaitForAsyncUtils.waitFor(20, TimeUnit.MINUTES, () -> w.syncProperty().get() != null
                || !w.runningProperty().get());
        assertTrue(w.runningProperty().get(), "the run ended before the initial sync: " + w.outcomeProperty().get()
                + " " + w.failureProperty().get());
        assertEquals(WizardPage.RUN, w.pageProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#wizard-sync-text").queryAs(Label.class).getText().startsWith("Initial sync of r0"),
                robot.lookup("#wizard-sync-text").queryAs(Label.class).getText());
        shoot(robot, "wizard-run");
        // done by this run, so found done by the next (the pre-flight runs every time)
        List<String> doneBefore = w.steps().stream().filter(st -> st.state().get() == RunStep.State.DONE)
                .map(RunStep::name).filter(name -> !name.equals("pre-flight")).toList();

        // closing the wizard's window asks, then stops the run and closes; the setup stays unfinished
        Stage wizardStage = (Stage) robot.lookup("#wizard-title").queryAs(Label.class).getScene().getWindow();
        Platform.runLater(() -> wizardStage.fireEvent(new WindowEvent(wizardStage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        answer(robot, "Stop the setup?", "OK");
        WaitForAsyncUtils.waitFor(5, TimeUnit.MINUTES, () -> !wizardStage.isShowing());
        long stopped = System.nanoTime();
        assertTrue(new SetupJournal(dir.resolve("data")).load().isPresent(), "the stopped setup is kept to continue");

        // opened again: continued, its answers back, every page on to the review with Next alone
        robot.interact(stage::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        answer(robot, "Unfinished setup", "OK");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#wizard-host1").tryQuery().isPresent());
        SetupWizardViewModel again = wizard;
        assertEquals(lab.env("VM_LAB_HOST_node1"), robot.lookup("#wizard-host1").queryAs(TextField.class).getText());
        robot.clickOn("#wizard-test-connection");
        waitIdle(robot);
        while (again.pageProperty().get() != WizardPage.REVIEW) {
            WizardPage page = again.pageProperty().get();
            assertFalse(robot.lookup("#wizard-next").queryAs(Button.class).isDisabled(), page + ": "
                    + texts(robot.lookup("#wizard-problems").queryAs(Node.class)));
            robot.clickOn("#wizard-next");
            waitIdle(robot);
            assertNotEquals(page, again.pageProperty().get(), "Next went on");
        }
        assertEquals(w.spec(), again.spec(), "the continued setup is the one stopped");
        confirmations(robot).forEach(robot::clickOn);
        long resumed = System.nanoTime();
        robot.clickOn("#wizard-build");
        WaitForAsyncUtils.waitFor(30, TimeUnit.MINUTES, () -> again.pageProperty().get() == WizardPage.VERIFY
                || again.failureProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(WizardPage.VERIFY, again.pageProperty().get(), again.outcomeProperty().get() + "\n"
                + again.failureProperty().get() + "\n" + again.outputProperty().get());
        System.out.printf("setup from the window: %d s to the stop in the initial sync, %d s for the continued run,"
                + " failover downtime %.1f s%n", (stopped - t0) / 1_000_000_000, (System.nanoTime() - resumed) / 1_000_000_000,
                again.verifiedProperty().get().downtimeMillis() / 1000.0);
        // what the first run did is found done now; the rest done by this run
        for (RunStep st : again.steps()) {
            RunStep.State expected = doneBefore.contains(st.name()) ? RunStep.State.SKIPPED : st.state().get();
            assertEquals(expected, st.state().get(), st.name());
            assertTrue(st.state().get() == RunStep.State.DONE || st.state().get() == RunStep.State.SKIPPED,
                    st.name() + " " + st.state().get());
        }
        assertTrue(doneBefore.containsAll(List.of("packages", "corosync", "fencing", "drbd")), doneBefore.toString());
        String verified = texts(robot.lookup("#wizard-verified").queryAs(Node.class)) + texts(robot.lookup(
                "#wizard-verified-lines").queryAs(Node.class));
        assertTrue(verified.contains("Verified: the service failed over from") && verified.contains("from 10.10.101.1"),
                verified);
        assertTrue(new SetupJournal(dir.resolve("data")).load().isEmpty(), "a finished setup is not offered to continue");
        shoot(robot, "wizard-verify");

        // the new cluster in the console, with the keyboard: saved, connected, its graph shown with the stack
        Button open = robot.lookup("#wizard-open-cluster").queryAs(Button.class);
        for (int i = 0; i < 20 && !open.isFocused(); i++) {
            robot.type(KeyCode.TAB);
        }
        assertTrue(open.isFocused(), "Tab reaches Open the cluster");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> main.selectedProperty().get() != null
                && main.selectedProperty().get().connectionProperty().get() == ConnectionState.CONNECTED
                && main.selectedProperty().get().graph().layoutProperty().get() != null
                && main.selectedProperty().get().graph().layoutProperty().get().boxes().size() >= 5);
        ClusterViewModel c = main.selectedProperty().get();
        assertEquals("vmlab", c.nameProperty().get());
        assertEquals(ClusterViewModel.Tab.GRAPH, c.tabProperty().get());
        assertTrue(Files.readString(dir.resolve("clusters.json")).contains("\"vmlab\""));
        assertTrue(c.graph().layoutProperty().get().boxes().stream().anyMatch(b -> b.id().equals("p_dhcpd")),
                c.graph().layoutProperty().get().boxes().toString());
    }

    /**
     * From the connected nodes page, the answers for the lab's cluster page by page, mostly with the
     * mouse, some with the keyboard, to the review; returns the wizard.
     */
    private SetupWizardViewModel answerEveryPage(FxRobot robot) throws Exception {
        // the wizard the window opened: its state, where the window shows no more than a busy indicator
        SetupWizardViewModel w = wizard;
        robot.clickOn("#wizard-next");
        waitIdle(robot);
        assertFalse(robot.lookup("#wizard-next").queryAs(Button.class).isDisabled(), texts(robot.lookup("#wizard-problems")
                .queryAs(Node.class)));
        String fine = texts(robot.lookup("#wizard-fine").queryAs(Node.class));
        assertTrue(fine.contains("node1: /dev/disk/by-id/virtio-lab-data-node1 is empty (256.0 MiB)"), fine);
        shoot(robot, "wizard-preflight");
        // with the keyboard: the examination done, Enter goes on
        robot.type(KeyCode.ENTER);

        // cluster: the name, the heartbeat link proposed from the guests' eth1
        assertEquals(WizardPage.CLUSTER, w.pageProperty().get());
        robot.clickOn("#wizard-cluster-name").eraseText(w.clusterNameProperty().get().length()).write("vmlab");
        assertTrue(robot.lookup("#wizard-heartbeat").queryAs(ComboBox.class).getValue().toString()
                .startsWith("192.168.77.0/24"));
        robot.clickOn("#wizard-next");

        // fencing: the lab's power switch, chosen with the keyboard
        assertEquals(WizardPage.FENCING, w.pageProperty().get());
        assertTrue(robot.lookup("#wizard-next").queryAs(Button.class).isDisabled(), "a fencing kind must be picked");
        robot.clickOn("#wizard-fencing-kind");
        robot.clickOn("lab");
        WaitForAsyncUtils.waitForFxEvents();
        // each device asked for its node's power, from the other node (the guests' image has fence_lab)
        robot.clickOn("#wizard-check-fencing");
        waitIdle(robot);
        assertEquals(List.of("node1's device, asked from node2: the device answers: node1 is powered on",
                "node2's device, asked from node1: the device answers: node2 is powered on"), w.fenceChecks());
        robot.clickOn("#wizard-next");

        // storage: the proposed disks by id; the initial sync at 10M for the lab's small disks
        assertEquals(WizardPage.STORAGE, w.pageProperty().get());
        robot.clickOn("#wizard-rate").eraseText(w.resyncRateProperty().get().length()).write("10M");
        robot.clickOn("#wizard-next");

        // service
        assertEquals(WizardPage.SERVICE, w.pageProperty().get());
        assertEquals("eth2", w.nicProperty().get());
        robot.clickOn("#wizard-subnet").write("10.10.101.0/24");
        robot.clickOn("#wizard-vip").write("10.10.101.1");
        robot.clickOn("#wizard-range-from").write("10.10.101.100");
        robot.clickOn("#wizard-range-to").write("10.10.101.200");
        robot.clickOn("#wizard-lease").eraseText(w.leaseSecondsProperty().get().length()).write("600");
        robot.clickOn("#wizard-probe").write(VmLab.DIR.resolve("vm-probe-dhcp") + " --timeout 3");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#wizard-dhcpd-conf").queryAs(TextArea.class).getText()
                .contains("range 10.10.101.100 10.10.101.200;"));
        robot.clickOn("#wizard-next");
        waitIdle(robot);
        assertEquals(WizardPage.REVIEW, w.pageProperty().get());
        return w;
    }

    /** The review's check boxes that confirm each destructive command on its disk. */
    private static List<CheckBox> confirmations(FxRobot robot) {
        return robot.lookup("#wizard-confirmations .check-box").queryAllAs(CheckBox.class).stream().toList();
    }

    /** Waits for the dialog titled so and presses its button. */
    private static void answer(FxRobot robot, String title, String button) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery()
                .map(p -> ((Stage) p.getScene().getWindow()).getTitle().equals(title)).orElse(false));
        robot.clickOn(robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals(button)).findFirst().orElseThrow());
    }

    private void openWizardAndConnect(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#wizard-host1").tryQuery().isPresent());
        robot.clickOn("#wizard-host1").write(lab.env("VM_LAB_HOST_node1"));
        robot.clickOn("#wizard-host2").write(lab.env("VM_LAB_HOST_node2"));
        robot.clickOn("#wizard-identity").write(lab.env("VM_LAB_SSH_KEY"));
        robot.clickOn("#wizard-known-hosts").write(lab.env("VM_LAB_KNOWN_HOSTS"));
        robot.clickOn("#wizard-test-connection");
        waitIdle(robot);
        String summary = texts(robot.lookup("#wizard-node-summary").queryAs(Node.class));
        assertTrue(summary.contains("is node1") && summary.contains("is node2"), summary + " / "
                + robot.lookup("#wizard-status").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#wizard-next").queryAs(Button.class).isDisabled());
    }

    /** Waits until the wizard has no reading or examination running. */
    private void waitIdle(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> !wizard.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** {@code setup --dry-run --json} for the wizard's spec on the same guests: the plan as JSON. */
    private JsonNode dryRun(Path spec) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(dir.resolve("dry-run"), new PrintWriter(out), new PrintWriter(err),
                lab.setupArgs(spec.toString(), "--dry-run", "--json"));
        assertEquals(0, code, err + out.toString());
        return JSON.readTree(out.toString()).get("plan");
    }

    /** Every label's, check box's and text area's text under the node, one per line. */
    private static String texts(Node root) {
        StringBuilder sb = new StringBuilder();
        if (root instanceof Label l) {
            sb.append(l.getText()).append('\n');
        } else if (root instanceof CheckBox c) {
            sb.append(c.getText()).append('\n');
        } else if (root instanceof TextArea t) {
            sb.append(t.getText()).append('\n');
        }
        if (root instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> sb.append(texts(c)));
        }
        return sb.toString();
    }

    /** The wizard's window as a PNG, light theme as the window's. */
    private void shoot(FxRobot robot, String name) throws Exception {
        Files.createDirectories(SHOTS);
        BufferedImage[] image = new BufferedImage[1];
        robot.interact(() -> image[0] = SwingFXUtils.fromFXImage(robot.lookup("#wizard-title").queryAs(Label.class)
                .getScene().snapshot(null), null));
        ImageIO.write(image[0], "png", SHOTS.resolve(name + ".png").toFile());
    }

}
