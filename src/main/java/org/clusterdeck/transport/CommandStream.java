package org.clusterdeck.transport;

/** A command that runs until it ends by itself or is closed; see {@link CommandRunner#follow}. */
public interface CommandStream extends AutoCloseable {
    /** True until the command ended, failed or was closed. */
    boolean isOpen();

    /** Stops the command; no more output is delivered. Never blocks on the node. */
    @Override
    void close();
}
