package org.clusterdeck.app.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.CommandStream;
import org.clusterdeck.transport.CommandTimeoutException;
import org.clusterdeck.transport.OutputListener;
import org.clusterdeck.transport.TransportException;

/**
 * Runs commands through another runner and records each one in the audit log, however it ends.
 * A command that changes the cluster ({@link #runChanging}) is recorded as changing, with its
 * output kept as evidence of what happened; reads ({@link #run}) are recorded without their output.
 * The caller decides, because only the use case knows whether a command changes anything.
 */
public final class AuditingRunner implements CommandRunner {
    private final CommandRunner runner;
    private final AuditLog log;

    public AuditingRunner(CommandRunner runner, AuditLog log) {
        this.runner = runner;
        this.log = log;
    }

    @Override
    public String node() {
        return runner.node();
    }

    /** Runs a command that only reads; recorded without its output. */
    @Override
    public CommandResult run(Command command) throws TransportException {
        return run(command, false);
    }

    /** Runs a command that changes the cluster; recorded with its (capped) output. */
    @Override
    public CommandResult runChanging(Command command) throws TransportException {
        return run(command, true);
    }

    private CommandResult run(Command command, boolean changing) throws TransportException {
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        try {
            CommandResult result = runner.run(command);
            log.append(AuditRecord.finished(start, command, runner::asRun, result, Duration.ofNanos(System.nanoTime() - t0), changing));
            return result;
        } catch (TransportException e) {
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            boolean timedOut = e instanceof CommandTimeoutException;
            log.append(AuditRecord.unfinished(start, runner.node(), command, runner::asRun, took, timedOut, e.getMessage(), changing));
            throw e;
        } catch (RuntimeException e) {
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            log.append(AuditRecord.unfinished(start, runner.node(), command, runner::asRun, took, false, e.toString(), changing));
            throw e;
        }
    }

    /**
     * Runs read-only commands at once, each recorded, once the connection is open: a node out of
     * reach is recorded once, as the first command's attempt, not once for each command.
     */
    @Override
    public List<CommandResult> runAll(List<Command> commands) throws TransportException {
        if (!commands.isEmpty()) {
            Instant start = Instant.now();
            long t0 = System.nanoTime();
            try {
                runner.openConnection();
            } catch (TransportException e) {
                log.append(AuditRecord.unfinished(start, runner.node(), commands.get(0), runner::asRun,
                        Duration.ofNanos(System.nanoTime() - t0), e instanceof CommandTimeoutException, e.getMessage(),
                        false));
                throw e;
            }
        }
        return CommandRunner.super.runAll(commands);
    }

    @Override
    public void openConnection() throws TransportException {
        runner.openConnection();
    }

    /**
     * Follows a command (which only reads) and records it once, when it ends, fails or is closed:
     * a stream runs for hours, so its record says how long it ran rather than what it printed.
     */
    @Override
    public CommandStream follow(Command command, OutputListener listener) throws TransportException {
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        AtomicBoolean recorded = new AtomicBoolean();
        CommandStream stream;
        try {
            stream = runner.follow(command, new OutputListener() {
                @Override
                public void output(String text) {
                    listener.output(text);
                }

                @Override
                public void ended(CommandResult result) {
                    if (!recorded.getAndSet(true)) {
                        log.append(AuditRecord.finished(start, command, runner::asRun, result, result.elapsed(), false));
                    }
                    listener.ended(result);
                }

                @Override
                public void failed(TransportException problem) {
                    if (!recorded.getAndSet(true)) {
                        log.append(AuditRecord.unfinished(start, runner.node(), command, runner::asRun,
                                Duration.ofNanos(System.nanoTime() - t0), false, problem.getMessage(), false));
                    }
                    listener.failed(problem);
                }
            });
        } catch (TransportException e) {
            log.append(AuditRecord.unfinished(start, runner.node(), command, runner::asRun,
                    Duration.ofNanos(System.nanoTime() - t0), false, e.getMessage(), false));
            throw e;
        }
        return new CommandStream() {
            @Override
            public boolean isOpen() {
                return stream.isOpen();
            }

            @Override
            public void close() {
                stream.close();
                if (!recorded.getAndSet(true)) {
                    log.append(AuditRecord.unfinished(start, runner.node(), command, runner::asRun,
                            Duration.ofNanos(System.nanoTime() - t0), false, "stopped by ClusterDeck", false));
                }
            }
        };
    }

    /** Keepalives are not commands: nothing runs on the node, so nothing is recorded. */
    @Override
    public void ping(Duration timeout) throws TransportException {
        runner.ping(timeout);
    }

    @Override
    public Command asRun(Command command) {
        return runner.asRun(command);
    }

    @Override
    public void close() {
        runner.close();
    }
}
