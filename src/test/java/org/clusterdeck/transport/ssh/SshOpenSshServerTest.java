package org.clusterdeck.transport.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.clusters.ClusterProfile;
import org.clusterdeck.app.connect.ClusterConnector;
import org.clusterdeck.app.nodes.NodeGroup;
import org.clusterdeck.cli.Cli;
import org.clusterdeck.cluster.setup.preflight.NodeFactsReader;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.TransportException;
import org.clusterdeck.transport.TransportException.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real OpenSSH servers on 127.0.0.1 (started once for the class, as root) and real users' SSH
 * files: a node named by its ssh config alias, hashed known_hosts, {@code [host]:port}, several
 * keys per host, {@code @revoked}, {@code @cert-authority} with a host certificate, ProxyJump
 * through a second sshd, and a host key that changes while ClusterDeck is connected. Where it
 * says so, OpenSSH's own {@code ssh} is asked the same question with the same files and must
 * decide the same. Nothing here reads or writes the real home: every file is in a temp directory.
 */
class SshOpenSshServerTest {
    @TempDir
    static Path dir;
    /** Three host keys, ed25519, ecdsa and rsa. */
    static Sshd node;
    /** An ed25519 host key with a certificate for 127.0.0.1 signed by {@link #ca}. */
    static Sshd certNode;
    /** The jump host: logs direct-tcpip requests. */
    static Sshd jump;
    static Path userKey;
    static Path ca;

