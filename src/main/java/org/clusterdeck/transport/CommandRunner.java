package org.clusterdeck.transport;

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
     * The command as this runner has the node run it, e.g. through {@code sudo -n}: what the audit
     * log shows a person. The same command for runners that add nothing.
     */
    default Command asRun(Command command) {
        return command;
    }

    @Override
    default void close() {
    }
}
