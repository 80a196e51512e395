package org.clusterdeck.transport.ssh;

/**
 * A host key that was not accepted: unknown (the admin may trust it after comparing the
 * fingerprint) or changed (possibly an attack; never accepted by ClusterDeck itself).
 */
public final class HostKeyException extends Exception {
    public enum Reason { UNKNOWN, CHANGED }

    private final Reason reason;
    private final String fingerprint;

    HostKeyException(String host, Reason reason, String keyType, String fingerprint, String knownHosts) {
        super(reason == Reason.UNKNOWN
                ? "host key of " + host + " is not known (" + keyType + " " + fingerprint + "); compare the"
                        + " fingerprint with the node's and trust it with --accept-new-host-key"
                : "host key of " + host + " has CHANGED (now " + keyType + " " + fingerprint + ") and differs from "
                        + knownHosts + ": refusing to connect; if the node was reinstalled, remove its old"
                        + " entry from " + knownHosts + " yourself");
        this.reason = reason;
        this.fingerprint = fingerprint;
    }

    public Reason reason() {
        return reason;
    }

    public String fingerprint() {
        return fingerprint;
    }
}
