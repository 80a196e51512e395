package org.clusterdeck.transport;

/**
 * A command printed more than {@link OutputDrain#LIMIT_BYTES} and was stopped. The node answered,
 * so this is a tool gone wrong there, not a node out of reach.
 */
public final class OutputTooLargeException extends TransportException {
    OutputTooLargeException(String node, Command command, String stream, Throwable cause) {
        super(node, Kind.FAILED, "'" + command.display() + "' printed more than " + OutputDrain.LIMIT_BYTES / (1024 * 1024)
                + " MiB on " + stream + ", more than any cluster tool should: it was stopped", cause);
    }
}
