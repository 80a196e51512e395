package org.clusterdeck.transport.ssh;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node as the admin names it: {@code [user@]host[:port]}, where host may be an alias of the
 * ssh config ({@code Host} block) and user and port may be left out (null) for the config or the
 * defaults to fill in. IPv6 addresses go in brackets ({@code [fe80::1]:2222}).
 */
public record SshAddress(String user, String host, Integer port) {
    private static final Pattern FORM = Pattern.compile("(?:([^@\\s]+)@)?(\\[[0-9A-Fa-f:.]+]|[^:@\\s\\[\\]]+)(?::(\\d+))?");

    public SshAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("empty host");
        }
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (user != null && user.isEmpty()) {
            user = null;
        }
    }

    /** Parses {@code [user@]host[:port]}; what the text leaves out stays null. */
    public static SshAddress parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not [user@]host[:port]: " + text);
        }
        String host = m.group(2);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        Integer port;
        try {
            port = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port out of range: " + m.group(3));
        }
        return new SshAddress(m.group(1), host, port);
    }

    /** Everything given: the target as it is, nothing left for a config to fill in. */
    public static SshAddress of(SshTarget target) {
        return new SshAddress(target.user(), target.host(), target.port());
    }

    /** The target with {@code defaultUser} and port 22 where the text named none, without any ssh config. */
    public SshTarget withDefaults(String defaultUser) {
        return new SshTarget(user != null ? user : defaultUser, host, port != null ? port : 22);
    }

    /** As typed, e.g. {@code web1}, {@code admin@web1} or {@code [fe80::1]:2222}. */
    public String display() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return (user == null ? "" : user + "@") + h + (port == null ? "" : ":" + port);
    }
}
