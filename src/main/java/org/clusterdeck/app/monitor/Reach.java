package org.clusterdeck.app.monitor;

/**
 * Whether ClusterDeck can talk to a node. This is not the cluster's own online/offline: a node
 * can be unreachable over SSH yet online in the cluster, or reachable yet offline (stack stopped).
 */
public enum Reach {
    /** Not asked yet. */
    CONNECTING,
    REACHABLE,
    /**
     * It answers, but late (a lossy or congested path), or has been silent for less than the monitor
     * waits before it calls a node unreachable; {@link NodeView#link()} says how late.
     */
    SLOW,
    UNREACHABLE
}
