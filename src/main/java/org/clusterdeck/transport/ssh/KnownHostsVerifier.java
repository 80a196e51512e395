package org.clusterdeck.transport.ssh;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * Verifies host keys against an OpenSSH known_hosts file. A changed key is always refused. An
 * unknown key is trusted and appended to the file when the admin chose trust-on-first-use
 * (OpenSSH's accept-new) or, asked with its fingerprint, accepts it; otherwise it is refused.
 * The refusal is kept so the caller can say exactly why.
 */
final class KnownHostsVerifier extends OpenSSHKnownHosts {
    private final boolean acceptNew;
    private final SshPrompter prompter;
    private volatile HostKeyException rejection;

    KnownHostsVerifier(File knownHosts, boolean acceptNew, SshPrompter prompter) throws IOException {
        super(ensureExists(knownHosts));
        this.acceptNew = acceptNew;
        this.prompter = prompter;
    }

    private static File ensureExists(File f) throws IOException {
        if (!f.exists()) {
            File dir = f.getAbsoluteFile().getParentFile();
            if (dir != null) {
                Files.createDirectories(dir.toPath());
            }
            Files.createFile(f.toPath());
        }
        return f;
    }

    HostKeyException rejection() {
        return rejection;
    }

    @Override
    protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key) {
        String type = KeyType.fromKey(key).toString();
        if (!acceptNew && !prompter.trustHostKey(new UnknownHostKey(hostname, type, fingerprint(key), getFile().toPath()))) {
            rejection = new HostKeyException(hostname, HostKeyException.Reason.UNKNOWN, type, fingerprint(key),
                    getFile().toString());
            return false;
        }
        String line = hostname + " " + type + " " + Base64.getEncoder().encodeToString(blob(key)) + "\n";
        try {
            Files.writeString(getFile().toPath(), line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            log.warn("trusted new host key of {} but could not add it to {}: {}", hostname, getFile(), e.getMessage());
        }
        return true;
    }

    @Override
    protected boolean hostKeyChangedAction(String hostname, PublicKey key) {
        rejection = new HostKeyException(hostname, HostKeyException.Reason.CHANGED, KeyType.fromKey(key).toString(),
                fingerprint(key), getFile().toString());
        return false;
    }

    /** As OpenSSH prints it: {@code SHA256:} and the unpadded base64 of the key blob's SHA-256. */
    static String fingerprint(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob(key));
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] blob(PublicKey key) {
        return new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
    }
}
