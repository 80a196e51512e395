package org.clusterdeck.transport.ssh;

/** Where to log in: {@code [user@]host[:port]}, IPv6 addresses in brackets ({@code [fe80::1]:2222}). */
public record SshTarget(String user, String host, int port) {
    public SshTarget {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("empty host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /**
     * Parses the command-line form; {@code defaultUser} applies when the text names no user. No
     * ssh config is consulted: see {@link SshAddress} for that.
     */
    public static SshTarget parse(String text, String defaultUser) {
        return SshAddress.parse(text).withDefaults(defaultUser);
    }

    /** How it is shown to the admin, e.g. {@code root@10.99.0.11} or {@code admin@[fe80::1]:2222}. */
    public String display() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return user + "@" + h + (port == 22 ? "" : ":" + port);
    }
}
