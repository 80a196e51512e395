package org.clusterdeck.ui;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Where view models run anything slow (files, processes, layout): on a small pool of daemon
 * threads, each job with a time limit, its outcome handed back through the UI executor
 * ({@code Platform::runLater} in the window, the calling thread in unit tests).
 */
public final class Background implements AutoCloseable {
    private final ExecutorService pool;
    private final Executor ui;

    public Background(Executor ui) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "clusterdeck-background-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.ui = ui;
    }

    /**
     * Runs {@code work} off the UI thread. Exactly one of {@code onResult} and {@code onError} is
     * called on the UI executor; a job still running after {@code timeout} is reported as a
     * {@link TimeoutException} naming {@code what}, and its thread is interrupted.
     */
    public <T> CompletableFuture<T> run(String what, Duration timeout, Callable<T> work, Consumer<T> onResult,
            Consumer<Throwable> onError) {
        CompletableFuture<T> job = new CompletableFuture<>();
        Future<?> task;
        try {
            task = pool.submit(() -> {
                try {
                    job.complete(work.call());
                } catch (Throwable e) {
                    job.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            // the window is closing: nothing runs any more, and the caller hears so instead of crashing
            ui.execute(() -> onError.accept(new IllegalStateException(what + ": shutting down")));
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<T> limited = job.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        limited.whenComplete((result, error) -> {
            if (error == null) {
                ui.execute(() -> onResult.accept(result));
                return;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof TimeoutException) {
                task.cancel(true);
                cause = new TimeoutException(what + " did not finish within " + timeout.toSeconds() + " s");
            }
            Throwable reported = cause;
            ui.execute(() -> onError.accept(reported));
        });
        return limited;
    }

    /** Where results are handed back: the FX thread in the window, a test's own loop in unit tests. */
    public Executor ui() {
        return ui;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
