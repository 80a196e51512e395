package org.clusterdeck.ui.clusters;

/** Where a saved cluster's live connection stands. */
public enum ConnectionState {
    DISCONNECTED,
    /** The monitor runs, but no node has answered with a status yet. */
    CONNECTING,
    /** At least one node answered; others may be unreachable (the status line says which). */
    CONNECTED,
    /** Closing the monitor and the connections in the background. */
    DISCONNECTING
}
