package org.clusterdeck.transport.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The OpenSSH client configuration (ssh_config(5)) as {@code ssh} reads it for one host, for the
 * keywords that decide where and as whom ClusterDeck logs in: {@code HostName}, {@code User},
 * {@code Port}, {@code IdentityFile}, {@code UserKnownHostsFile}, {@code GlobalKnownHostsFile},
 * {@code HostKeyAlias}, {@code HashKnownHosts}, {@code ProxyJump} and {@code Include}.
 *
 * <p>As in OpenSSH: files are read in order (the user's, then the system's), {@code Host} lines
 * take several patterns with {@code *}, {@code ?} and {@code !negation} matched against the name
 * as given, the first value obtained for a keyword wins (what the address itself names wins over
 * every file), every {@code IdentityFile} line adds a key, {@code HostName} is lowercased, and
 * {@code %h %p %r %u %n %d %i %k %l %L %C %%}, {@code ~} and {@code ${VAR}} are expanded in
 * IdentityFile and UserKnownHostsFile. What ClusterDeck cannot honour and would otherwise
 * misread is refused with the file and line: {@code Match} blocks, {@code ProxyCommand},
 * {@code CanonicalizeHostname yes}. Other keywords (ciphers, forwarding, …) do not change where a
 * node is and are ignored. Files are read when a host is resolved, so edits count from the next
 * connection.
 */
public final class SshConfig {
    /** System property naming the config file to use instead of the user's ({@code none}: no file). */
    public static final String PROPERTY = "clusterdeck.sshConfig";
    private static final int MAX_INCLUDE_DEPTH = 16;
    private static final Path SYSTEM_CONFIG = Path.of("/etc/ssh/ssh_config");

    /** A config file and whether it is the user's (relative Includes from ~/.ssh) or the system's (/etc/ssh). */
    private record Source(Path file, boolean user) {
    }

    private final List<Source> sources;
    /** False only for {@link #none()}: ClusterDeck's own defaults from before ssh config was read. */
    private final boolean openSshDefaults;
    private final Path home;
    private final String localUser;
    private final Function<String, String> env;

    private SshConfig(List<Source> sources, boolean openSshDefaults, Path home, String localUser,
            Function<String, String> env) {
        this.sources = List.copyOf(sources);
        this.openSshDefaults = openSshDefaults;
        this.home = home;
        this.localUser = localUser;
        this.env = env;
    }

    private static Path userHome() {
        return Path.of(System.getProperty("user.home"));
    }

    /**
     * No config at all and ClusterDeck's older defaults: only {@code ~/.ssh/known_hosts}, no
     * global known_hosts files. For callers that give every setting themselves.
     */
    public static SshConfig none() {
        return new SshConfig(List.of(), false, userHome(), System.getProperty("user.name"), System::getenv);
    }

    /** What {@code ssh} reads: {@code ~/.ssh/config}, then {@code /etc/ssh/ssh_config}. */
    public static SshConfig openSsh() {
        return new SshConfig(List.of(new Source(userHome().resolve(".ssh/config"), true), new Source(SYSTEM_CONFIG, false)),
                true, userHome(), System.getProperty("user.name"), System::getenv);
    }

    /** Like {@code ssh -F FILE}: only that file (the system's is not read); {@code none}: no file. */
    public static SshConfig file(Path file) {
        List<Source> src = file.toString().equals("none") ? List.of() : List.of(new Source(file, true));
        return new SshConfig(src, true, userHome(), System.getProperty("user.name"), System::getenv);
    }

    /**
     * The config the console uses: the file named by {@code setting} (as {@code ssh -F}, {@code none}
     * for none) or, when null or blank, the system property {@value #PROPERTY}, else {@link #openSsh()}.
     */
    public static SshConfig fromSetting(String setting) {
        if (setting == null || setting.isBlank()) {
            setting = System.getProperty(PROPERTY);
        }
        return setting == null || setting.isBlank() ? openSsh() : file(Path.of(setting.strip()));
    }

    /** The same files read for another home directory and local user (what {@code ~}, %d and %u expand to). */
    public SshConfig withHome(Path home, String localUser) {
        return new SshConfig(sources, openSshDefaults, home, localUser, env);
    }

    /** The same, with environment variables for {@code ${VAR}} taken from {@code env}. */
    public SshConfig withEnvironment(Function<String, String> env) {
        return new SshConfig(sources, openSshDefaults, home, localUser, env);
    }

    /** The files read, in order (Includes not shown). */
    public List<Path> files() {
        return sources.stream().map(Source::file).toList();
    }

