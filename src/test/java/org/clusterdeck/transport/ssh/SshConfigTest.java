package org.clusterdeck.transport.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ssh_config(5) as OpenSSH reads it. The configs below are resolved by ClusterDeck and by
 * {@code ssh -G -F FILE HOST}, OpenSSH's own resolution, and the results compared.
 */
class SshConfigTest {
    @TempDir
    Path dir;

    private Path config(String text) throws IOException {
        Path f = dir.resolve("config" + Files.list(dir).count());
        Files.writeString(f, text);
        return f;
    }

    private SshConfig.Resolved resolve(Path config, String address) {
        return SshConfig.file(config).withHome(dir, "me").resolve(SshAddress.parse(address), "root");
    }

    @Test
    void anAliasGetsItsHostNameUserPortAndKeys() throws IOException {
        Path c = config("""
                # the cluster
                Host web1 web1.lan
                    HostName 10.0.0.5
                    User admin
                    Port 2222
                    IdentityFile ~/.ssh/web_key
                    UserKnownHostsFile ~/kh/%h_%p "/tmp/with space"
                Host *
                    User nobody
                    IdentityFile /keys/all
                    Port 22
                """);
        SshConfig.Resolved r = resolve(c, "web1");
        assertEquals("10.0.0.5", r.hostName());
        assertEquals("admin", r.user(), "the first value obtained wins over Host *");
        assertEquals(2222, r.port());
        assertEquals(List.of(dir.resolve(".ssh/web_key"), Path.of("/keys/all")), r.identityFiles(),
                "every IdentityFile adds a key, in order");
        assertEquals(List.of(dir.resolve("kh/10.0.0.5_2222"), Path.of("/tmp/with space")), r.userKnownHostsFiles());
        assertEquals("admin@web1", r.display(), "an alias is shown as the admin named it");
        assertEquals(new SshTarget("admin", "10.0.0.5", 2222), r.target());
    }

    @Test
    void whatTheAddressNamesWinsOverTheConfig() throws IOException {
        Path c = config("Host web1\n  User admin\n  Port 2222\n");
        SshConfig.Resolved r = resolve(c, "deploy@web1:22");
        assertEquals("deploy", r.user());
        assertEquals(22, r.port());
        assertEquals("web1", r.hostName());
    }

    @Test
    void anUnknownNameIsItselfAndGetsTheDefaults() throws IOException {
        SshConfig.Resolved r = resolve(config("Host other\n  HostName 1.2.3.4\n"), "Node1.Example");
        assertEquals("node1.example", r.hostName(), "lowercased, as ssh does");
        assertEquals("root", r.user());
        assertEquals(22, r.port());
        assertEquals(List.of(), r.identityFiles());
        assertEquals(List.of(dir.resolve(".ssh/known_hosts"), dir.resolve(".ssh/known_hosts2")), r.userKnownHostsFiles());
        assertEquals(List.of(Path.of("/etc/ssh/ssh_known_hosts"), Path.of("/etc/ssh/ssh_known_hosts2")),
                r.globalKnownHostsFiles());
        assertEquals(List.of(), r.proxyJump());
    }

    @Test
    void patternsWildcardsAndNegation() {
        assertTrue(SshConfig.hostMatches("web1", List.of("web*")));
        assertTrue(SshConfig.hostMatches("web1", List.of("db", "w?b1")));
        assertTrue(!SshConfig.hostMatches("web3", List.of("web*", "!web3")), "a negated match excludes the line");
        assertTrue(!SshConfig.hostMatches("web3", List.of("!web3", "web*")));
        assertTrue(!SshConfig.hostMatches("x", List.of("!web3")), "only negations: nothing matched");
        assertTrue(!SshConfig.hostMatches("WEB1", List.of("web1")), "Host patterns are case-sensitive");
        assertTrue(SshConfig.wildcard("a.b.c", "*.c"));
        assertTrue(!SshConfig.wildcard("a.b.c", "a.?"));
        assertTrue(SshConfig.wildcard("", "*"));
    }

