package org.clusterdeck.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Runs a command on one node. Implementations enforce {@link Command#timeout()}. */
public interface CommandRunner extends AutoCloseable {
    /** The node this runner reaches, as shown to the user. */
    String node();

    /**
     * Runs the command and returns how it ended, whatever its exit code.
     *
     * @throws TransportException when the command could not be run or did not finish in time
     */
    CommandResult run(Command command) throws TransportException;

    /**
     * Runs commands that need not wait for each other at the same time, each on a thread of its own
     * (over SSH, each on a channel of the one connection), and returns their results in order: a node
     * a few milliseconds away answers five version queries in the time of one.
     *
     * @throws TransportException the failure of the first command in order that could not be run
     */
    default List<CommandResult> runAll(List<Command> commands) throws TransportException {
        List<CompletableFuture<CommandResult>> running = new ArrayList<>();
        for (Command command : commands) {
            CompletableFuture<CommandResult> result = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    result.complete(run(command));
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            }, "run on " + node());
            thread.setDaemon(true);
            thread.start();
            running.add(result);
        }
        List<CommandResult> results = new ArrayList<>();
        for (CompletableFuture<CommandResult> result : running) {
            try {
                // each run ends by its command's own timeout
                results.add(result.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TransportException t) {
                    throw t;
                }
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException(node(), TransportException.Kind.CANCELLED, "interrupted while commands ran");
            }
        }
        return results;
    }

    /**
     * Runs a command that changes the node or its cluster (a move, a property set), as opposed to
     * one that only looks. Only the caller knows which it is; runners that keep a record of what ran
     * (the audit) keep such a command's output as evidence. The same as {@link #run} for the others.
     */
    default CommandResult runChanging(Command command) throws TransportException {
        return run(command);
    }

    /**
     * The command as this runner has the node run it, e.g. through {@code sudo -n}: what the audit
     * log shows a person. The same command for runners that add nothing.
     */
    default Command asRun(Command command) {
        return command;
    }

    /**
     * Starts a command that runs until it ends or the returned stream is closed, such as a tool
     * that reports changes as they happen, and hands its output to {@code listener}. The command's
     * timeout bounds only the start; it gets no standard input.
     *
     * @throws TransportException when the command could not be started
     */
    default CommandStream follow(Command command, OutputListener listener) throws TransportException {
        throw new TransportException(node(), TransportException.Kind.FAILED, "cannot follow '" + command.display()
                + "': this connection runs commands only to their end");
    }

    /**
     * Opens the connection now where the runner keeps one (over SSH, unless it is open), so that
     * commands started together find it open: the caller learns once that the node is out of reach,
     * not once per command. Runners without a connection have nothing to open.
     *
     * @throws TransportException when the node could not be reached
     */
    default void openConnection() throws TransportException {
    }

    /**
     * Checks that the node still answers, as cheaply as the transport allows (over SSH a keepalive
     * request, no process on the node). Runners without a connection have nothing to check.
     *
     * @throws TransportException when the node did not answer within {@code timeout}
     */
    default void ping(Duration timeout) throws TransportException {
    }

    @Override
    default void close() {
    }
}
