package org.clusterdeck.app.monitor;

import org.clusterdeck.cluster.FormatException;
import org.clusterdeck.cluster.drbd.DrbdEventState;
import org.clusterdeck.cluster.drbd.DrbdStatus;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.CommandStream;
import org.clusterdeck.transport.OutputListener;
import org.clusterdeck.transport.TransportException;

/**
 * Keeps one node's DRBD state from {@code drbdsetup events2} as it streams, so the monitor sees
 * every change (and split-brain helper calls, which a poll misses) without running anything per
 * round. Usable once the stream's initial state is complete; a line it cannot read ends it, and
 * the monitor falls back to reading DRBD each round.
 */
final class DrbdEventsFollower implements OutputListener {
    /** events2 lines are a few hundred bytes; a stream that goes on this long without a line end is not events2. */
    static final int MAX_LINE = 64 * 1024;

    private final Runnable onChange;
    private final StringBuilder partial = new StringBuilder();
    private DrbdEventState state;
    /** The events2 command as shown, for saying how it ended. */
    private String shown;
    private String problem;
    private volatile CommandStream stream;

    /** {@code onChange} runs on the stream's thread after every batch of lines and when it ends. */
    DrbdEventsFollower(Runnable onChange) {
        this.onChange = onChange;
    }

    void start(CommandRunner node, Command events2) throws TransportException {
        synchronized (this) {
            shown = events2.display();
            state = new DrbdEventState(node.node() + ": " + shown);
            problem = null;
            partial.setLength(0);
        }
        stream = node.follow(events2, this);
        // unreadable output may arrive before follow() returns, when close() had no stream to stop
        synchronized (this) {
            if (problem == null) {
                return;
            }
        }
        close();
    }

    /** The state as of the latest line, or null while the stream is not (yet) a usable source. */
    synchronized DrbdStatus snapshot() {
        CommandStream s = stream;
        return s != null && s.isOpen() && problem == null && state.initialStateComplete() ? state.snapshot() : null;
    }

    /** Why the stream stopped being usable, if it did. */
    synchronized String problem() {
        return problem;
    }

    boolean isOpen() {
        CommandStream s = stream;
        return s != null && s.isOpen();
    }

    void close() {
        CommandStream s = stream;
        stream = null;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public void output(String text) {
        boolean unreadable;
        synchronized (this) {
            partial.append(text);
            int from = 0;
            int end;
            while (problem == null && (end = partial.indexOf("\n", from)) >= 0) {
                try {
                    state.apply(partial.substring(from, end));
                } catch (FormatException e) {
                    problem = e.getMessage();
                }
                from = end + 1;
            }
            partial.delete(0, from);
            if (problem == null && partial.length() > MAX_LINE) {
                problem = "'" + shown + "' printed more than " + MAX_LINE / 1024 + " KiB without a line end: not"
                        + " drbdsetup events2 output";
                partial.setLength(0);
            }
            unreadable = problem != null;
        }
        if (unreadable) {
            close();
        }
        onChange.run();
    }

    @Override
    public void ended(CommandResult result) {
        synchronized (this) {
            problem = "'" + shown + "' ended (exit " + result.exitCode() + ")"
                    + (result.stderr().isBlank() ? "" : ": " + result.stderr().strip().lines().findFirst().orElse(""));
        }
        onChange.run();
    }

    @Override
    public void failed(TransportException e) {
        synchronized (this) {
            problem = e.getMessage();
        }
        onChange.run();
    }
}
