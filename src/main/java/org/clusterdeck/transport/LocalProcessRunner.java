package org.clusterdeck.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.clusterdeck.transport.TransportException.Kind;

/** Runs commands on this machine: for {@code CIB_file} work, the lab and tests. */
public final class LocalProcessRunner implements CommandRunner {
    private final String node;

    public LocalProcessRunner() {
        this("localhost");
    }

    public LocalProcessRunner(String node) {
        this.node = node;
    }

    @Override
    public String node() {
        return node;
    }

    @Override
    public CommandResult run(Command command) throws TransportException {
        long start = System.nanoTime();
        Process p = start(command);
        Runnable stop = () -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        };
        CompletableFuture<String> out = OutputDrain.start(p.getInputStream(), OutputDrain.LIMIT_BYTES, stop);
        CompletableFuture<String> err = OutputDrain.start(p.getErrorStream(), OutputDrain.LIMIT_BYTES, stop);
        try (OutputStream in = p.getOutputStream()) {
            if (command.stdin() != null) {
                in.write(command.stdin().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // The tool exited without reading its input; its exit code and stderr say why.
        }
        try {
            if (!p.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new CommandTimeoutException(node, command);
            }
            String stdout = OutputDrain.output(out, node, command, "stdout");
            String stderr = OutputDrain.output(err, node, command, "stderr");
            return new CommandResult(node, command.argv(), p.exitValue(), stdout, stderr,
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new TransportException(node, Kind.CANCELLED, "'" + command.display() + "' cancelled", e);
        }
    }

    /** Follows a local process. Closing the stream kills it and its children. */
    @Override
    public CommandStream follow(Command command, OutputListener listener) throws TransportException {
        if (command.stdin() != null) {
            throw new IllegalArgumentException("a followed command gets no input: " + command.display());
        }
        Process p = start(command);
        AtomicBoolean open = new AtomicBoolean(true);
        StreamPump.start(node, command, p.getInputStream(), p.getErrorStream(), p::waitFor, listener, open::get);
        return new CommandStream() {
            @Override
            public boolean isOpen() {
                return open.get() && p.isAlive();
            }

            @Override
            public void close() {
                if (open.getAndSet(false)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
            }
        };
    }

    private Process start(Command command) throws TransportException {
        ProcessBuilder pb = new ProcessBuilder(command.argv());
        pb.environment().putAll(command.env());
        try {
            return pb.start();
        } catch (IOException e) {
            boolean missing = e.getMessage() != null && e.getMessage().contains("error=2");
            throw new TransportException(node, missing ? Kind.NOT_FOUND : Kind.FAILED, "cannot run "
                    + command.argv().get(0) + ": " + (missing ? "not installed (not found on PATH)" : e.getMessage()), e);
        }
    }
}
