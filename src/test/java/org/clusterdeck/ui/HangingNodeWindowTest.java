package org.clusterdeck.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.clusters.ClusterProfile;
import org.clusterdeck.app.clusters.ClusterProfileStore;
import org.clusterdeck.app.offline.CibFileReader;
import org.clusterdeck.ui.clusters.ClusterViewModel;
import org.clusterdeck.ui.clusters.ConnectionState;
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
 * The real window connected, over the real SSH code, to a "node" that accepts TCP and then never
 * says a word (a hung sshd): the FX thread must stay free the whole time, while connecting, while
 * the node is reported unreachable, and while disconnecting from it.
 */
@ExtendWith(ApplicationExtension.class)
class HangingNodeWindowTest {
    @TempDir
    Path dir;

    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private ServerSocket silent;
    private Background background;
    private AuditLog audit;
    private MainViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    held.add(silent.accept());
                }
            } catch (IOException e) {
                // closed at the end of the test
            }
        }, "silent sshd");
        acceptor.setDaemon(true);
        acceptor.start();
        ClusterProfileStore store = new ClusterProfileStore(dir.resolve("clusters.json"));
        store.save(List.of(new ClusterProfile("hung", List.of("127.0.0.1:" + silent.getLocalPort()), "root", null,
                dir.resolve("known_hosts").toString(), null)));
        background = new Background(Platform::runLater);
        audit = new AuditLog(dir.resolve("audit"));
        DialogService dialogs = new FxDialogService(stage);
        vm = ClusterDeckApp.show(stage, background, dialogs, store, new CibFileReader(),
                ClusterDeckApp.sshWatcher(audit, dialogs, Platform::runLater));
        vm.loadProfiles(Set.of("hung"));
    }

    @AfterEach
    void stop() throws IOException {
        background.close();
        audit.close();
        silent.close();
        for (Socket s : held) {
            s.close();
        }
    }

    @Test
    void theWindowAnswersWhileANodeHangsAndWhileDisconnectingFromIt(FxRobot robot) throws Exception {
        // Not probed: the window's first CSS pass and layout may hold the FX thread longer than a
        // probe allows on a loaded machine, and nothing remote is involved yet.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> FxProbe.onFx(() -> vm.selectedProperty().get() != null && !held.isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
        ClusterViewModel c = FxProbe.onFx(() -> vm.selectedProperty().get());
        assertEquals(ConnectionState.CONNECTING, FxProbe.onFx(() -> c.connectionProperty().get()));

        // the admin goes on using the window meanwhile
        robot.clickOn("Dependency graph");
        robot.clickOn("Overview");

        // sshj waits 10 s for the SSH greeting that never comes, then the node is unreachable
        long probes = FxProbe.until("connecting", () -> c.connectionTextProperty().get().contains("unreachable"),
                Duration.ofSeconds(40));
        assertTrue(probes > 50, "probed all along: " + probes);
        // both read in one go: the next view (each round) may change the text in between
        List<String> lines = FxProbe.onFx(() -> List.of(c.connectionTextProperty().get(), vm.statusLineProperty().get()));
        String line = lines.get(0);
        assertTrue(line.startsWith("Connecting: 0 of 1 nodes answer"), line);
        assertTrue(line.contains("root@127.0.0.1:" + silent.getLocalPort() + " unreachable"), line);
        assertTrue(line.contains("no answer (timed out)"), line);
        assertEquals(line, lines.get(1), "the status line shows the shown cluster");

        // the monitor retries the silent node; disconnecting waits for that attempt, off the FX thread
        FxProbe.until("retrying", () -> held.size() >= 2, Duration.ofSeconds(20));
        robot.clickOn("#disconnect");
        FxProbe.until("disconnecting", () -> c.connectionProperty().get() == ConnectionState.DISCONNECTED,
                Duration.ofSeconds(40));
        assertTrue(FxProbe.onFx(() -> vm.canConnectProperty().get()));
    }
}
