package org.clusterdeck.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.clusterdeck.transport.TransportException.Kind;

/**
 * Hands a running command's standard output to an {@link OutputListener} as it arrives, on one of
 * {@link OutputDrain}'s threads, and reports how the command ended. Runners give it the streams and
 * a way to learn the exit code; stopping the command is theirs.
 */
public final class StreamPump {
    /** The exit code, once the output is finished; a TransportException if the node went away. */
    public interface Exit {
        int await() throws TransportException, InterruptedException;
    }

    private static final int CHUNK = 8192;

    private StreamPump() {
    }

    /**
     * Starts pumping. {@code open} says whether the follower still wants to hear: after it closed
     * the stream, nothing more is delivered, not even how the command ended.
     */
    public static void start(String node, Command command, InputStream stdout, InputStream stderr, Exit exit,
            OutputListener listener, BooleanSupplier open) {
        CompletableFuture<String> err = OutputDrain.start(stderr);
        long start = System.nanoTime();
        OutputDrain.executor().execute(() -> {
            try (Reader in = new InputStreamReader(stdout, StandardCharsets.UTF_8)) {
                char[] buf = new char[CHUNK];
                int n;
                while ((n = in.read(buf)) >= 0) {
                    if (n > 0 && open.getAsBoolean()) {
                        listener.output(new String(buf, 0, n));
                    }
                }
                int code = exit.await();
                if (open.getAsBoolean()) {
                    listener.ended(new CommandResult(node, command.argv(), code, "", err.get(5, TimeUnit.SECONDS),
                            Duration.ofNanos(System.nanoTime() - start)));
                }
            } catch (TransportException e) {
                if (open.getAsBoolean()) {
                    listener.failed(e);
                }
            } catch (IOException | ExecutionException | TimeoutException e) {
                if (open.getAsBoolean()) {
                    listener.failed(new TransportException(node, Kind.CONNECTION_LOST, "'" + command.display()
                            + "' stopped: connection lost (" + e.getMessage() + ")", e));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
