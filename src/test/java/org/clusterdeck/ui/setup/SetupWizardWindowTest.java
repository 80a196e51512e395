package org.clusterdeck.ui.setup;

import static org.clusterdeck.ui.Placeholders.shown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.nodes.NodeConnection;
import org.clusterdeck.app.nodes.NodeGroup;
import org.clusterdeck.app.setup.SetupJournal;
import org.clusterdeck.ui.Background;
import org.clusterdeck.ui.ClusterDeckApp;
import org.clusterdeck.ui.Theme;
import org.clusterdeck.ui.ViewLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wizard's window headless, with the keyboard alone: typing, Tab, the mnemonics and Enter take
 * an admin from the nodes to the review on the lab guests' recorded offers, in both themes.
 */
@ExtendWith(ApplicationExtension.class)
class SetupWizardWindowTest {
    @TempDir
    static Path dir;

    private Background background;
    private AuditLog audit;
    private SetupWizardViewModel vm;
    private Scene scene;
    /** node2 answers as a node without any disk. */
    private volatile boolean diskless;

    @Start
    void start(Stage stage) {
        background = new Background(Platform::runLater);
        audit = new AuditLog(dir.resolve("audit"));
        vm = new SetupWizardViewModel(p -> new NodeGroup(List.of(
                new NodeConnection(new RecordedNode("node1", "root@127.0.0.1:22611")),
                new NodeConnection(diskless ? RecordedNode.diskless("node2", "root@127.0.0.1:22612")
                        : new RecordedNode("node2", "root@127.0.0.1:22612")))), background, audit,
                new SetupJournal(dir.resolve("data")), p -> { });
        scene = new Scene(ViewLoader.load(SetupWizardView.class, c -> new SetupWizardView(vm)), 1000, 700);
        ClusterDeckApp.applyTheme(scene, Theme.LIGHT);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        vm.close();
        background.close();
        audit.close();
    }

    @Test
    void theKeyboardAloneTakesTheAdminFromTheNodesToTheReview(FxRobot robot) throws Exception {
        // the first field has the focus: type, Tab to the next
        robot.write("127.0.0.1:22611").type(KeyCode.TAB).write("127.0.0.1:22612");
        // Alt+T: "Test the connection"
        robot.press(KeyCode.ALT).type(KeyCode.T).release(KeyCode.ALT);
        waitIdle();
        assertEquals(List.of("node1", "node2"), vm.nodeNames(), vm.host1Property().get() + " / " + vm.host2Property().get()
                + " / " + vm.statusProperty().get() + " / " + scene.getFocusOwner());
        assertFalse(robot.lookup("#wizard-next").queryAs(Button.class).isDisabled());

        // the pre-flight needs the real nodes (SetupWizardLabTest); the pages after it are forms
        robot.interact(() -> vm.pageProperty().set(WizardPage.CLUSTER));
        WaitForAsyncUtils.waitForFxEvents();
        robot.eraseText(vm.clusterNameProperty().get().length()).write("vmlab").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(WizardPage.FENCING, vm.pageProperty().get(), vm.problems().toString());

        // the kind from its list: F4 opens it, the arrow keys go through ipmi, virsh, sbd, lab, Enter takes it
        robot.type(KeyCode.F4).type(KeyCode.DOWN, 4).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("lab", vm.fencingKindProperty().get(), String.valueOf(scene.getFocusOwner()));
        assertEquals(List.of(), vm.problems(), "the lab's switch needs nothing typed");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(WizardPage.STORAGE, vm.pageProperty().get(), vm.problems().toString());
        shoot(robot, "storage");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(WizardPage.SERVICE, vm.pageProperty().get(), vm.problems().toString());

        // from the interface's list, Tab through the fields
        robot.type(KeyCode.TAB).write("10.10.101.0/24").type(KeyCode.TAB).write("10.10.101.1").type(KeyCode.TAB)
                .write("10.10.101.100").type(KeyCode.TAB).write("10.10.101.200");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), vm.problems());
        shoot(robot, "service");
        robot.type(KeyCode.ENTER);
        waitIdle();
        // on the review the recorded nodes cannot be examined (only their inventory was recorded): each fact
        // not read is a blocking finding naming node and command, and nothing can be built
        assertEquals(WizardPage.REVIEW, vm.pageProperty().get());
        assertTrue(robot.lookup("#wizard-build").queryAs(Button.class).isDisabled());
        assertTrue(vm.problems().get(0).endsWith("findings under Blocking must be dealt with on the nodes first."),
                vm.problems() + " / " + vm.statusProperty().get());
        assertTrue(vm.examinationProperty().get().findings().stream().anyMatch(f -> f.message().startsWith(
                "Could not check node1: 'getent hosts node1': ") && f.message().contains("not recorded")),
                vm.examinationProperty().get().findings().toString());
    }

    @Test
    void aNodeWithoutADiskSaysSoInItsDiskTable(FxRobot robot) throws Exception {
        diskless = true;
        robot.interact(() -> {
            vm.host1Property().set("127.0.0.1:22611");
            vm.host2Property().set("127.0.0.1:22612");
            vm.testConnection();
        });
        waitIdle();
        assertEquals(List.of("node1", "node2"), vm.nodeNames(), vm.statusProperty().get());
        robot.interact(() -> vm.pageProperty().set(WizardPage.STORAGE));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(shown(robot, "#wizard-disks1"), "node1's disks are listed");
        assertEquals("lsblk lists no whole disk on this node; DRBD needs an empty one on each node.",
                shown(robot, "#wizard-disks2"));
    }

    private void waitIdle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The page in both themes, for a look at readability (target/screenshots/wizard-PAGE-THEME.png). */
    private void shoot(FxRobot robot, String page) throws Exception {
        Path out = Path.of("target/screenshots");
        Files.createDirectories(out);
        for (Theme theme : Theme.values()) {
            BufferedImage[] image = new BufferedImage[1];
            robot.interact(() -> {
                ClusterDeckApp.applyTheme(scene, theme);
                image[0] = SwingFXUtils.fromFXImage(scene.snapshot(null), null);
            });
            ImageIO.write(image[0], "png", out.resolve("wizard-" + page + "-" + theme.name().toLowerCase() + ".png")
                    .toFile());
        }
        robot.interact(() -> ClusterDeckApp.applyTheme(scene, Theme.LIGHT));
    }
}
