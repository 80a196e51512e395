package org.clusterdeck.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Measures how long the JavaFX thread keeps the window from answering: every {@link #PERIOD} a
 * thread of its own posts a no-op to the FX thread and records how late it ran. Each
 * {@link #REPORT} the longest delay of that span is appended to a file as one line,
 * {@code EPOCH_MILLIS LONGEST_MS POSTED}, for benchmarks (lab/bench-soak) to read while the window
 * runs. A delay shorter than the period is no stall, only the queue's ordinary latency.
 *
 * <p>Off unless {@code -Dclusterdeck.fxStallLog=FILE} names the file.
 */
public final class FxStallMeter implements AutoCloseable {
    static final Duration PERIOD = Duration.ofMillis(20);
    static final Duration REPORT = Duration.ofSeconds(5);

    private final Executor fx;
    private final Path file;
    private final LongSupplier nanos;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fx-stall-meter");
        t.setDaemon(true);
        return t;
    });
    // the no-op posted and not yet run, and the longest wait of the current span, both in nanoseconds
    private final AtomicLong pendingSince = new AtomicLong(-1);
    private final AtomicLong longest = new AtomicLong();
    private final AtomicLong posted = new AtomicLong();

    FxStallMeter(Executor fx, Path file, LongSupplier nanos) {
        this.fx = fx;
        this.file = file;
        this.nanos = nanos;
    }

    /** Starts the meter the system property asks for; null when it asks for none. */
    public static FxStallMeter fromSystemProperty(Executor fx) {
        String file = System.getProperty("clusterdeck.fxStallLog", "");
        if (file.isBlank()) {
            return null;
        }
        FxStallMeter meter = new FxStallMeter(fx, Path.of(file), System::nanoTime);
        meter.start();
        return meter;
    }

    void start() {
        clock.scheduleWithFixedDelay(this::tick, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        clock.scheduleAtFixedRate(this::report, REPORT.toMillis(), REPORT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Posts the next no-op once the last one ran; one still waiting counts as late as it is so far. */
    void tick() {
        long now = nanos.getAsLong();
        long since = pendingSince.get();
        if (since >= 0) {
            longest.accumulateAndGet(now - since, Math::max);
            return;
        }
        pendingSince.set(now);
        posted.incrementAndGet();
        fx.execute(() -> {
            long start = pendingSince.getAndSet(-1);
            longest.accumulateAndGet(nanos.getAsLong() - start, Math::max);
        });
    }

    /** Appends the span's longest delay and starts the next span. */
    void report() {
        long worst = longest.getAndSet(0);
        long count = posted.getAndSet(0);
        String line = System.currentTimeMillis() + " " + worst / 1_000_000 + " " + count + "\n";
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // a benchmark's instrument: the window goes on without it
            System.err.println("clusterdeck: FX stall log " + file + " cannot be written, measuring stops: " + e);
            close();
        }
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
