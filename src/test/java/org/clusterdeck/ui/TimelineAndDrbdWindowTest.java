package org.clusterdeck.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.clusterdeck.Corpus;
import org.clusterdeck.app.clusters.ClusterProfileStore;
import org.clusterdeck.app.offline.CibFileReader;
import org.clusterdeck.cluster.drbd.DrbdEventState;
import org.clusterdeck.cluster.drbd.DrbdStatus;
import org.clusterdeck.cluster.drbd.DrbdStatusReader;
import org.clusterdeck.cluster.events.ClusterEvent;
import org.clusterdeck.cluster.events.FailoverTracker;
import org.clusterdeck.cluster.events.Simulation;
import org.clusterdeck.cluster.events.StatusChanges;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.ui.clusters.ClusterViewModel;
import org.clusterdeck.ui.main.MainViewModel;
import org.clusterdeck.ui.timeline.Failover;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The timeline and DRBD tabs in the real window (Monocle), fed as the live monitor will feed
 * them: events that StatusChanges and FailoverTracker found in a crm_simulate failover, DRBD
 * statuses folded from the corpus' events2 streams of both nodes. Snapshots of both tabs in both
 * themes go to target/screenshots for a person to look at.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineAndDrbdWindowTest {
    private static final String VICTIM = "bl460g1n6";
    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir
    Path dir;

    private Background background;
    private MainViewModel vm;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        background = new Background(Platform::runLater);
        vm = ClusterDeckApp.show(stage, background, new ScriptedDialogs(),
                new ClusterProfileStore(dir.resolve("clusters.json")), new CibFileReader(), ScriptedWatcher.NONE);
    }

    @AfterEach
    void stop() {
        background.close();
    }

    @Test
    void failoverOnTheTimelineNotificationAndDrbdSyncAndSplitBrain(FxRobot robot) throws Exception {
        Path settled = dir.resolve("settled.xml");
        Simulation.run(Corpus.path("pacemaker/cib/bug-5186-partial-migrate.xml"), settled, "-S");
        Simulation fail = Simulation.run(settled, dir.resolve("failed.xml"), "--node-fail", VICTIM);
        Simulation react = Simulation.run(dir.resolve("failed.xml"), dir.resolve("after.xml"), "-S");
        List<ClusterEvent> events = monitor(List.of(fail.before(), fail.after(), react.after()),
                List.of(T0, T0.plusSeconds(5), T0.plusMillis(17_400)));

        robot.interact(() -> vm.openCibFile(dir.resolve("after.xml")));
        waitFor(() -> !vm.clusters().isEmpty() && robot.lookup("#timeline-failovers").tryQuery().isPresent());
        ClusterViewModel c = vm.clusters().get(0);
        robot.interact(() -> events.forEach(c.pages()::accept));

        // the notification shows over whatever tab is open
        waitFor(() -> robot.lookup(".notification").tryQuery().isPresent());
        assertTrue(robot.lookup(".notification-text").queryLabeled().getText().contains(VICTIM));

        robot.interact(() -> c.tabProperty().set(ClusterViewModel.Tab.TIMELINE));
        ListView<Failover> list = robot.lookup("#timeline-failovers").queryListView();
        assertEquals(1, list.getItems().size());
        // keyboard: focus the axis, Right selects the first failover
        robot.clickOn("#timeline-chart");
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(list.getItems().get(0), list.getSelectionModel().getSelectedItem());
        TableView<?> moves = robot.lookup("#timeline-moves").queryTableView();
        assertFalse(moves.getItems().isEmpty());
        assertTrue(robot.lookup(".failover-band.selected").tryQuery().isPresent());
        shoot(robot, "timeline");

        robot.interact(() -> c.tabProperty().set(ClusterViewModel.Tab.DRBD));
        syncHalfway(c);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#drbd-table").queryTableView();
        assertEquals(1, table.getItems().size());
        assertTrue(robot.lookup(".progress-bar").tryQuery().isPresent(), "the sync shows a progress bar");
        assertFalse(robot.lookup("#drbd-alarm-box").query().isVisible());
        shoot(robot, "drbd-sync");

        String sb = "drbd/drbd9/v9-e2-split-brain__";
        robot.interact(() -> c.pages().showDrbd(Map.of(
                "vm1", stream(sb + "vm1__drbdsetup_events2_timestamps_statistics_full_stream.txt"),
                "vm2", stream(sb + "vm2__drbdsetup_events2_timestamps_statistics_full_stream.txt")), T0));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#drbd-alarm-box").query().isVisible());
        assertTrue(robot.lookup("#drbd-steps").queryTextInputControl().getText().contains("--discard-my-data r0"));
        shoot(robot, "drbd-split-brain");
    }

    /** What the monitor does per view: the changes, then the failover tracker on them. */
    private static List<ClusterEvent> monitor(List<ClusterStatus> views, List<Instant> times) {
        FailoverTracker tracker = new FailoverTracker();
        List<ClusterEvent> out = new ArrayList<>();
        ClusterStatus previous = null;
        for (int i = 0; i < views.size(); i++) {
            List<ClusterEvent> changes = StatusChanges.between(previous, views.get(i), times.get(i));
            out.addAll(changes);
            out.addAll(tracker.update(views.get(i), changes, times.get(i)));
            previous = views.get(i);
        }
        return out;
    }

    /** Both nodes' d1 resync streams, merged by time, shown at each line until vm1 is three quarters through. */
    private void syncHalfway(ClusterViewModel c) throws Exception {
        Map<String, DrbdEventState> states = new TreeMap<>();
        List<String[]> lines = new ArrayList<>();
        for (String node : List.of("vm1", "vm2")) {
            String file = "drbd/drbd9/v9-d1-resync__" + node + "__drbdsetup_events2_timestamps_statistics_full_stream.txt";
            states.put(node, new DrbdEventState(file));
            Corpus.read(file).lines().forEach(l -> lines.add(new String[] {node, l}));
        }
        lines.sort((a, b) -> a[1].substring(0, 32).compareTo(b[1].substring(0, 32)));
        for (String[] l : lines) {
            states.get(l[0]).apply(l[1]);
            Instant time = OffsetDateTime.parse(l[1].substring(0, l[1].indexOf(' '))).toInstant();
            Map<String, DrbdStatus> now = new TreeMap<>();
            states.forEach((n, s) -> now.put(n, s.snapshot()));
            Platform.runLater(() -> c.pages().showDrbd(now, time));
            if (l[0].equals("vm1") && l[1].contains("done:71.92")) {
                break;
            }
        }
    }

    private static DrbdStatus stream(String file) {
        return DrbdStatusReader.parse(Corpus.read(file), file);
    }

    private void shoot(FxRobot robot, String name) throws Exception {
        Path out = Path.of("target/screenshots");
        Files.createDirectories(out);
        for (Theme theme : Theme.values()) {
            robot.interact(() -> vm.themeProperty().set(theme));
            WaitForAsyncUtils.waitForFxEvents();
            BufferedImage[] image = new BufferedImage[1];
            robot.interact(() -> image[0] = SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null));
            ImageIO.write(image[0], "png", out.resolve(name + "-" + theme.name().toLowerCase() + ".png").toFile());
        }
        robot.interact(() -> vm.themeProperty().set(Theme.LIGHT));
    }

    private static void waitFor(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }
}
