package org.clusterdeck.transport.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;

/**
 * OpenSSH known_hosts files (sshd(8), "SSH_KNOWN_HOSTS FILE FORMAT"), read as {@code ssh} reads
 * them: an optional marker ({@code @cert-authority}, {@code @revoked}), host patterns (a comma
 * list with {@code *}, {@code ?} and {@code !negation}, {@code [host]:port} for other ports, or
 * one hashed {@code |1|salt|hash} name), key type, base64 key, comment. A line that cannot be read
 * is skipped, as ssh does. Keys are compared as their wire blobs, so key types sshj cannot decode
 * still count as known (and as changed).
 */
final class KnownHosts {
    enum Marker { NONE, CERT_AUTHORITY, REVOKED }

    /** One key line; {@code blob} is the key as sent on the wire. */
    record Entry(Path file, int line, Marker marker, String hosts, String keyType, byte[] blob) {
        boolean appliesTo(String name) {
            if (hosts.startsWith("|")) {
                return hashedMatches(hosts, name);
            }
            return hostListMatches(name, hosts);
        }

        boolean hasKey(byte[] key) {
            return Arrays.equals(blob, key);
        }

        String fingerprint() {
            return KnownHosts.fingerprint(blob);
        }

        /** e.g. {@code ssh-ed25519 SHA256:… (/root/.ssh/known_hosts line 3)}. */
        String describe() {
            return keyType + " " + fingerprint() + " (" + file + " line " + line + ")";
        }
    }

    private KnownHosts() {
    }

    /** Every key line of the files, in order; a missing file has none. */
    static List<Entry> read(List<Path> files) throws IOException {
        List<Entry> out = new ArrayList<>();
        for (Path f : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                continue;
            }
            for (int i = 0; i < lines.size(); i++) {
                Entry e = parse(f, i + 1, lines.get(i));
                if (e != null) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    static Entry parse(Path file, int number, String line) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) {
            return null;
        }
        String[] f = s.split("\\s+");
        int i = 0;
        Marker marker = Marker.NONE;
        if (f[0].startsWith("@")) {
            if (f[0].equals("@cert-authority")) {
                marker = Marker.CERT_AUTHORITY;
            } else if (f[0].equals("@revoked")) {
                marker = Marker.REVOKED;
            } else {
                return null;
            }
            i++;
        }
        if (f.length < i + 3) {
            return null;
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(f[i + 2]);
            // the blob names its own type first: a line whose type field disagrees is not used
            String inner = new Buffer.PlainBuffer(blob).readString();
            if (!inner.equals(f[i + 1])) {
                return null;
            }
        } catch (IllegalArgumentException | Buffer.BufferException e) {
            return null;
        }
        return new Entry(file, number, marker, f[i], f[i + 1], blob);
    }

    /** The name a host is recorded under: lowercase, {@code [host]:port} for ports other than 22. */
    static String name(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        return port == 22 ? h : "[" + h + "]:" + port;
    }

    /**
     * OpenSSH's match_hostname: the comma list applies when one of its patterns matches and none of
     * its negated ones does; patterns are lowercased, {@code *} and {@code ?} are wildcards.
     */
    static boolean hostListMatches(String name, String list) {
        boolean matched = false;
        for (String p : list.split(",")) {
            String pattern = p.toLowerCase(Locale.ROOT);
            boolean negated = pattern.startsWith("!");
            if (negated) {
                pattern = pattern.substring(1);
            }
            if (SshConfig.wildcard(name, pattern)) {
                if (negated) {
                    return false;
                }
                matched = true;
            }
        }
        return matched;
    }

    private static boolean hashedMatches(String hashed, String name) {
        String[] parts = hashed.split("\\|", -1);
        if (parts.length != 4 || !parts[1].equals("1")) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] want = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(want, hmacSha1(salt, name));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code |1|salt|hash} as {@code ssh-keygen -H} and {@code HashKnownHosts yes} write it. */
    static String hash(String name) {
        byte[] salt = new byte[20];
        new SecureRandom().nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return "|1|" + b64.encodeToString(salt) + "|" + b64.encodeToString(hmacSha1(salt, name));
    }

    private static byte[] hmacSha1(byte[] salt, String name) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            return mac.doFinal(name.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key as sent on the wire (for a certificate: the whole certificate). */
    static byte[] blob(PublicKey key) {
        return new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
    }

    /** The SSH type name of a key, e.g. {@code ssh-ed25519}, {@code ssh-ed25519-cert-v01@openssh.com}. */
    static String type(PublicKey key) {
        return KeyType.fromKey(key).toString();
    }

    /** As OpenSSH prints it: {@code SHA256:} and the unpadded base64 of the key blob's SHA-256. */
    static String fingerprint(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A known_hosts line for a newly trusted key. */
    static String line(String name, PublicKey key, boolean hashed) {
        return (hashed ? hash(name) : name) + " " + type(key) + " " + Base64.getEncoder().encodeToString(blob(key));
    }
}
