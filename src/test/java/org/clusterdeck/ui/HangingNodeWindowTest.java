package org.clusterdeck.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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

/**
 * The real window connected, over the real SSH code, to a "node" that accepts TCP and then never
 * says a word (a hung sshd): the FX thread must stay free the whole time, while connecting, while
 * the node is reported unreachable, and while disconnecting from it.
 */
@ExtendWith(ApplicationExtension.class)
class HangingNodeWindowTest {
    /** What an admin notices as a frozen window is far above this; the FX thread should answer in a frame or two. */
    private static final long MAX_LATENCY_MS = 200;

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

    /** Asks the FX thread to run an empty task, again and again, until {@code until} holds; fails on a slow answer. */
    private static long probeUntil(String phase, BooleanSupplier until, long maxSeconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        long probes = 0;
        while (!until.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, phase + ": not reached within " + maxSeconds + " s");
            CountDownLatch answered = new CountDownLatch(1);
            long t0 = System.nanoTime();
            Platform.runLater(answered::countDown);
            assertTrue(answered.await(MAX_LATENCY_MS, TimeUnit.MILLISECONDS),
                    phase + ": the FX thread did not answer within " + MAX_LATENCY_MS + " ms (probe " + probes + ")");
            probes++;
            Thread.sleep(Math.max(0, 50 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)));
        }
        return probes;
    }

    private <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    @Test
    void theWindowAnswersWhileANodeHangsAndWhileDisconnectingFromIt(FxRobot robot) throws Exception {
        ClusterViewModel[] c = new ClusterViewModel[1];
        probeUntil("loading", () -> {
            try {
                return onFx(() -> (c[0] = vm.selectedProperty().get()) != null && !held.isEmpty());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, 20);
        assertEquals(ConnectionState.CONNECTING, onFx(() -> c[0].connectionProperty().get()));

        // the admin goes on using the window meanwhile
        robot.clickOn("Dependency graph");
        robot.clickOn("Overview");

        // sshj waits 10 s for the SSH greeting that never comes, then the node is unreachable
        long probes = probeUntil("connecting", () -> text(c[0]).contains("unreachable"), 40);
        assertTrue(probes > 50, "probed all along: " + probes);
        String line = text(c[0]);
        assertTrue(line.startsWith("Connecting: 0 of 1 nodes answer"), line);
        assertTrue(line.contains("root@127.0.0.1:" + silent.getLocalPort() + " unreachable"), line);
        assertTrue(line.contains("no answer (timed out)"), line);
        assertEquals(line, onFx(() -> vm.statusLineProperty().get()), "the status line shows the shown cluster");

        // the monitor retries the silent node; disconnecting waits for that attempt, off the FX thread
        probeUntil("retrying", () -> held.size() >= 2, 20);
        robot.clickOn("#disconnect");
        probeUntil("disconnecting", () -> {
            try {
                return onFx(() -> c[0].connectionProperty().get()) == ConnectionState.DISCONNECTED;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, 40);
        assertTrue(onFx(() -> vm.canConnectProperty().get()));
    }

    private String text(ClusterViewModel c) {
        try {
            return onFx(() -> c.connectionTextProperty().get());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