    /**
     * Everything known about one host after reading the config.
     *
     * @param alias                 the name as given (what {@code Host} patterns were matched against)
     * @param hostName              where to connect: {@code HostName} or the name given, lowercased
     * @param identityFiles         the {@code IdentityFile}s, expanded, in order; empty when none is configured
     * @param userKnownHostsFiles   {@code UserKnownHostsFile}, expanded, or the default; the first one gets new keys
     * @param globalKnownHostsFiles {@code GlobalKnownHostsFile} or the default; only read
     * @param proxyJump             the jump hosts, first hop first; empty for direct
     * @param hostKeyAlias          the name to look up in known_hosts instead of the host's; null for none
     * @param hashKnownHosts        whether a new known_hosts line hides the host name ({@code HashKnownHosts})
     * @param jumpFromConfig        whether {@code proxyJump} came from the config (a first hop's own config may add hops)
     */
    public record Resolved(String alias, String hostName, String user, int port, List<Path> identityFiles,
            List<Path> userKnownHostsFiles, List<Path> globalKnownHostsFiles, List<SshAddress> proxyJump,
            String hostKeyAlias, boolean hashKnownHosts, boolean jumpFromConfig) {
        public Resolved {
            identityFiles = List.copyOf(identityFiles);
            userKnownHostsFiles = List.copyOf(userKnownHostsFiles);
            globalKnownHostsFiles = List.copyOf(globalKnownHostsFiles);
            proxyJump = List.copyOf(proxyJump);
        }

        /** Where the connection goes. */
        public SshTarget target() {
            return new SshTarget(user, hostName, port);
        }

        /**
         * As shown: the name as given, with the user, e.g. {@code admin@web1}; the port too when the
         * name is no alias of another host name ({@code root@10.0.0.5:2222}).
         */
        public String display() {
            boolean showPort = port != 22 && hostName.equalsIgnoreCase(alias);
            return user + "@" + (alias.contains(":") ? "[" + alias + "]" : alias) + (showPort ? ":" + port : "");
        }
    }

    /** What one pass over the files obtained: the first value of each keyword, every IdentityFile. */
    private static final class Values {
        String hostName;
        String user;
        String port;
        List<String> userKnownHosts;
        List<String> globalKnownHosts;
        /** ProxyJump or ProxyCommand, whichever came first (they compete, as in OpenSSH). */
        String proxyKeyword;
        String proxyValue;
        String hostKeyAlias;
        String hashKnownHosts;
        final List<String> identityFiles = new ArrayList<>();
        /** Where each value came from, for messages: keyword → "file line n". */
        final Map<String, String> where = new java.util.HashMap<>();
    }

    /**
     * Resolves {@code address} as {@code ssh} would: what the address names wins, then the first
     * value in the files, then the defaults ({@code defaultUser}, port 22).
     *
     * @throws IllegalArgumentException naming the file and line for what cannot be read or honoured
     */
    public Resolved resolve(SshAddress address, String defaultUser) {
        String alias = address.host();
        Values v = new Values();
        for (Source s : sources) {
            read(s.file(), s.user(), alias, v, new boolean[] {true}, false, 0, false);
        }
        if ("proxycommand".equals(v.proxyKeyword) && !"none".equalsIgnoreCase(v.proxyValue)) {
            throw new IllegalArgumentException(v.where.get("proxy") + ": ProxyCommand is not supported by ClusterDeck"
                    + " (it reaches nodes itself, directly or with ProxyJump); use ProxyJump for " + alias);
        }
        String hostName = v.hostName == null ? alias
                : expand(v.hostName, Map.of('h', alias), "HostName", v.where.get("hostname"));
        hostName = hostName.toLowerCase(Locale.ROOT);
        String user = address.user() != null ? address.user() : v.user != null ? v.user : defaultUser;
        int port;
        if (address.port() != null) {
            port = address.port();
        } else if (v.port != null) {
            port = parsePort(v.port, v.where.get("port"));
        } else {
            port = 22;
        }
        String hostKeyAlias = v.hostKeyAlias == null || v.hostKeyAlias.equalsIgnoreCase("none") ? null : v.hostKeyAlias;
        Map<Character, String> tokens = tokens(alias, hostName, user, port, hostKeyAlias);
        List<Path> identities = new ArrayList<>();
        for (String f : v.identityFiles) {
            if (!f.equalsIgnoreCase("none")) {
                identities.add(path(f, tokens, "IdentityFile", v.where.get("identityfile " + f)));
            }
        }
        List<Path> userKnownHosts = new ArrayList<>();
        if (v.userKnownHosts != null) {
            for (String f : v.userKnownHosts) {
                if (!f.equalsIgnoreCase("none")) {
                    userKnownHosts.add(path(f, tokens, "UserKnownHostsFile", v.where.get("userknownhostsfile")));
                }
            }
        } else {
            userKnownHosts.add(home.resolve(".ssh/known_hosts"));
            if (openSshDefaults) {
                userKnownHosts.add(home.resolve(".ssh/known_hosts2"));
            }
        }
        List<Path> globalKnownHosts = new ArrayList<>();
        if (v.globalKnownHosts != null) {
            for (String f : v.globalKnownHosts) {
                if (!f.equalsIgnoreCase("none")) {
                    globalKnownHosts.add(path(f, tokens, "GlobalKnownHostsFile", v.where.get("globalknownhostsfile")));
                }
            }
        } else if (openSshDefaults) {
            globalKnownHosts.add(Path.of("/etc/ssh/ssh_known_hosts"));
            globalKnownHosts.add(Path.of("/etc/ssh/ssh_known_hosts2"));
        }
        List<SshAddress> jumps = "proxyjump".equals(v.proxyKeyword)
                ? parseJumps(v.proxyValue, v.where.get("proxy")) : List.of();
        boolean hash = v.hashKnownHosts != null && parseFlag(v.hashKnownHosts, "HashKnownHosts", v.where.get("hashknownhosts"));
        return new Resolved(alias, hostName, user, port, identities, userKnownHosts, globalKnownHosts, jumps,
                hostKeyAlias, hash, !jumps.isEmpty());
    }

