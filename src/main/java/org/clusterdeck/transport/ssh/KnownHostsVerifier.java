package org.clusterdeck.transport.ssh;

import com.hierynomus.sshj.userauth.certificate.Certificate;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

/**
 * Verifies host keys the way {@code ssh} does against its known_hosts files (the user's, of which
 * the first gets new keys, then the global ones, only read):
 * <ul>
 * <li>a key marked {@code @revoked} for the host is refused, even when another line lists it, and
 * so is a certificate whose key or CA is revoked;</li>
 * <li>a host certificate signed by a CA that an {@code @cert-authority} line names for the host
 * is accepted when it is a host certificate, valid now, for this host's name (or any name, when
 * it names none), without critical options and correctly signed; a certificate from a CA not
 * listed is judged by its plain key;</li>
 * <li>a plain key is accepted when any line for the host has it (several keys of different types
 * per host); a key of a type the host has another key of is CHANGED, refused, and the message
 * names the old and the new fingerprints;</li>
 * <li>an unknown key is trusted and recorded (hashed with {@code HashKnownHosts yes}) when the
 * admin chose trust-on-first-use (OpenSSH's accept-new) or, asked with its fingerprint, accepts
 * it; otherwise it is refused.</li>
 * </ul>
 * Patterns, negation, {@code [host]:port} and hashed names as in {@link KnownHosts}. The files are
 * read at each check, so a key the admin removed or added counts from the next connection. The
 * refusal is kept so the caller can say exactly why.
 */
final class KnownHostsVerifier implements HostKeyVerifier {
    private static final long HOST_CERT = 2;

    private final List<Path> userFiles;
    private final List<Path> globalFiles;
    private final String hostKeyAlias;
    private final boolean hashNew;
    private final boolean acceptNew;
    private final SshPrompter prompter;
    private volatile HostKeyException rejection;
    private volatile String failure;

    /**
     * @param userFiles    the user's known_hosts files; the first gets new keys (and is made for them)
     * @param globalFiles  further files, only read
     * @param hostKeyAlias the name to look the host up by instead of its own ({@code HostKeyAlias}); null for none
     * @param hashNew      whether a newly trusted key's line hides the host name
     */
    KnownHostsVerifier(List<Path> userFiles, List<Path> globalFiles, String hostKeyAlias, boolean hashNew,
            boolean acceptNew, SshPrompter prompter) {
        if (userFiles.isEmpty()) {
            throw new IllegalArgumentException("no known_hosts file to check host keys against (UserKnownHostsFile none?)");
        }
        this.userFiles = List.copyOf(userFiles);
        this.globalFiles = List.copyOf(globalFiles);
        this.hostKeyAlias = hostKeyAlias;
        this.hashNew = hashNew;
        this.acceptNew = acceptNew;
        this.prompter = prompter;
    }

    /** Why the key was refused, once it was. */
    HostKeyException rejection() {
        return rejection;
    }

    /** A known_hosts file that could not be read, once one could not. */
    String failure() {
        return failure;
    }

    private List<Path> files() {
        List<Path> all = new ArrayList<>(userFiles);
        all.addAll(globalFiles);
        return all;
    }

    private String lookupName(String hostname, int port) {
        return hostKeyAlias != null ? hostKeyAlias : KnownHosts.name(hostname, port);
    }

    private List<KnownHosts.Entry> applicable(String name) throws IOException {
        List<KnownHosts.Entry> out = new ArrayList<>();
        for (KnownHosts.Entry e : KnownHosts.read(files())) {
            if (e.appliesTo(name)) {
                out.add(e);
            }
        }
        return out;
    }

    /** What the files say about a key under one name. */
    private record Outcome(boolean accepted, HostKeyException rejection, List<String> otherTypes) {
        static final Outcome ACCEPTED = new Outcome(true, null, List.of());

        boolean isNew() {
            return !accepted && rejection == null;
        }
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        String name = lookupName(hostname, port);
        String principal = hostKeyAlias != null ? hostKeyAlias : hostname.toLowerCase(Locale.ROOT);
        Outcome outcome;
        try {
            outcome = check(name, principal, key);
            if (outcome.isNew() && hostKeyAlias == null && port != 22) {
                // as ssh does: a key recorded for the bare host name is accepted on any port
                Outcome bare = check(KnownHosts.name(hostname, 22), principal, key);
                if (bare.accepted()) {
                    return true;
                }
            }
        } catch (IOException e) {
            failure = "cannot read known_hosts: " + e.getMessage();
            return false;
        }
        if (outcome.accepted()) {
            return true;
        }
        if (outcome.rejection() != null) {
            rejection = outcome.rejection();
            return false;
        }
        PublicKey plainKey = key instanceof Certificate<?> c ? c.getKey() : key;
        String type = KnownHosts.type(plainKey);
        String fingerprint = KnownHosts.fingerprint(KnownHosts.blob(plainKey));
        Path target = userFiles.get(0);
        if (!acceptNew && !prompter.trustHostKey(new UnknownHostKey(name, type, fingerprint, target))) {
            rejection = HostKeyException.unknown(name, type, fingerprint, target.toString(), outcome.otherTypes());
            return false;
        }
        try {
            Path dir = target.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Files.writeString(target, KnownHosts.line(name, plainKey, hashNew) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            log().log(Level.WARNING, "trusted new host key of {0} but could not add it to {1}: {2}", name, target, e.getMessage());
        }
        return true;
    }

