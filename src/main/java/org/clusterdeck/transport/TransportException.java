package org.clusterdeck.transport;

import java.time.Duration;

/**
 * A command could not be run on a node: unreachable, not installed, timed out, cancelled. The
 * node, the kind of trouble and the detail are kept apart, so that what shows the node already,
 * or acts on the kind, never cuts up the message: that is the node, then the detail.
 */
public class TransportException extends Exception {
    /** What went wrong, as far as the runners can tell it apart. */
    public enum Kind {
        /** No connection: refused, no route, no answer, an unknown host, or a jump host that cannot reach the node. */
        UNREACHABLE,
        /** The node's host key is unknown or has changed; the cause says which. */
        HOST_KEY,
        /** The node refused the login; the detail names every way that was tried. */
        LOGIN_REFUSED,
        /** The connection broke while logging in, running a command or waiting for a keepalive. */
        CONNECTION_LOST,
        /** A command or a keepalive got no answer within its timeout. */
        TIMED_OUT,
        /** sudo wants a password from the login user, which ClusterDeck never types. */
        SUDO_PASSWORD,
        /** The tool is not installed (not found on PATH). */
        NOT_FOUND,
        /** The wait for the command was interrupted. */
        CANCELLED,
        /** Anything else: no exit status, unreadable output or known_hosts, a runner that cannot follow. */
        FAILED
    }

    private final String node;
    private final Kind kind;
    private final String detail;

    public TransportException(String node, Kind kind, String detail) {
        this(node, kind, detail, null);
    }

    public TransportException(String node, Kind kind, String detail, Throwable cause) {
        this(node + ": " + detail, node, kind, detail, cause);
    }

    private TransportException(String message, String node, Kind kind, String detail, Throwable cause) {
        super(message, cause);
        this.node = node;
        this.kind = kind;
        this.detail = detail;
    }

    /**
     * The node is not tried again until {@code wait} is over, because {@code last} failed: the same
     * node and kind, that failure's detail and when the next attempt is due, and a message that
     * says the node is unreachable.
     */
    public static TransportException notRetriedYet(TransportException last, Duration wait) {
        String detail = last.detail + " (next attempt in " + Math.max(1, wait.toSeconds()) + " s)";
        return new TransportException(last.node + ": unreachable: " + detail, last.node, last.kind, detail, last);
    }

    public String node() {
        return node;
    }

    public Kind kind() {
        return kind;
    }

    /** What went wrong, without the node: for text that names the node already. */
    public String detail() {
        return detail;
    }
}
