package org.clusterdeck.ui;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The meter's arithmetic, with the FX queue and the clock in the test's hands. */
class FxStallMeterTest {
    private static final long MS = 1_000_000;

    @TempDir
    Path dir;

    private final Queue<Runnable> fxQueue = new ArrayDeque<>();
    private final AtomicLong now = new AtomicLong(1_000 * MS);

    private FxStallMeter meter(Path log) {
        return new FxStallMeter(fxQueue::add, log, now::get);
    }

    @Test
    void aSpanReportsItsLongestWaitAndTheNextStartsAfresh() throws Exception {
        Path log = dir.resolve("stalls");
        FxStallMeter meter = meter(log);
        meter.tick();
        now.addAndGet(3 * MS);
        fxQueue.remove().run(); // a quick answer: 3 ms
        meter.tick();
        now.addAndGet(120 * MS);
        meter.tick(); // still waiting: nothing more is posted
        assertEquals(0, fxQueue.size() - 1, "one no-op at a time");
        now.addAndGet(330 * MS);
        fxQueue.remove().run(); // the FX thread was busy for 450 ms
        meter.report();
        meter.tick();
        now.addAndGet(7 * MS);
        fxQueue.remove().run();
        meter.report();
        List<String> lines = Files.readAllLines(log);
        assertEquals(2, lines.size(), lines.toString());
        assertEquals(List.of("450", "2"), List.of(lines.get(0).split(" ")).subList(1, 3), lines.get(0));
        assertEquals(List.of("7", "1"), List.of(lines.get(1).split(" ")).subList(1, 3), lines.get(1));
    }

    @Test
    void aNoOpThatNeverRunsStillShowsAsAStallGrowingWithEachTick() throws Exception {
        Path log = dir.resolve("stalls");
        FxStallMeter meter = meter(log);
        meter.tick();
        for (int i = 0; i < 10; i++) {
            now.addAndGet(100 * MS);
            meter.tick();
        }
        meter.report();
        assertEquals("1000", Files.readString(log).split(" ")[1], "a hung FX thread is reported before it answers");
    }

    @Test
    void anUnwritableLogEndsTheMeasuringWithoutAnExceptionReachingTheWindow() {
        FxStallMeter meter = meter(dir.resolve("missing-dir/stalls"));
        meter.tick();
        assertDoesNotThrow(meter::report);
        assertFalse(Files.exists(dir.resolve("missing-dir")));
    }
}