    @BeforeAll
    static void servers() throws Exception {
        Sshd.assumeAvailable();
        userKey = Sshd.keygen(dir.resolve("id_user"), "ed25519");
        ca = Sshd.keygen(dir.resolve("ca"), "ed25519");
        node = new Sshd(dir.resolve("node"), List.of("ed25519", "ecdsa", "rsa"), List.of());
        Path certDir = Files.createDirectories(dir.resolve("cert"));
        Sshd.keygen(certDir.resolve("ssh_host_ed25519_key"), "ed25519");
        Sshd.run("ssh-keygen", "-q", "-s", ca.toString(), "-I", "certnode", "-h", "-n", "127.0.0.1,certnode.test",
                "-V", "-5m:+1h", certDir.resolve("ssh_host_ed25519_key.pub").toString());
        certNode = new Sshd(certDir, List.of("ed25519"),
                List.of("HostCertificate " + certDir.resolve("ssh_host_ed25519_key-cert.pub")));
        jump = new Sshd(dir.resolve("jump"), List.of("ed25519"), List.of("LogLevel DEBUG1"));
        for (Sshd s : List.of(node, certNode, jump)) {
            s.authorize(userKey);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (Sshd s : new Sshd[] {node, certNode, jump}) {
            if (s != null) {
                s.close();
            }
        }
    }

    private static int fileNo;

    private static Path file(String text) throws Exception {
        Path f = dir.resolve("f" + (++fileNo));
        Files.writeString(f, text);
        return f;
    }

    /** A known_hosts line for {@code server}'s key of {@code type}, under {@code [127.0.0.1]:port}. */
    private static String known(Sshd server, String type) throws Exception {
        return "[127.0.0.1]:" + server.port + " " + server.hostKeyEntry(type) + "\n";
    }

    private static SshOptions options(Path sshConfig) {
        return new SshOptions(List.of(), null, false, Duration.ofSeconds(5), null, List.of(), SshConfig.file(sshConfig));
    }

    /** Options without any ssh config: the key and this known_hosts file. */
    private static SshOptions direct(Path knownHosts) {
        return new SshOptions(List.of(userKey), knownHosts, false, Duration.ofSeconds(5));
    }

    private static SshRunner runner(Sshd server, Path knownHosts) {
        return new SshRunner(new SshTarget("root", "127.0.0.1", server.port), direct(knownHosts));
    }

    private static TransportException refused(SshRunner ssh) {
        TransportException e = assertThrows(TransportException.class, () -> ssh.run(Command.of("true")));
        assertEquals(Kind.HOST_KEY, e.kind(), e.getMessage());
        return e;
    }

    private static String fingerprint(Path publicKey) throws Exception {
        return Sshd.run("ssh-keygen", "-l", "-f", publicKey.toString()).split("\\s+")[1];
    }

    /**
     * Whether OpenSSH's ssh accepts {@code server}'s host key with this known_hosts (and nothing
     * else: no config, no agent, no global files; it records nothing).
     */
    private static boolean opensshAccepts(Sshd server, Path knownHosts, String... options) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("ssh", "-F", "/dev/null", "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + knownHosts,
                "-o", "GlobalKnownHostsFile=/dev/null", "-o", "IdentityAgent=none", "-o", "IdentitiesOnly=yes",
                "-o", "ConnectTimeout=5", "-i", userKey.toString(), "-p", Integer.toString(server.port)));
        for (String o : options) {
            cmd.addAll(List.of("-o", o));
        }
        cmd.addAll(List.of("root@127.0.0.1", "true"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS));
        return p.exitValue() == 0;
    }

    // --- ssh config ---------------------------------------------------------------------------

    /** The ciphers offered are AES-CTR and -GCM: a server with GCM alone is reached, one with CBC alone is not. */
    @Test
    void onlyModernCiphersAreOffered() throws Exception {
        try (Sshd gcm = new Sshd(dir.resolve("gcm"), List.of("ed25519"), List.of("Ciphers aes256-gcm@openssh.com"))) {
            gcm.authorize(userKey);
            try (SshRunner ssh = runner(gcm, file(known(gcm, "ed25519")))) {
                assertEquals(0, ssh.run(Command.of("true")).exitCode());
            }
        }
        try (Sshd cbc = new Sshd(dir.resolve("cbc"), List.of("ed25519"), List.of("Ciphers aes128-cbc"))) {
            cbc.authorize(userKey);
            try (SshRunner ssh = runner(cbc, file(known(cbc, "ed25519")))) {
                TransportException e = assertThrows(TransportException.class, () -> ssh.run(Command.of("true")));
                assertTrue(e.getMessage().contains("aes128-cbc"), e.getMessage());
            }
        }
    }

    /**
     * With the JDK's cryptography alone (BouncyCastle is not registered as a provider): user keys of
     * each type in OpenSSH's format and in the older PEM one log in, and each host key type is checked.
     */
    @Test
    void userKeysOfEveryTypeAndFormatLogInAndEveryHostKeyTypeIsVerified() throws Exception {
        assertEquals(null, java.security.Security.getProvider("BC"), "BouncyCastle registered as a provider");
        Path keys = Files.createDirectories(dir.resolve("user-keys"));
        for (String type : List.of("ed25519", "ecdsa", "rsa")) {
            for (String format : type.equals("ed25519") ? List.of("RFC4716") : List.of("RFC4716", "PEM")) {
                Path key = keys.resolve(type + "-" + format);
                Sshd.run("ssh-keygen", "-q", "-t", type, "-m", format, "-N", "", "-C", "test", "-f", key.toString());
                node.authorize(key);
                SshOptions options = new SshOptions(List.of(key), file(known(node, "ed25519")), false,
                        Duration.ofSeconds(5));
                try (SshRunner ssh = new SshRunner(new SshTarget("root", "127.0.0.1", node.port), options)) {
                    assertEquals("in\n", ssh.run(Command.of("echo", "in")).stdout(), type + " key in " + format);
                }
            }
        }
        for (String type : List.of("ed25519", "ecdsa", "rsa")) {
            try (SshRunner ssh = runner(node, file(known(node, type)))) {
                assertEquals(0, ssh.run(Command.of("true")).exitCode(), type + " host key");
            }
        }
    }

    @Test
    void anAliasReachesItsHostNameAndPortAsItsUserWithItsKeyAndKnownHosts() throws Exception {
        Path kh = file(known(node, "ed25519"));
        Path config = file("""
                Host cluster-node1
                    HostName 127.0.0.1
                    Port %d
                    User root
                    IdentityFile %s
                    UserKnownHostsFile %s
                """.formatted(node.port, userKey, kh));
        // the default user would be refused: the config's User is the one that logs in
        try (SshRunner ssh = new SshRunner(SshAddress.parse("cluster-node1"), "nobody", options(config),
                new SshAuthenticator(SshPrompter.NONE))) {
            assertEquals("root@cluster-node1", ssh.node());
            assertEquals("ok\n", ssh.run(Command.of("echo", "ok")).stdout());
            // the node's own word for where the alias led, which the setup's link guess goes by
            assertEquals("127.0.0.1", new NodeFactsReader(ssh, ssh.node())
                    .inventory().reachedAt());
        }
        // the address's own user wins over the config's
        try (SshRunner ssh = new SshRunner(SshAddress.parse("nosuchuser@cluster-node1"), "root", options(config),
                new SshAuthenticator(SshPrompter.NONE))) {
            TransportException e = assertThrows(TransportException.class, () -> ssh.run(Command.of("true")));
            assertEquals(Kind.LOGIN_REFUSED, e.kind());
            assertTrue(e.getMessage().startsWith("nosuchuser@cluster-node1: login as nosuchuser refused; tried key "
                    + userKey), e.getMessage());
        }
    }

    @Test
    void aNameThatIsNeitherAddressNorAliasSaysWhereItWasLookedFor() throws Exception {
        Path config = file("Host other\n  HostName 127.0.0.1\nHost *\n  UserKnownHostsFile " + dir.resolve("kh-none")
                + "\n");
        try (SshRunner ssh = new SshRunner(SshAddress.parse("no-such-alias.invalid"), "root", options(config),
                new SshAuthenticator(SshPrompter.NONE))) {
            TransportException e = assertThrows(TransportException.class, () -> ssh.run(Command.of("true")));
            assertEquals("root@no-such-alias.invalid: cannot connect: unknown host no-such-alias.invalid (nor is it"
                    + " a Host alias in " + config + ")", e.getMessage());
        }
    }

    @Test
    void aConfigClusterDeckCannotHonourIsAnErrorNamingNodeFileAndLine() throws Exception {
        Path config = file("Host *\n  ProxyCommand nc %h %p\n  UserKnownHostsFile " + dir.resolve("kh-none") + "\n");
        try (SshRunner ssh = new SshRunner(SshAddress.parse("web1"), "root", options(config),
                new SshAuthenticator(SshPrompter.NONE))) {
            TransportException e = assertThrows(TransportException.class, () -> ssh.run(Command.of("true")));
            assertTrue(e.getMessage().startsWith("root@web1: ssh config " + config + " line 2: ProxyCommand is not"
                    + " supported by ClusterDeck"), e.getMessage());
        }
    }

    @Test
    void theCommandLineTakesAnAliasAndAConfigFile() throws Exception {
        Path kh = file(known(node, "ed25519"));
        Path config = file("Host n1\n  HostName 127.0.0.1\n  Port %d\n  IdentityFile %s\n  UserKnownHostsFile %s\n"
                .formatted(node.port, userKey, kh));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(dir.resolve("audit-cli"), new PrintWriter(out), new PrintWriter(err), "status", "--host",
                "n1", "--ssh-config", config.toString());
        // the node runs no cluster: connected and logged in, the cluster tool itself is what fails
        assertEquals(1, code, err.toString());
        assertTrue(err.toString().contains("root@n1: '") && !err.toString().contains("cannot connect"),
                err.toString());
    }

    @Test
    void theWindowsNodeFieldTakesAnAlias() throws Exception {
        Path kh = file(known(node, "ed25519"));
        Path config = file("Host web-a\n  HostName 127.0.0.1\n  Port %d\n  IdentityFile %s\n"
                .formatted(node.port, userKey));
        ClusterProfile profile = new ClusterProfile("lab", List.of("web-a"), "root", null, kh.toString(), null);
        assertEquals(List.of(), profile.problems());
        try (AuditLog audit = new AuditLog(dir.resolve("audit-window"));
                NodeGroup nodes = new ClusterConnector(audit, SshPrompter.NONE).connect(profile.addresses(),
                        profile.user(), ClusterConnector.options(profile, SshConfig.file(config)))) {
            assertEquals("up\n", nodes.nodes().get(0).runner().run(Command.of("echo", "up")).stdout());
            assertEquals("root@web-a", nodes.nodes().get(0).runner().node());
        }
    }

    // --- known_hosts --------------------------------------------------------------------------

    @Test
    void hashedEntriesAsSshKeygenDashHWritesThem() throws Exception {
        Path kh = file(known(node, "ed25519"));
        Sshd.run("ssh-keygen", "-H", "-f", kh.toString());
        String hashed = Files.readString(kh);
        assertTrue(hashed.startsWith("|1|") && !hashed.contains("127.0.0.1"), hashed);
        try (SshRunner ssh = runner(node, kh)) {
            assertEquals(0, ssh.run(Command.of("true")).exitCode());
        }
        assertTrue(opensshAccepts(node, kh));
    }

    @Test
    void aNonStandardPortIsKnownInBracketsOrByTheBareNameAndPatternsApply() throws Exception {
        // as ssh: nothing under [127.0.0.1]:port, so the bare name's key counts ("found matching key w/out port")
        Path bare = file("127.0.0.1 " + node.hostKeyEntry("ed25519") + "\n");
        try (SshRunner ssh = runner(node, bare)) {
            assertEquals(0, ssh.run(Command.of("true")).exitCode());
        }
        assertTrue(opensshAccepts(node, bare));
        // the bare name with another key is no "changed" key for this port: unknown
        Path bareOther = file("127.0.0.1 " + jump.hostKeyEntry("ed25519") + "\n");
        try (SshRunner ssh = runner(node, bareOther)) {
            TransportException e = refused(ssh);
            assertEquals(HostKeyException.Reason.UNKNOWN, assertInstanceOf(HostKeyException.class, e.getCause()).reason());
            assertTrue(e.getMessage().contains("host key of [127.0.0.1]:" + node.port + " is not known"), e.getMessage());
        }
        assertFalse(opensshAccepts(node, bareOther));
        // under [127.0.0.1]:port another key is a changed one
        Path bracketOther = file("[127.0.0.1]:" + node.port + " " + jump.hostKeyEntry("ed25519") + "\n");
        try (SshRunner ssh = runner(node, bracketOther)) {
            assertEquals(HostKeyException.Reason.CHANGED,
                    assertInstanceOf(HostKeyException.class, refused(ssh).getCause()).reason());
        }
        assertFalse(opensshAccepts(node, bracketOther));
        Path pattern = file("other,[127.0.0.?]:" + node.port + ",!nothing " + node.hostKeyEntry("ed25519") + "\n");
        try (SshRunner ssh = runner(node, pattern)) {
            assertEquals(0, ssh.run(Command.of("true")).exitCode());
        }
        assertTrue(opensshAccepts(node, pattern));
        // a negated pattern excludes the line even though another pattern matches it
        Path negated = file("[127.0.0.*]:" + node.port + ",![127.0.0.1]:" + node.port + " "
                + node.hostKeyEntry("ed25519") + "\n");
        try (SshRunner ssh = runner(node, negated)) {
            assertEquals(HostKeyException.Reason.UNKNOWN,
                    assertInstanceOf(HostKeyException.class, refused(ssh).getCause()).reason());
        }
        assertFalse(opensshAccepts(node, negated));
    }

    @Test
    void anyOfSeveralKeysOfAHostIsAccepted() throws Exception {
        for (String type : List.of("rsa", "ecdsa", "ed25519")) {
            Path kh = file(known(node, type));
            try (SshRunner ssh = runner(node, kh)) {
                assertEquals(0, ssh.run(Command.of("true")).exitCode(), "only the " + type + " key is known");
            }
            assertTrue(opensshAccepts(node, kh));
        }
        Path all = file(known(node, "rsa") + known(node, "ecdsa") + known(node, "ed25519"));
        try (SshRunner ssh = runner(node, all)) {
            assertEquals(0, ssh.run(Command.of("true")).exitCode());
        }
    }

    @Test
    void aRevokedKeyIsRefusedEvenWhenListed() throws Exception {
        Path kh = file(known(node, "ed25519") + "@revoked * " + node.hostKeyEntry("ed25519") + "\n");
        try (SshRunner ssh = runner(node, kh)) {
            TransportException e = refused(ssh);
            HostKeyException hk = assertInstanceOf(HostKeyException.class, e.getCause());
            assertEquals(HostKeyException.Reason.REVOKED, hk.reason());
            assertEquals("root@127.0.0.1:" + node.port + ": host key of [127.0.0.1]:" + node.port + " (ssh-ed25519 "
                    + fingerprint(Path.of(node.hostKey("ed25519") + ".pub")) + ") is marked @revoked in " + kh
                    + " line 2: refusing to connect, whatever else lists it", e.getMessage());
        }
        assertFalse(opensshAccepts(node, kh), "OpenSSH refuses it too");
        // a revoked key of another type does not stop the listed one
        Path other = file(known(node, "ed25519") + "@revoked * " + node.hostKeyEntry("rsa") + "\n");
        try (SshRunner ssh = runner(node, other)) {
            assertEquals(0, ssh.run(Command.of("true")).exitCode());
        }
        assertTrue(opensshAccepts(node, other));
    }

    @Test
    void aHostCertificateSignedByAKnownCaIsAccepted() throws Exception {
        String caKey = Files.readString(Path.of(ca + ".pub")).strip().split(" ")[0] + " "
                + Files.readString(Path.of(ca + ".pub")).strip().split(" ")[1];
        Path kh = file("@cert-authority * " + caKey + "\n");
        try (SshRunner ssh = runner(certNode, kh)) {
            assertEquals(0, ssh.run(Command.of("true")).exitCode());
        }
        assertTrue(opensshAccepts(certNode, kh));
        assertEquals("", Files.readString(kh).replace("@cert-authority * " + caKey + "\n", ""), "nothing recorded");

        // the certificate names 127.0.0.1 and certnode.test: looked up as another name, it is refused
        try (SshRunner ssh = new SshRunner(SshAddress.parse("root@127.0.0.1:" + certNode.port), "root",
                new SshOptions(List.of(userKey), kh, false, Duration.ofSeconds(5), null, List.of(),
                        SshConfig.file(file("Host *\n  HostKeyAlias elsewhere.test\n"))),
                new SshAuthenticator(SshPrompter.NONE))) {
            TransportException e = refused(ssh);
            assertEquals(HostKeyException.Reason.CERTIFICATE,
                    assertInstanceOf(HostKeyException.class, e.getCause()).reason());
            assertTrue(e.getMessage().contains("host certificate of elsewhere.test")
                    && e.getMessage().endsWith("is not accepted: it is valid for 127.0.0.1, certnode.test, not for"
                            + " elsewhere.test"), e.getMessage());
        }
        assertFalse(opensshAccepts(certNode, kh, "HostKeyAlias=elsewhere.test"));
        try (SshRunner ssh = new SshRunner(SshAddress.parse("root@127.0.0.1:" + certNode.port), "root",
                new SshOptions(List.of(userKey), kh, false, Duration.ofSeconds(5), null, List.of(),
                        SshConfig.file(file("Host *\n  HostKeyAlias certnode.test\n"))),
                new SshAuthenticator(SshPrompter.NONE))) {
            assertEquals(0, ssh.run(Command.of("true")).exitCode(), "a name the certificate has");
        }
        assertTrue(opensshAccepts(certNode, kh, "HostKeyAlias=certnode.test"));

        // a revoked CA: refused, whatever the certificate says
        Path revoked = file("@cert-authority * " + caKey + "\n@revoked * " + caKey + "\n");
        try (SshRunner ssh = runner(certNode, revoked)) {
            TransportException e = refused(ssh);
            assertTrue(e.getMessage().contains("its CA key " + fingerprint(Path.of(ca + ".pub"))
                    + " is marked @revoked in " + revoked + " line 2"), e.getMessage());
        }
        assertFalse(opensshAccepts(certNode, revoked));
    }

    @Test
    void aCertificateFromAnUnknownCaIsJudgedByItsPlainKey() throws Exception {
        Path plain = file(known(certNode, "ed25519"));
        try (SshRunner ssh = runner(certNode, plain)) {
            assertEquals(0, ssh.run(Command.of("true")).exitCode());
        }
        assertTrue(opensshAccepts(certNode, plain));
        Path otherCa = Sshd.keygen(dir.resolve("other_ca"), "ed25519");
        String[] other = Files.readString(Path.of(otherCa + ".pub")).split(" ");
        Path wrongCa = file("@cert-authority * " + other[0] + " " + other[1] + "\n");
        try (SshRunner ssh = runner(certNode, wrongCa)) {
            HostKeyException hk = assertInstanceOf(HostKeyException.class, refused(ssh).getCause());
            assertEquals(HostKeyException.Reason.UNKNOWN, hk.reason());
            assertEquals(fingerprint(Path.of(certNode.hostKey("ed25519") + ".pub")), hk.fingerprint(),
                    "the plain key's fingerprint, to compare with the node's");
        }
        assertFalse(opensshAccepts(certNode, wrongCa));
    }

    @Test
    void acceptNewRecordsAHashedLineWhenTheConfigSaysHashKnownHosts() throws Exception {
        Path kh = dir.resolve("kh-hashed-new");
        Path config = file("Host *\n  HashKnownHosts yes\n  UserKnownHostsFile %s\n  GlobalKnownHostsFile none\n"
                .formatted(kh));
        SshOptions options = new SshOptions(List.of(userKey), null, true, Duration.ofSeconds(5), null, List.of(),
                SshConfig.file(config));
        try (SshRunner ssh = new SshRunner(SshAddress.parse("127.0.0.1:" + node.port), "root", options,
                new SshAuthenticator(SshPrompter.NONE))) {
            assertEquals(0, ssh.run(Command.of("true")).exitCode());
        }
        String line = Files.readString(kh);
        assertTrue(line.startsWith("|1|") && !line.contains("127.0.0.1"), line);
        // OpenSSH finds the host in it
        assertTrue(Sshd.run("ssh-keygen", "-F", "[127.0.0.1]:" + node.port, "-f", kh.toString()).contains("|1|"));
        assertTrue(opensshAccepts(node, kh));
    }

    // --- ProxyJump ----------------------------------------------------------------------------

    @Test
    void proxyJumpGoesThroughTheJumpHostCheckingBothKeys() throws Exception {
        Path khJump = file(known(jump, "ed25519"));
        Path khNode = file(known(node, "ed25519"));
        String config = """
                Host bastion
                    HostName 127.0.0.1
                    Port %d
                    UserKnownHostsFile %s
                Host behind
                    HostName 127.0.0.1
                    Port %d
                    ProxyJump bastion
                    UserKnownHostsFile %s
                Host *
                    IdentityFile %s
                """;
        Path good = file(config.formatted(jump.port, khJump, node.port, khNode, userKey));
        int before = jump.log().split("direct-tcpip", -1).length;
        try (SshRunner ssh = new SshRunner(SshAddress.parse("behind"), "root", options(good),
                new SshAuthenticator(SshPrompter.NONE))) {
            assertEquals("through\n", ssh.run(Command.of("echo", "through")).stdout());
        }
        assertTrue(jump.log().split("direct-tcpip", -1).length > before, "the jump host opened the tunnel: " + jump.log());
        assertTrue(jump.log().contains("127.0.0.1 port " + node.port) || jump.log().contains(":" + node.port),
                "to the node's port: " + jump.log());

        // the jump host's own key is checked against its own known_hosts
        Path unknownJump = file(config.formatted(jump.port, file(""), node.port, khNode, userKey));
        try (SshRunner ssh = new SshRunner(SshAddress.parse("behind"), "root", options(unknownJump),
                new SshAuthenticator(SshPrompter.NONE))) {
            TransportException e = refused(ssh);
            assertTrue(e.getMessage().startsWith("root@behind: jump host root@bastion: host key of [127.0.0.1]:"
                    + jump.port + " is not known"), e.getMessage());
        }
        // and the node's key too, through the tunnel
        Path unknownNode = file(config.formatted(jump.port, khJump, node.port, file(""), userKey));
        try (SshRunner ssh = new SshRunner(SshAddress.parse("behind"), "root", options(unknownNode),
                new SshAuthenticator(SshPrompter.NONE))) {
            TransportException e = refused(ssh);
            assertTrue(e.getMessage().startsWith("root@behind: host key of [127.0.0.1]:" + node.port + " is not known"),
                    e.getMessage());
        }
    }

    // --- a host key that changes while connected ----------------------------------------------

    @Test
    void aChangedKeyRefusesTheReconnectNamingOldAndNewFingerprintsAndOtherNodesGoOn() throws Exception {
        try (Sshd moving = new Sshd(dir.resolve("moving"), List.of("ed25519"), List.of())) {
            moving.authorize(userKey);
            String oldFingerprint = fingerprint(Path.of(moving.hostKey("ed25519") + ".pub"));
            Path kh = file(known(moving, "ed25519") + known(node, "ed25519"));
            SshOptions options = direct(kh);
            try (AuditLog audit = new AuditLog(dir.resolve("audit-moving"));
                    NodeGroup group = new ClusterConnector(audit, SshPrompter.NONE).connect(
                            List.of(new SshTarget("root", "127.0.0.1", moving.port),
                                    new SshTarget("root", "127.0.0.1", node.port)), options)) {
                var movingNode = group.nodes().get(0).runner();
                assertEquals("first\n", movingNode.run(Command.of("echo", "first")).stdout());

                moving.replaceHostKey("ed25519");
                String newFingerprint = fingerprint(Path.of(moving.hostKey("ed25519") + ".pub"));
                TransportException refusal = null;
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (refusal == null && System.nanoTime() < deadline) {
                    try {
                        movingNode.run(Command.of("echo", "again"));
                    } catch (TransportException e) {
                        if (e.kind() == Kind.HOST_KEY) {
                            refusal = e;
                        } else {
                            Thread.sleep(300);
                        }
                    }
                }
                assertTrue(refusal != null, "the reconnect was refused");
                HostKeyException hk = assertInstanceOf(HostKeyException.class, refusal.getCause());
                assertEquals(HostKeyException.Reason.CHANGED, hk.reason());
                assertEquals(newFingerprint, hk.fingerprint());
                assertEquals(List.of(oldFingerprint), hk.knownFingerprints());
                assertEquals("root@127.0.0.1:" + moving.port + ": host key of [127.0.0.1]:" + moving.port
                        + " has CHANGED: the node now shows ssh-ed25519 " + newFingerprint + ", known is ssh-ed25519 "
                        + oldFingerprint + " (" + kh + " line 1); refusing to connect (this may be an attack); if the"
                        + " node was reinstalled, remove its old entry yourself (ssh-keygen -R '[127.0.0.1]:"
                        + moving.port + "' -f " + kh + ")", refusal.getMessage());
                assertFalse(opensshAccepts(moving, kh), "OpenSSH refuses it too");

                // the other node still answers, the changed one is named in the warning
                NodeGroup.Answer<String> answer = group.first(n -> n.runner().run(Command.of("echo", "still")).stdout());
                assertEquals("still\n", answer.value());
                assertEquals("root@127.0.0.1:" + node.port, answer.node().runner().node());
                assertTrue(answer.warnings().get(0).contains("CHANGED"), answer.warnings().toString());
                // nothing reached the node with the new key: no login since the restart
                assertFalse(moving.log().contains("Accepted publickey"), moving.log());
                assertEquals(1, Files.readAllLines(kh).stream().filter(l -> l.contains(":" + moving.port)).count(),
                        "known_hosts untouched");
            }
        }
    }
}
