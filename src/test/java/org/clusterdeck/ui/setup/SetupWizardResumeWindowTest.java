package org.clusterdeck.ui.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.clusters.ClusterProfile;
import org.clusterdeck.app.clusters.ClusterProfileStore;
import org.clusterdeck.app.nodes.NodeConnection;
import org.clusterdeck.app.nodes.NodeGroup;
import org.clusterdeck.app.offline.CibFileReader;
import org.clusterdeck.app.setup.SetupJournal;
import org.clusterdeck.cluster.setup.SetupSpec;
import org.clusterdeck.cluster.setup.SetupSpecReader;
import org.clusterdeck.ui.Background;
import org.clusterdeck.ui.ClusterDeckApp;
import org.clusterdeck.ui.FxDialogService;
import org.clusterdeck.ui.ScriptedWatcher;
import org.clusterdeck.ui.main.MainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window after a setup was left unfinished (closed or crashed mid-run): opening the wizard asks
 * whether to continue it, and yes brings its nodes and, once they are read again, all its answers
 * back. The nodes are the lab guests' recorded offers.
 */
@ExtendWith(ApplicationExtension.class)
class SetupWizardResumeWindowTest {
    @TempDir
    static Path dir;

    private Background background;
    private AuditLog audit;
    private volatile SetupWizardViewModel wizard;

    @Start
    void start(Stage stage) {
        background = new Background(Platform::runLater);
        audit = new AuditLog(dir.resolve("audit"));
        MainViewModel main = ClusterDeckApp.show(stage, background, new FxDialogService(stage),
                new ClusterProfileStore(dir.resolve("clusters.json")), new CibFileReader(), ScriptedWatcher.NONE);
        main.useSetupWizards(built -> wizard = new SetupWizardViewModel(p -> new NodeGroup(List.of(
                new NodeConnection(new RecordedNode("node1", "root@127.0.0.1:22611")),
                new NodeConnection(new RecordedNode("node2", "root@127.0.0.1:22612")))), background, audit,
                new SetupJournal(dir.resolve("data")), built));
    }

    @AfterEach
    void stop() {
        if (wizard != null) {
            wizard.close();
        }
        background.close();
        audit.close();
    }

    @Test
    void openingTheWizardOffersTheUnfinishedSetupAndContinuingItBringsItsAnswersBack(FxRobot robot) throws Exception {
        // the lab's spec, its disks by id as the wizard names them, left unfinished
        SetupSpec unfinished = SetupSpecReader.read(Files.readString(Path.of("lab/vm-spec.yaml.in"))
                .replace("@SSH1@", "22611").replace("@SSH2@", "22612").replace("@REPL1@", "192.168.77.11")
                .replace("@REPL2@", "192.168.77.12").replace("@NET@", "10.10.101").replace("@LAB@", "/work/main/lab")
                .replace("disk: /dev/vdb\n  - name: node2", "disk: /dev/disk/by-id/virtio-lab-data-node1\n  - name: node2")
                .replace("    disk: /dev/vdb\n\n", "    disk: /dev/disk/by-id/virtio-lab-data-node2\n\n"));
        ClusterProfile profile = new ClusterProfile("vmlab", List.of("127.0.0.1:22611", "127.0.0.1:22612"), "root",
                null, null, null);
        new SetupJournal(dir.resolve("data")).save(SetupJournal.Entry.of("2026-12-06T20:00:00Z", profile, unfinished));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        String question = robot.lookup(".dialog-pane .content").queryLabeled().getText();
        assertTrue(question.startsWith("The setup of vmlab on 127.0.0.1:22611 and 127.0.0.1:22612, started"
                + " 2026-12-06T20:00:00Z, did not finish. Continue it?"), question);
        robot.clickOn(robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("OK")).findFirst().orElseThrow());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#wizard-host1").tryQuery().isPresent());
        assertEquals("127.0.0.1:22611", robot.lookup("#wizard-host1").queryAs(TextField.class).getText());

        // its nodes read again, every answer is back: the spec is the unfinished one
        robot.clickOn("#wizard-test-connection");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> wizard.inventoriesProperty().get() != null
                && !wizard.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(unfinished, wizard.spec());
    }
}
