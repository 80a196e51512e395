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

    @Override
    default void close() {
    }
}