    /** The key under {@code name}: accepted, refused (revoked, changed, a bad certificate) or new. */
    private Outcome check(String name, String principal, PublicKey key) throws IOException {
        List<KnownHosts.Entry> entries = applicable(name);
        byte[] shown = KnownHosts.blob(key);
        Certificate<?> cert = key instanceof Certificate<?> c ? c : null;
        PublicKey plainKey = cert != null ? cert.getKey() : key;
        byte[] plain = cert != null ? KnownHosts.blob(plainKey) : shown;
        byte[] ca = cert != null ? cert.getSignatureKey() : null;
        for (KnownHosts.Entry e : entries) {
            if (e.marker() != KnownHosts.Marker.REVOKED) {
                continue;
            }
            if (ca != null && e.hasKey(ca)) {
                return new Outcome(false, HostKeyException.certificate(name, KnownHosts.fingerprint(shown), "its CA key "
                        + e.fingerprint() + " is marked @revoked in " + e.file() + " line " + e.line()), List.of());
            }
            if (e.hasKey(shown) || e.hasKey(plain)) {
                return new Outcome(false, HostKeyException.revoked(name, KnownHosts.type(plainKey),
                        KnownHosts.fingerprint(plain), e.file() + " line " + e.line()), List.of());
            }
        }
        if (cert != null && entries.stream()
                .anyMatch(e -> e.marker() == KnownHosts.Marker.CERT_AUTHORITY && e.hasKey(ca))) {
            String problem = certificateProblem(cert, shown, principal);
            return problem == null ? Outcome.ACCEPTED
                    : new Outcome(false, HostKeyException.certificate(name, KnownHosts.fingerprint(shown), problem),
                            List.of());
        }
        // a plain key, or a certificate from a CA not known here: judged by its own key, as ssh does
        String type = KnownHosts.type(plainKey);
        List<String> known = new ArrayList<>();
        List<String> knownFingerprints = new ArrayList<>();
        Set<String> otherTypes = new LinkedHashSet<>();
        for (KnownHosts.Entry e : entries) {
            if (e.marker() != KnownHosts.Marker.NONE) {
                continue;
            }
            if (e.hasKey(plain)) {
                return Outcome.ACCEPTED;
            }
            if (e.keyType().equals(type)) {
                known.add(e.describe());
                knownFingerprints.add(e.fingerprint());
            } else {
                otherTypes.add(e.keyType());
            }
        }
        if (!known.isEmpty()) {
            return new Outcome(false, HostKeyException.changed(name, type, KnownHosts.fingerprint(plain), known,
                    knownFingerprints, userFiles.get(0).toString()), List.of());
        }
        return new Outcome(false, null, List.copyOf(otherTypes));
    }

    /** What is wrong with a host certificate signed by a known CA, as ssh checks it; null when nothing. */
    static String certificateProblem(Certificate<?> cert, byte[] raw, String host) {
        if (cert.getType() != HOST_CERT) {
            return "it is a user certificate, not a host certificate";
        }
        List<String> principals = cert.getValidPrincipals();
        if (principals != null && !principals.isEmpty() && !principals.contains(host)) {
            return "it is valid for " + String.join(", ", principals) + ", not for " + host;
        }
        Date now = new Date();
        if (cert.getValidAfter() != null && now.before(cert.getValidAfter())) {
            return "it is not valid before " + cert.getValidAfter().toInstant();
        }
        if (cert.getValidBefore() != null && !now.before(cert.getValidBefore())) {
            return "it expired " + cert.getValidBefore().toInstant();
        }
        if (cert.getCritOptions() != null && !cert.getCritOptions().isEmpty()) {
            return "it has critical options (" + String.join(", ", cert.getCritOptions().keySet())
                    + "), which a host certificate may not have";
        }
        try {
            String problem = KeyType.CertUtils.verifyHostCertificate(raw, cert, host);
            return problem == null ? null : "its signature does not verify (" + problem + ")";
        } catch (Buffer.BufferException | RuntimeException e) {
            return "its signature cannot be checked (" + e.getMessage() + ")";
        }
    }

    /**
     * The host key algorithms to ask the node for first: those of the keys known for it (RSA keys
     * under their SHA-2 signature names too, which OpenSSH servers use) and, when a CA is known
     * for it, certificates, so a node with several keys shows the one that is known.
     */
    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        List<KnownHosts.Entry> entries;
        try {
            entries = applicable(lookupName(hostname, port));
        } catch (IOException e) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (KnownHosts.Entry e : entries) {
            if (e.marker() == KnownHosts.Marker.CERT_AUTHORITY) {
                for (KeyType t : KeyType.values()) {
                    if (t.getParent() != null) {
                        out.add(t.toString());
                    }
                }
            } else if (e.marker() == KnownHosts.Marker.NONE) {
                if (e.keyType().equals("ssh-rsa")) {
                    out.add("rsa-sha2-512");
                    out.add("rsa-sha2-256");
                }
                out.add(e.keyType());
            }
        }
        return List.copyOf(out);
    }

    // looked up when something is logged, not at class load: the JDK finds its logger by scanning every
    // jar on the class path for a service, 20-30 ms at each start of a one-shot command
    private static System.Logger log() {
        return System.getLogger(KnownHostsVerifier.class.getName());
    }
}
