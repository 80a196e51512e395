package org.clusterdeck.ui;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Stands in for the FX thread in view-model tests: background results queue up here and run on
 * the test's own thread when it waits, so view models see one UI thread as in the window.
 */
public final class UiLoop implements Executor {
    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable r) {
        queue.add(r);
    }

    /** Runs queued UI work until the condition holds; fails after the timeout. */
    public void runUntil(BooleanSupplier condition, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("condition not reached within " + timeout);
            }
            try {
                // a short wait: the condition may come true off this thread (a background thread
                // ending) with nothing queued, and must be seen then, not at the timeout
                Runnable r = queue.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(20)), TimeUnit.NANOSECONDS);
                if (r != null) {
                    r.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Runs what is queued now and whatever arrives within the quiet period. */
    public void drain(Duration quiet) {
        try {
            Runnable r;
            while ((r = queue.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                r.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
