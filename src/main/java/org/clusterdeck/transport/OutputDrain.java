package org.clusterdeck.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.clusterdeck.transport.TransportException.Kind;

/**
 * Reads a command's stdout or stderr to the end in the background, so a tool that fills one pipe
 * never blocks while the other is read. Own threads, not the common pool: on a 2-core machine that
 * pool has one thread and draining both streams one after the other deadlocks. What it keeps is
 * bounded: a tool gone wrong (a crm_mon printing without end) is stopped, not held in memory.
 */
public final class OutputDrain {
    /**
     * The most one stream of one command may print: far above what the cluster tools print for
     * the largest clusters (cibadmin's CIB of 1,000 resources with their history is a few MB).
     */
    public static final long LIMIT_BYTES = 64L * 1024 * 1024;

    private static final ExecutorService DRAINERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "command-output");
        t.setDaemon(true);
        return t;
    });

    /** A stream printed more than the limit; the command was stopped. */
    static final class TooMuchOutput extends IOException {
        TooMuchOutput() {
            super("past the limit");
        }
    }

    private OutputDrain() {
    }

    /** Background threads for work that may block on a node, such as closing a hung channel. */
    public static java.util.concurrent.Executor executor() {
        return DRAINERS;
    }

    /** Reads the stream to its end, up to {@link #LIMIT_BYTES}. */
    public static CompletableFuture<String> start(InputStream s) {
        return start(s, LIMIT_BYTES, () -> { });
    }

    /**
     * Reads the stream to its end; past {@code limit} bytes it stops reading, runs {@code stop}
     * (which ends the command) and fails with {@link TooMuchOutput}.
     */
    public static CompletableFuture<String> start(InputStream s, long limit, Runnable stop) {
        CompletableFuture<String> done = new CompletableFuture<>();
        DRAINERS.execute(() -> {
            try (s) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                byte[] chunk = new byte[8192];
                int n;
                while ((n = s.read(chunk)) >= 0) {
                    if (buf.size() + (long) n > limit) {
                        stop.run();
                        done.completeExceptionally(new TooMuchOutput());
                        return;
                    }
                    buf.write(chunk, 0, n);
                }
                done.complete(buf.toString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                done.complete("");
            }
        });
        return done;
    }

    /**
     * What a drained stream held, once the command ended.
     *
     * @throws OutputTooLargeException naming the node, the command and the stream when it printed too much
     */
    public static String output(CompletableFuture<String> drained, String node, Command command, String stream)
            throws TransportException, InterruptedException {
        try {
            return drained.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TooMuchOutput t) {
                throw new OutputTooLargeException(node, command, stream, t);
            }
            throw new TransportException(node, Kind.FAILED, "'" + command.display() + "': " + stream
                    + " could not be read", e);
        } catch (TimeoutException e) {
            throw new TransportException(node, Kind.FAILED, "'" + command.display() + "': " + stream
                    + " could not be read", e);
        }
    }
}
