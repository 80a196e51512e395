package org.clusterdeck.transport.ssh;

import java.util.List;

/**
 * A host key that was not accepted: unknown (the admin may trust it after comparing the
 * fingerprint), changed (possibly an attack; never accepted by ClusterDeck itself), marked
 * {@code @revoked} in known_hosts, or a host certificate that is signed by a known CA but not
 * valid for this host.
 */
public final class HostKeyException extends Exception {
    public enum Reason { UNKNOWN, CHANGED, REVOKED, CERTIFICATE }

    private final Reason reason;
    private final String fingerprint;
    private final List<String> knownFingerprints;

    private HostKeyException(String message, Reason reason, String fingerprint, List<String> knownFingerprints) {
        super(message);
        this.reason = reason;
        this.fingerprint = fingerprint;
        this.knownFingerprints = List.copyOf(knownFingerprints);
    }

    /** A key no known_hosts file has (nor a CA for it); {@code others} are the keys of other types known. */
    static HostKeyException unknown(String host, String keyType, String fingerprint, String knownHosts,
            List<String> others) {
        return new HostKeyException("host key of " + host + " is not known (" + keyType + " " + fingerprint
                + "); compare the fingerprint with the node's and trust it with --accept-new-host-key"
                + (others.isEmpty() ? "" : " (known for this host are keys of other types only: "
                        + String.join(", ", others) + ")")
                + (knownHosts == null ? "" : "; it would be recorded in " + knownHosts),
                Reason.UNKNOWN, fingerprint, List.of());
    }

    /**
     * A key of a type known_hosts has another key of: the node now shows {@code keyType fingerprint},
     * known_hosts has {@code known} (each {@code type SHA256:… (file line n)}).
     */
    static HostKeyException changed(String host, String keyType, String fingerprint, List<String> known,
            List<String> knownFingerprints, String fileToEdit) {
        return new HostKeyException("host key of " + host + " has CHANGED: the node now shows " + keyType + " "
                + fingerprint + ", known is " + String.join(" and ", known)
                + "; refusing to connect (this may be an attack); if the node was reinstalled, remove its old entry"
                + " yourself (ssh-keygen -R '" + host + "' -f " + fileToEdit + ")",
                Reason.CHANGED, fingerprint, knownFingerprints);
    }

    static HostKeyException revoked(String host, String keyType, String fingerprint, String where) {
        return new HostKeyException("host key of " + host + " (" + keyType + " " + fingerprint
                + ") is marked @revoked in " + where + ": refusing to connect, whatever else lists it",
                Reason.REVOKED, fingerprint, List.of());
    }

    static HostKeyException certificate(String host, String fingerprint, String problem) {
        return new HostKeyException("host certificate of " + host + " (" + fingerprint + ") is not accepted: "
                + problem, Reason.CERTIFICATE, fingerprint, List.of());
    }

    public Reason reason() {
        return reason;
    }

    /** The fingerprint of the key the node showed, as OpenSSH prints it. */
    public String fingerprint() {
        return fingerprint;
    }

    /** For {@link Reason#CHANGED}: the fingerprints known_hosts has for this host and key type. */
    public List<String> knownFingerprints() {
        return knownFingerprints;
    }
}
