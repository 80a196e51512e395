package org.clusterdeck.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.clusterdeck.Corpus;
import org.clusterdeck.app.BuildInfo;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.audit.AuditRecord;
import org.clusterdeck.app.clusters.ClusterProfile;
import org.clusterdeck.app.clusters.ClusterProfileStore;
import org.clusterdeck.app.offline.CibFileReader;
import org.clusterdeck.cluster.graph.layout.NodeBox;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.ui.clusters.ClusterViewModel;
import org.clusterdeck.ui.clusters.ClusterWatcher;
import org.clusterdeck.ui.graph.GraphCanvas;
import org.clusterdeck.ui.graph.GraphViewModel;
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
 * The window headless through Monocle, driven like an admin would: the real add-cluster dialog,
 * a real corpus CIB through the local crm_mon, the overview tables and the graph. Only the native
 * file chooser is answered in advance.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private static final Path CIB = Corpus.path("pacemaker/cib/promoted-move.xml");

    @TempDir
    Path dir;

    private final Deque<Path> cibFiles = new ArrayDeque<>();
    private Background background;
    private ClusterProfileStore store;
    private MainViewModel vm;
    private ClusterWatcher watcher = ScriptedWatcher.NONE;

    @Start
    void start(Stage stage) {
        background = new Background(Platform::runLater);
        store = new ClusterProfileStore(dir.resolve("clusters.json"));
        DialogService dialogs = new FxDialogService(stage) {
            @Override
            public Optional<Path> chooseCibFile() {
                return Optional.ofNullable(cibFiles.poll());
            }
        };
        vm = ClusterDeckApp.show(stage, background, dialogs, store, new CibFileReader(), watcher);
    }

    @AfterEach
    void stop() {
        background.close();
    }

    @Test
    void emptyStateTellsHowToAddACluster(FxRobot robot) {
        Label title = robot.lookup(".empty-title").queryAs(Label.class);
        assertEquals("No cluster yet", title.getText());
        assertTrue(title.isVisible());
        assertTrue(robot.lookup(".empty-hint").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("SSH address")));
        assertEquals("ClusterDeck", ((Stage) robot.window(0)).getTitle());
        // the empty list names the buttons below it
        assertEquals("No clusters yet: add one with Add\u2026, or open a saved CIB with Open\u00a0CIB\u2026",
                Placeholders.shown(robot, "#cluster-list"));
    }

    /** An audit log that cannot be written is a warning in the window until it is written again. */
    @Test
    void anAuditLogThatCannotBeWrittenIsShownUntilItIsWrittenAgain(FxRobot robot) throws Exception {
        Path auditDir = dir.resolve("audit");
        Files.writeString(auditDir, "a file where the log's directory should be");
        try (AuditLog audit = new AuditLog(auditDir)) {
            robot.interact(() -> vm.watchAudit(audit, Platform::runLater));
            Label warning = robot.lookup("#audit-warning").queryAs(Label.class);
            assertTrue(!warning.isVisible(), "nothing to warn of yet");
            Command c = Command.of("crm_mon", "-1");
            AuditRecord record = AuditRecord.finished(
                    Instant.now(), c, x -> x, new CommandResult("node1", c.argv(), 0, "",
                            "", Duration.ofMillis(1)), Duration.ofMillis(1), false);
            audit.append(record);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(warning.isVisible());
            assertTrue(warning.getText().startsWith("The audit log " + auditDir.resolve("audit.log")
                    + " cannot be written ("), warning.getText());
            assertTrue(warning.getText().contains(": 1 record of commands and actions lost"), warning.getText());

            Files.delete(auditDir);
            audit.append(record);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(!warning.isVisible(), "written again: " + warning.getText());
        }
    }

    @Test
    void addingAClusterThroughTheDialogListsAndSavesIt(FxRobot robot) throws Exception {
        robot.clickOn("#add-cluster");
        Button ok = robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("OK")).findFirst().orElseThrow();
        assertTrue(ok.isDisabled(), "OK must wait for a valid profile");
        assertTrue(robot.lookup("#profile-problems").queryAs(Label.class).getText().contains("needs a name"));

        robot.clickOn("#profile-name").write("lab");
        robot.clickOn("#profile-hosts").write("10.99.0.11 bad:host:port");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#profile-problems").queryAs(Label.class).getText().contains("\"bad:host:port\""));
        assertTrue(ok.isDisabled());
        robot.eraseText("bad:host:port".length()).write("10.99.0.12");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(ok.isDisabled(), robot.lookup("#profile-problems").queryAs(Label.class).getText());
        robot.clickOn(ok);

        ListView<?> list = robot.lookup("#cluster-list").queryAs(ListView.class);
        assertEquals(1, list.getItems().size());
        assertTrue(robot.lookup(".cluster-title").queryAs(Label.class).getText().equals("lab"));
        waitFor(() -> Files.exists(store.file()) && store.load().size() == 1);
        assertEquals(new ClusterProfile("lab", List.of("10.99.0.11", "10.99.0.12"), "root", null, null, null),
                store.load().get(0));
    }

    @Test
    void anOpenedCibShowsNodesResourcesAndAGraphWhereResourcesCanBeSelected(FxRobot robot) throws Exception {
        cibFiles.add(CIB);
        robot.clickOn("#open-cib");
        waitFor(() -> robot.lookup("#overview-nodes").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        ClusterViewModel c = vm.clusters().get(0);

        TableView<?> nodes = robot.lookup("#overview-nodes").queryAs(TableView.class);
        assertEquals(List.of("bl460g1n13", "bl460g1n14"), c.overview().nodes().stream().map(n -> n.name()).toList());
        assertEquals(2, nodes.getItems().size());
        TableView<?> resources = robot.lookup("#overview-resources").queryAs(TableView.class);
        assertEquals(c.overview().resources().size(), resources.getItems().size());
        assertTrue(resources.getItems().size() > 3);
        assertFalse(robot.lookup(".health-critical").queryAll().isEmpty(), "critical badge shown");

        robot.clickOn("Dependency graph");
        GraphViewModel graph = c.graph();
        waitFor(() -> graph.layoutProperty().get() != null);

        robot.clickOn("#graph-search").write("prmDRBD");
        waitFor(() -> "prmDRBD".equals(detailsTitle(robot)));

        // a click on a box in the canvas selects that resource
        NodeBox box = graph.layoutProperty().get().box("dummy01").orElseThrow();
        robot.interact(() -> graph.centreOn("dummy01"));
        GraphCanvas canvas = robot.lookup("#graph-canvas").queryAs(GraphCanvas.class);
        double s = graph.scaleProperty().get();
        Point2D onScreen = canvas.localToScreen(box.center().x() * s + graph.offsetXProperty().get(),
                box.center().y() * s + graph.offsetYProperty().get());
        robot.clickOn(onScreen);
        waitFor(() -> "dummy01".equals(detailsTitle(robot)));

        // keyboard: fit and zoom on the focused canvas
        robot.type(KeyCode.DIGIT0);
        double fitted = graph.scaleProperty().get();
        robot.type(KeyCode.PLUS);
        assertTrue(graph.scaleProperty().get() > fitted);
    }

    @Test
    void theAboutBoxShowsTheVersion(FxRobot robot) {
        robot.clickOn("Help").clickOn("About ClusterDeck");
        WaitForAsyncUtils.waitForFxEvents();
        Label text = robot.lookup(".dialog-pane .label").queryAllAs(Label.class).stream()
                .filter(l -> l.getText() != null && l.getText().startsWith("ClusterDeck ")).findFirst().orElseThrow();
        assertTrue(text.getText().startsWith("ClusterDeck " + BuildInfo.version() + "\n"), text.getText());
        robot.clickOn(robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("OK")).findFirst().orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, robot.listWindows().size(), "the About box closed");
    }

    @Test
    void darkThemeIsOneKeyAway(FxRobot robot) {
        assertTrue(robot.window(0).getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("light.css")));
        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.window(0).getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css")));
    }

    private static String detailsTitle(FxRobot robot) {
        return robot.lookup("#details-title").tryQueryAs(Label.class).map(Label::getText).orElse(null);
    }

    private static void waitFor(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }
}
