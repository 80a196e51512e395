package org.clusterdeck.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.testfx.util.WaitForAsyncUtils;

/** Checks that the FX thread stays free: it must run a posted empty task within a frame or two, every time. */
public final class FxProbe {
    /** An admin notices a freeze far above this; a free FX thread answers within a frame or two. */
    public static final long MAX_LATENCY_MS = 200;

    private FxProbe() {
    }

    /**
     * Probes the FX thread about every 50 ms until {@code until} (read on the FX thread) holds;
     * fails on the first slow answer or when {@code max} passes. Returns how many probes answered.
     */
    public static long until(String phase, Callable<Boolean> until, Duration max) throws Exception {
        long end = System.nanoTime() + max.toNanos();
        long probes = 0;
        while (!onFx(until)) {
            assertTrue(System.nanoTime() < end, phase + ": not reached within " + max.toSeconds() + " s");
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

    /** Reads something on the FX thread, where view models live. */
    public static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
