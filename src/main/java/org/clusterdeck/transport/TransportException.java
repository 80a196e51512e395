package org.clusterdeck.transport;

/** A command could not be run on a node: unreachable, not installed, timed out, cancelled. */
public class TransportException extends Exception {
    private final String node;

    public TransportException(String node, String message) {
        this(node, message, null);
    }

    public TransportException(String node, String message, Throwable cause) {
        super(node + ": " + message, cause);
        this.node = node;
    }

    public String node() {
        return node;
    }
}
