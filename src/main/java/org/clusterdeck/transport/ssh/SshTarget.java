package org.clusterdeck.transport.ssh;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where to log in: {@code [user@]host[:port]}, IPv6 addresses in brackets ({@code [fe80::1]:2222}). */
public record SshTarget(String user, String host, int port) {
    private static final Pattern FORM = Pattern.compile("(?:([^@\\s]+)@)?(\\[[0-9A-Fa-f:.]+]|[^:@\\s\\[\\]]+)(?::(\\d+))?");

    public SshTarget {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("empty host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Parses the command-line form; {@code defaultUser} applies when the text names no user. */
    public static SshTarget parse(String text, String defaultUser) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not [user@]host[:port]: " + text);
        }
        String host = m.group(2);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = m.group(3) == null ? 22 : Integer.parseInt(m.group(3));
        return new SshTarget(m.group(1) != null ? m.group(1) : defaultUser, host, port);
    }

    /** How it is shown to the admin, e.g. {@code root@10.99.0.11} or {@code admin@[fe80::1]:2222}. */
    public String display() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return user + "@" + h + (port == 22 ? "" : ":" + port);
    }
}
