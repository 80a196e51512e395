package org.clusterdeck.transport;

/**
 * Receives what a followed command prints while it runs, on a background thread, one call at a
 * time. Exactly one of {@link #ended} and {@link #failed} comes last, unless the follower closed
 * the stream itself.
 */
public interface OutputListener {
    /** Standard output as it arrives: any amount, not cut at line ends. */
    void output(String text);

    /**
     * The command ended by itself; {@code result} has its exit code and standard error (its
     * standard output was delivered to {@link #output}, so it is empty here).
     */
    void ended(CommandResult result);

    /** The command could not go on: the connection to its node was lost. */
    void failed(TransportException problem);
}