    /** A ProxyJump value: {@code none}, or comma-separated {@code [user@]host[:port]} or {@code ssh://} URIs. */
    public static List<SshAddress> parseJumps(String value, String where) {
        if (value == null || value.equalsIgnoreCase("none")) {
            return List.of();
        }
        List<SshAddress> out = new ArrayList<>();
        for (String hop : value.split(",", -1)) {
            String h = hop.strip();
            if (h.startsWith("ssh://")) {
                h = h.substring("ssh://".length());
                if (h.endsWith("/")) {
                    h = h.substring(0, h.length() - 1);
                }
            }
            try {
                out.add(SshAddress.parse(h));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException((where == null ? "" : where + ": ") + "ProxyJump hop \"" + hop
                        + "\" is not [user@]host[:port]");
            }
        }
        return out;
    }

    /**
     * One file, as OpenSSH's read_config_file: {@code active[0]} says whether the current Host block
     * applies; {@code neverMatch} for a file included from a block that does not apply.
     */
    private void read(Path file, boolean userFile, String alias, Values v, boolean[] active, boolean neverMatch,
            int depth, boolean mustExist) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            if (mustExist) {
                throw new IllegalArgumentException("ssh config " + file + " does not exist");
            }
            return;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read ssh config " + file + ": " + e.getMessage());
        }
        for (int i = 0; i < lines.size(); i++) {
            String where = "ssh config " + file + " line " + (i + 1);
            List<String> words = split(lines.get(i), where);
            if (words.isEmpty()) {
                continue;
            }
            String keyword = words.get(0).toLowerCase(Locale.ROOT);
            List<String> args = words.subList(1, words.size());
            switch (keyword) {
                case "host" -> {
                    if (args.isEmpty()) {
                        throw new IllegalArgumentException(where + ": Host without a pattern");
                    }
                    active[0] = !neverMatch && hostMatches(alias, args);
                }
                case "match" -> throw new IllegalArgumentException(where + ": Match blocks are not supported by"
                        + " ClusterDeck (only Host blocks are); put these settings in a Host block, or name another"
                        + " config file (--ssh-config FILE, or none)");
                case "include" -> {
                    if (args.isEmpty()) {
                        throw new IllegalArgumentException(where + ": Include without a file");
                    }
                    if (depth >= MAX_INCLUDE_DEPTH) {
                        throw new IllegalArgumentException(where + ": Include nested too deeply");
                    }
                    boolean before = active[0];
                    for (String pattern : args) {
                        for (Path inc : glob(pattern, userFile, where)) {
                            read(inc, userFile, alias, v, active, neverMatch || !before, depth + 1, false);
                        }
                    }
                    active[0] = before;
                }
                default -> {
                    if (active[0]) {
                        obtain(keyword, args, v, where);
                    }
                }
            }
        }
    }

    private void obtain(String keyword, List<String> args, Values v, String where) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException(where + ": " + keyword + " without a value");
        }
        String first = args.get(0);
        switch (keyword) {
            case "hostname" -> v.hostName = first(v.hostName, first, "hostname", v, where);
            case "user" -> v.user = first(v.user, first, "user", v, where);
            case "port" -> v.port = first(v.port, first, "port", v, where);
            case "hostkeyalias" -> v.hostKeyAlias = first(v.hostKeyAlias, first, "hostkeyalias", v, where);
            case "hashknownhosts" -> v.hashKnownHosts = first(v.hashKnownHosts, first, "hashknownhosts", v, where);
            case "userknownhostsfile" -> v.userKnownHosts = first(v.userKnownHosts, List.copyOf(args),
                    "userknownhostsfile", v, where);
            case "globalknownhostsfile" -> v.globalKnownHosts = first(v.globalKnownHosts, List.copyOf(args),
                    "globalknownhostsfile", v, where);
            case "identityfile" -> {
                v.identityFiles.add(first);
                v.where.putIfAbsent("identityfile " + first, where);
            }
            case "proxyjump", "proxycommand" -> {
                if (v.proxyKeyword == null) {
                    v.proxyKeyword = keyword;
                    v.proxyValue = keyword.equals("proxycommand") ? String.join(" ", args) : first;
                    v.where.put("proxy", where);
                }
            }
            case "canonicalizehostname" -> {
                if (!v.where.containsKey("canonicalizehostname")) {
                    v.where.put("canonicalizehostname", where);
                    if (!first.equalsIgnoreCase("no") && !first.equalsIgnoreCase("false")) {
                        throw new IllegalArgumentException(where + ": CanonicalizeHostname " + first
                                + " is not supported by ClusterDeck; Host patterns are matched against the name as given");
                    }
                }
            }
            default -> {
                // not about where a node is or who logs in: ciphers, forwarding, terminal, …
            }
        }
    }

    private static <T> T first(T current, T value, String key, Values v, String where) {
        if (current != null) {
            return current;
        }
        v.where.put(key, where);
        return value;
    }

    /**
     * A Host line's patterns against the name: it applies when one pattern matches and no negated
     * one does (ssh_config(5) PATTERNS), case-sensitively.
     */
    static boolean hostMatches(String host, List<String> patterns) {
        boolean matched = false;
        for (String p : patterns) {
            if (p.startsWith("!")) {
                if (wildcard(host, p.substring(1))) {
                    return false;
                }
            } else if (wildcard(host, p)) {
                matched = true;
            }
        }
        return matched;
    }

    /** OpenSSH's match_pattern: {@code *} any run of characters, {@code ?} exactly one, the rest literal. */
    static boolean wildcard(String s, String pattern) {
        int si = 0;
        int pi = 0;
        int starP = -1;
        int starS = 0;
        while (si < s.length()) {
            if (pi < pattern.length() && (pattern.charAt(pi) == '?' || pattern.charAt(pi) == s.charAt(si))) {
                si++;
                pi++;
            } else if (pi < pattern.length() && pattern.charAt(pi) == '*') {
                starP = pi++;
                starS = si;
            } else if (starP >= 0) {
                pi = starP + 1;
                si = ++starS;
            } else {
                return false;
            }
        }
        while (pi < pattern.length() && pattern.charAt(pi) == '*') {
            pi++;
        }
        return pi == pattern.length();
    }

    /**
     * Splits a line into keyword and arguments as OpenSSH does: the keyword ends at a blank or
     * {@code =} (one {@code =} may stand between it and the arguments), the arguments are words
     * separated by blanks, double or single quotes group, a backslash escapes, and a word that
     * starts with {@code #} starts a comment. An empty list for a blank or comment line.
     */
    static List<String> split(String line, String where) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) {
            return List.of();
        }
        int k = 0;
        while (k < s.length() && !Character.isWhitespace(s.charAt(k)) && s.charAt(k) != '=') {
            k++;
        }
        List<String> out = new ArrayList<>();
        out.add(s.substring(0, k));
        int i = k;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '=') {
            i++;
        }
        out.addAll(argv(s.substring(i), where));
        return out;
    }

    /** Blank-separated words with quotes and backslashes, up to a word that starts with {@code #}. */
    static List<String> argv(String text, String where) {
        List<String> out = new ArrayList<>();
        StringBuilder w = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == quote || text.charAt(i + 1) == '\\')) {
                    w.append(text.charAt(++i));
                } else {
                    w.append(c);
                }
                continue;
            }
            if (Character.isWhitespace(c)) {
                if (w != null) {
                    out.add(w.toString());
                    w = null;
                }
                continue;
            }
            if (w == null) {
                if (c == '#') {
                    break;
                }
                w = new StringBuilder();
            }
            if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '\\' && i + 1 < text.length()) {
                w.append(text.charAt(++i));
            } else {
                w.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException(where + ": unterminated quote");
        }
        if (w != null) {
            out.add(w.toString());
        }
        return out;
    }

    private List<Path> glob(String pattern, boolean userFile, String where) {
        String p = tilde(pattern, where);
        Path path = Path.of(p);
        if (!path.isAbsolute()) {
            path = (userFile ? home.resolve(".ssh") : Path.of("/etc/ssh")).resolve(p);
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        Path dir = path.getParent();
        if (!name.contains("*") && !name.contains("?") && !name.contains("[")) {
            return List.of(path);
        }
        if (dir.toString().contains("*") || dir.toString().contains("?")) {
            throw new IllegalArgumentException(where + ": Include with wildcards in a directory name is not supported");
        }
        TreeSet<Path> found = new TreeSet<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, name)) {
            ds.forEach(found::add);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": cannot list " + dir + ": " + e.getMessage());
        }
        return List.copyOf(found);
    }

    private static int parsePort(String text, String where) {
        try {
            int p = Integer.parseInt(text);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(where + ": Port \"" + text + "\" is not a number from 1 to 65535");
    }

    private static boolean parseFlag(String text, String keyword, String where) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> {
                return true;
            }
            case "no", "false" -> {
                return false;
            }
            default -> throw new IllegalArgumentException(where + ": " + keyword + " must be yes or no, not \"" + text + "\"");
        }
    }

    private Map<Character, String> tokens(String alias, String hostName, String user, int port, String hostKeyAlias) {
        String local = localHostName();
        Map<Character, String> t = new java.util.HashMap<>();
        t.put('h', hostName);
        t.put('n', alias);
        t.put('p', Integer.toString(port));
        t.put('r', user);
        t.put('u', localUser);
        t.put('d', home.toString());
        t.put('l', local);
        t.put('L', local.contains(".") ? local.substring(0, local.indexOf('.')) : local);
        t.put('k', hostKeyAlias != null ? hostKeyAlias : alias);
        t.put('C', sha1Hex(local + hostName + port + user));
        String uid = uid();
        if (uid != null) {
            t.put('i', uid);
        }
        return t;
    }

    private Path path(String value, Map<Character, String> tokens, String keyword, String where) {
        try {
            return Path.of(expand(env(tilde(value, where), keyword, where), tokens, keyword, where));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace('"' + tilde(value, where) + '"', '"' + value + '"'), e);
        }
    }

    private String tilde(String value, String where) {
        if (value.equals("~")) {
            return home.toString();
        }
        if (value.startsWith("~/")) {
            return home + value.substring(1);
        }
        if (value.startsWith("~")) {
            throw new IllegalArgumentException(where + ": ~user in \"" + value + "\" is not supported; write the path out");
        }
        return value;
    }

    /** {@code ${VAR}} from the environment, as OpenSSH expands it in these keywords. */
    private String env(String value, String keyword, String where) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            int start = value.indexOf("${", i);
            if (start < 0) {
                out.append(value, i, value.length());
                break;
            }
            int end = value.indexOf('}', start);
            if (end < 0) {
                throw new IllegalArgumentException(where + ": " + keyword + " \"" + value + "\" has an unclosed ${");
            }
            out.append(value, i, start);
            String name = value.substring(start + 2, end);
            String val = env.apply(name);
            if (val == null) {
                throw new IllegalArgumentException(where + ": " + keyword + " \"" + value + "\" names the environment"
                        + " variable " + name + ", which is not set");
            }
            out.append(val);
            i = end + 1;
        }
        return out.toString();
    }

    private static String expand(String value, Map<Character, String> tokens, String keyword, String where) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 1 >= value.length()) {
                throw new IllegalArgumentException(where + ": " + keyword + " \"" + value + "\" ends with a lone %");
            }
            char t = value.charAt(++i);
            if (t == '%') {
                out.append('%');
            } else if (tokens.containsKey(t)) {
                out.append(tokens.get(t));
            } else {
                throw new IllegalArgumentException(where + ": " + keyword + " \"" + value + "\" has the token %" + t
                        + ", which is unknown there");
            }
        }
        return out.toString();
    }

    private static String localHostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException e2) {
                return "localhost";
            }
        }
    }

    private static String uid() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return String.valueOf(uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String sha1Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