    @Test
    void includeAppliesWhereItStandsRelativeFilesFromDotSsh() throws IOException {
        Files.createDirectories(dir.resolve(".ssh/conf.d"));
        Files.writeString(dir.resolve(".ssh/conf.d/10-web.conf"), "Host web1\n  Port 2201\n");
        Files.writeString(dir.resolve(".ssh/conf.d/20-all.conf"), "Host *\n  Port 2299\n  User incl\n");
        Files.writeString(dir.resolve(".ssh/only-db.conf"), "HostName db.inner\n");
        Path c = config("""
                Include conf.d/*.conf
                Host db
                  Include only-db.conf
                  User dbadmin
                """);
        assertEquals(2201, resolve(c, "web1").port());
        assertEquals("incl", resolve(c, "web1").user());
        assertEquals(2299, resolve(c, "other").port());
        assertEquals("db.inner", resolve(c, "db").hostName());
        assertEquals("other", resolve(c, "other").hostName(), "an Include inside a Host block only applies to it");
        assertEquals("incl", resolve(c, "db").user(), "Host * in the first Include came first");
    }

    @Test
    void matchIsRefusedWithFileAndLine() throws IOException {
        Path c = config("Host a\n  Port 1\nMatch host b\n  Port 2\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> resolve(c, "a"));
        assertEquals("ssh config " + c + " line 3: Match blocks are not supported by ClusterDeck (only Host blocks are);"
                + " put these settings in a Host block, or name another config file (--ssh-config FILE, or none)",
                e.getMessage());
    }

    @Test
    void proxyCommandIsRefusedButProxyJumpFirstWins() throws IOException {
        Path c = config("Host a\n  ProxyCommand nc %h %p\nHost b\n  ProxyJump j1\nHost *\n  ProxyCommand nc %h %p\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> resolve(c, "a"));
        assertTrue(e.getMessage().startsWith("ssh config " + c + " line 2: ProxyCommand is not supported"), e.getMessage());
        assertEquals(List.of(new SshAddress(null, "j1", null)), resolve(c, "b").proxyJump(),
                "ProxyJump and ProxyCommand compete: the first one wins");
        Path none = config("Host a\n  ProxyCommand none\n  ProxyJump j\n");
        assertEquals(List.of(), resolve(none, "a").proxyJump());
    }

    @Test
    void badValuesNameTheLine() throws IOException {
        Path c = config("Host a\n  Port http\n");
        assertEquals("ssh config " + c + " line 2: Port \"http\" is not a number from 1 to 65535",
                assertThrows(IllegalArgumentException.class, () -> resolve(c, "a")).getMessage());
        Path t = config("Host a\n  IdentityFile ~/.ssh/%z\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> resolve(t, "a")).getMessage()
                .endsWith("line 2: IdentityFile \"~/.ssh/%z\" has the token %z, which is unknown there"));
        Path q = config("Host a\n  HostName \"unterminated\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> resolve(q, "a")).getMessage()
                .endsWith("line 2: unterminated quote"));
        Path v = config("Host a\n  IdentityFile ${CLUSTERDECK_NO_SUCH_VARIABLE}/k\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> resolve(v, "a")).getMessage()
                .contains("names the environment variable CLUSTERDECK_NO_SUCH_VARIABLE, which is not set"));
    }

    @Test
    void noConfigFileIsNoConfigAndTheOldDefaults() {
        SshConfig.Resolved r = SshConfig.none().withHome(dir, "me").resolve(SshAddress.parse("web1"), "root");
        assertEquals("web1", r.hostName());
        assertEquals(List.of(dir.resolve(".ssh/known_hosts")), r.userKnownHostsFiles());
        assertEquals(List.of(), r.globalKnownHostsFiles());
        SshConfig.Resolved missing = SshConfig.file(dir.resolve("absent")).resolve(SshAddress.parse("web1"), "root");
        assertEquals("web1", missing.hostName(), "a missing file is an empty one, as for ssh");
    }

    @Test
    void jumpListsParse() {
        assertEquals(List.of(new SshAddress("bob", "jump", 2200), new SshAddress(null, "j2", null),
                new SshAddress("u", "j3", 22)), SshConfig.parseJumps("bob@jump:2200,j2,ssh://u@j3:22", null));
        assertEquals(List.of(), SshConfig.parseJumps("none", null));
        assertThrows(IllegalArgumentException.class, () -> SshConfig.parseJumps("a,,b", null));
    }

    // --- compared with OpenSSH's own resolution -------------------------------------------------

    static final String COMPARED = """
            Host web* !web3
                HostName %h.example.com
                Port 2222
                UserKnownHostsFile ~/kh/%h_%p_%r %n %d/x %u
            Host db = db.lan
                HostName 10.1.2.3
                User = dba
                Port=2201
                IdentityFile /keys/db
                HostKeyAlias dbkey
                UserKnownHostsFile "/kh/with space" /kh/two
            Host bastion
                HostName 192.0.2.9
                User jumper
            Host *.inner
                ProxyJump bastion,ops@hop2:2022
                User inner # trailing comment
            Host UPPER
                Port 1234
            Host *
                IdentityFile /keys/all
                GlobalKnownHostsFile /g/one /g/two
                ProxyJump none
            """;

    @ParameterizedTest
    @ValueSource(strings = {"web1", "web3", "WEB1", "db", "db.lan", "bastion", "a.inner", "UPPER", "upper", "other",
            "admin@web2:2022", "x@b.inner"})
    void resolvesAsSshDashGDoes(String address) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh")), "needs OpenSSH's ssh client (ssh -G) to compare with");
        Path c = config(COMPARED);
        Map<String, List<String>> g = sshG(c, address);
        Path home = Path.of(g.get("_home").get(0));
        String localUser = g.get("_user").get(0);
        SshConfig.Resolved r = SshConfig.file(c).withHome(home, localUser).resolve(SshAddress.parse(address), localUser);
        assertEquals(g.get("hostname").get(0), r.hostName(), "hostname");
        assertEquals(g.get("user").get(0), r.user(), "user");
        assertEquals(g.get("port").get(0), Integer.toString(r.port()), "port");
        assertEquals(String.join(" ", g.get("userknownhostsfile")),
                String.join(" ", r.userKnownHostsFiles().stream().map(Path::toString).toList()), "userknownhostsfile");
        assertEquals(String.join(" ", g.get("globalknownhostsfile")),
                String.join(" ", r.globalKnownHostsFiles().stream().map(Path::toString).toList()), "globalknownhostsfile");
        // ssh -G prints IdentityFile unexpanded; these have no tokens
        assertEquals(g.getOrDefault("identityfile", List.of()),
                r.identityFiles().stream().map(Path::toString).toList(), "identityfile");
        assertEquals(g.getOrDefault("proxyjump", List.of()).stream().findFirst().orElse(null),
                r.proxyJump().isEmpty() ? null : String.join(",", r.proxyJump().stream().map(SshAddress::display).toList()),
                "proxyjump");
        assertEquals(g.getOrDefault("hostkeyalias", List.of()).stream().findFirst().orElse(null), r.hostKeyAlias(),
                "hostkeyalias");
    }

    /**
     * {@code ssh -G}'s answer, keyword → words (IdentityFile: one per line); also the home directory
     * and the user ssh expands {@code ~}, %d and %u to (from the password database, not $HOME).
     */
    static Map<String, List<String>> sshG(Path config, String address) throws Exception {
        SshAddress a = SshAddress.parse(address);
        List<String> cmd = new ArrayList<>(List.of("ssh", "-G", "-F", config.toString()));
        if (a.user() != null) {
            cmd.addAll(List.of("-l", a.user()));
        }
        if (a.port() != null) {
            cmd.addAll(List.of("-p", a.port().toString()));
        }
        cmd.add(a.host());
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String line : run(cmd).split("\n")) {
            String[] kv = line.split(" ", 2);
            if (kv.length < 2) {
                continue;
            }
            if (kv[0].equals("identityfile")) {
                out.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(kv[1]);
            } else {
                out.put(kv[0], List.of(kv[1].split(" (?=/)")));
            }
        }
        String user = run(List.of("id", "-un")).strip();
        String[] pw = run(List.of("getent", "passwd", user)).strip().split(":");
        out.put("_home", List.of(pw[5]));
        out.put("_user", List.of(user));
        return out;
    }

    private static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).redirectInput(ProcessBuilder.Redirect.from(
                new java.io.File("/dev/null"))).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), cmd + ": " + err);
        return text;
    }
}
