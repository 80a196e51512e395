package org.clusterdeck.app.monitor;

import org.clusterdeck.cluster.command.ClusterCommandException;
import org.clusterdeck.transport.TransportException;

/**
 * The latest problem with a node, said two ways: {@code message} names the node, for events and
 * logs; {@code detail} leaves the node out, for text that names it already, such as the status line.
 */
public record NodeError(String message, String detail) {
    /**
     * Transport and cluster tool failures keep their node apart from the rest. Unreadable output
     * ({@link org.clusterdeck.cluster.FormatException}) names its source, the node and the command
     * together, so its detail is its whole message.
     */
    static NodeError of(Exception e) {
        if (e instanceof TransportException t) {
            return new NodeError(t.getMessage(), t.detail());
        }
        if (e instanceof ClusterCommandException c) {
            return new NodeError(c.getMessage(), c.detail());
        }
        return new NodeError(e.getMessage(), e.getMessage());
    }
}
