package org.clusterdeck.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.cli.Cli;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.ShellQuote;
import org.clusterdeck.transport.TransportException;
import org.clusterdeck.transport.ssh.AgentProcess;
import org.clusterdeck.transport.ssh.SshAuthenticator;
import org.clusterdeck.transport.ssh.SshOptions;
import org.clusterdeck.transport.ssh.SshPrompter;
import org.clusterdeck.transport.ssh.SshRunner;
import org.clusterdeck.transport.ssh.SshTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Logging in to the lab's real sshd with protected keys, ssh-agent, a password and a jump host,
 * and running the tools as non-root users through sudo. Keys are made by ssh-keygen for each test
 * and authorized for root only while this class runs.
 */
class SshAuthLabTest extends LabTestBase {
    Map<String, String> env;
    Path labKey;
    Path knownHosts;
    Path rootKeys;
    String labRootKeys;

    @TempDir
    Path tmp;

    @BeforeAll
    void labUp() throws Exception {
        lab.ok(Duration.ofSeconds(600), "up", "--token", "1000");
        env = lab.env();
        labKey = Path.of(env.get("LAB_SSH_KEY"));
        knownHosts = Path.of(env.get("LAB_KNOWN_HOSTS"));
        rootKeys = Lab.DIR.resolve("state/ssh/authorized_keys");
        labRootKeys = Files.readString(rootKeys);
    }

    @AfterAll
    void unauthorizeTestKeys() throws Exception {
        if (rootKeys != null) {
            Files.writeString(rootKeys, labRootKeys);
        }
    }

    /** Answers with a fixed secret, remembering what it was asked and every array it handed out. */
    static final class Answering implements SshPrompter {
        final String secret;
        final List<String> asked = new ArrayList<>();
        final List<char[]> given = new ArrayList<>();

        Answering(String secret) {
            this.secret = secret;
        }

        @Override
        public synchronized char[] passphrase(Path keyFile, int attempt) {
            asked.add("passphrase " + keyFile + " #" + attempt);
            return answer();
        }

        @Override
        public synchronized char[] password(SshTarget target, int attempt) {
            asked.add("password " + target.display() + " #" + attempt);
            return answer();
        }

        private char[] answer() {
            char[] a = secret.toCharArray();
            given.add(a);
            return a;
        }

        void assertAllWiped() {
            for (char[] a : given) {
                assertEquals(new String(new char[a.length]), new String(a), "secret wiped after use");
            }
        }
    }

    Path newKey(String type, String passphrase, boolean authorize) throws Exception {
        Path key = AgentProcess.keygen(Files.createTempDirectory(tmp, type), type, passphrase);
        if (authorize) {
            Files.writeString(rootKeys, Files.readString(Path.of(key + ".pub")), java.nio.file.StandardOpenOption.APPEND);
        }
        return key;
    }

    String addr(String node) {
        return env.get("LAB_ADDR_" + node);
    }

    SshRunner runner(String userAtNode, SshOptions options, SshPrompter prompter) {
        return new SshRunner(SshTarget.parse(userAtNode, "root"), options, new SshAuthenticator(prompter));
    }

    SshOptions keys(Path... files) {
        return new SshOptions(List.of(files), knownHosts, false, Duration.ofSeconds(3));
    }

    String loginError(SshRunner ssh) {
        try (ssh) {
            return assertThrows(TransportException.class, () -> ssh.run(Command.of("true"))).getMessage();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
    void aProtectedKeyIsAskedForOnceForAllNodesAndItsPassphraseWiped(String type) throws Exception {
        Path key = newKey(type, "secret " + type, true);
        Answering prompter = new Answering("secret " + type);
        SshAuthenticator shared = new SshAuthenticator(prompter);
        for (String node : List.of("node1", "node2")) {
            try (SshRunner ssh = new SshRunner(SshTarget.parse("root@" + addr(node), "root"), keys(key), shared)) {
                assertEquals(node, ssh.run(Command.of("hostname")).stdout().trim());
            }
        }
        assertEquals(List.of("passphrase " + key + " #1"), prompter.asked);
        prompter.assertAllWiped();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
    void aKeyWithoutPassphraseAsksNothing(String type) throws Exception {
        Path key = newKey(type, "", true);
        Answering prompter = new Answering("unused");
        try (SshRunner ssh = runner("root@" + addr("node1"), keys(key), prompter)) {
            assertEquals("ok", ssh.run(Command.of("echo", "ok")).stdout().trim());
        }
        assertEquals(List.of(), prompter.asked);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
    void aWrongPassphraseIsAskedThreeTimesThenNamed(String type) throws Exception {
        Path key = newKey(type, "right " + type, true);
        Answering prompter = new Answering("wrong");
        String msg = loginError(runner("root@" + addr("node1"), keys(key), prompter));
        assertTrue(msg.startsWith("root@" + addr("node1") + ": login as root refused; tried key " + key
                + " (wrong passphrase, 3 tries), "), msg);
        assertEquals(3, prompter.asked.stream().filter(a -> a.startsWith("passphrase " + key)).count(), prompter.asked.toString());
        prompter.assertAllWiped();
    }

    @Test
    void withoutATerminalTheCommandLineNamesTheProtectedKeyAndSuggestsTheAgent() throws Exception {
        Path key = newKey("ed25519", "secret", true);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // mvn runs the tests without a terminal: System.console() is null, as in a pipe or cron job
        int code = Cli.run(audit(), new PrintWriter(out), new PrintWriter(err), "status", "--host", "root@" + addr("node1"),
                "-i", key.toString(), "--known-hosts", knownHosts.toString(), "--json");
        assertEquals(1, code);
        String msg = err.toString().strip();
        assertEquals(1, msg.lines().count(), msg);
        assertTrue(msg.contains("key " + key + " (encrypted and nobody to ask its passphrase (no terminal): load it"
                + " into ssh-agent with 'ssh-add " + key + "'"), msg);
    }

    @Test
    void aMissingKeyFileIsNamedAndTheNextKeyStillTried() throws Exception {
        Path missing = tmp.resolve("no_such_key");
        try (SshRunner ssh = runner("root@" + addr("node1"), keys(missing, labKey), SshPrompter.NONE)) {
            assertEquals("node1", ssh.run(Command.of("hostname")).stdout().trim());
        }
        String msg = loginError(runner("root@" + addr("node1"), keys(missing), SshPrompter.NONE));
        assertTrue(msg.startsWith("root@" + addr("node1") + ": login as root refused; tried key " + missing
                + " (cannot read it: "), msg);
    }

    @Test
    void agentKeysLogInWhereTheKeyFileIsRefusedRsaSignedWithSha2() throws Exception {
        Path refused = newKey("ed25519", "", false);
        for (String type : List.of("rsa", "ed25519", "ecdsa")) {
            Path inAgent = newKey(type, "", true);
            try (AgentProcess agent = new AgentProcess(Files.createTempDirectory(tmp, "agent"))) {
                agent.add(inAgent);
                SshOptions options = new SshOptions(List.of(refused), knownHosts, false, Duration.ofSeconds(3),
                        agent.socket(), null);
                try (SshRunner ssh = runner("root@" + addr("node2"), options, SshPrompter.NONE)) {
                    assertEquals("node2", ssh.run(Command.of("hostname")).stdout().trim(), type + " key in the agent");
                }
            }
        }
    }

    @Test
    void anAgentWithoutKeysIsNamedInTheRefusal() throws Exception {
        Path refused = newKey("ed25519", "", false);
        try (AgentProcess agent = new AgentProcess(Files.createTempDirectory(tmp, "agent"))) {
            SshOptions options = new SshOptions(List.of(refused), knownHosts, false, Duration.ofSeconds(3),
                    agent.socket(), null);
            String msg = loginError(runner("root@" + addr("node1"), options, SshPrompter.NONE));
            assertTrue(msg.startsWith("root@" + addr("node1") + ": login as root refused; tried ssh-agent at "
                    + agent.socket() + " (it holds no keys; add one with ssh-add), key " + refused + " (refused)"), msg);
        }
    }

    @Test
    void aPasswordLogsInAndIsWipedAndTheSudoPasswordIsTheClearError() throws Exception {
        Path refused = newKey("ed25519", "", false);
        String user = env.get("LAB_PASSWORD_USER");
        Answering prompter = new Answering(env.get("LAB_PASSWORD"));
        // logged in by password: the command reached the node, where sudo wants a password too
        String msg = loginError(runner(user + "@" + addr("node1"), keys(refused), prompter));
        assertEquals(user + "@" + addr("node1") + ": sudo asks " + user + " for a password: allow the cluster tools"
                + " with NOPASSWD in sudoers, or log in as root", msg);
        assertEquals(List.of("password " + user + "@" + addr("node1") + " #1"), prompter.asked);
        prompter.assertAllWiped();
    }

    @Test
    void aWrongPasswordOrNobodyToAskIsNamed() throws Exception {
        Path refused = newKey("ed25519", "", false);
        String user = env.get("LAB_PASSWORD_USER");
        Answering wrong = new Answering("not the password");
        String msg = loginError(runner(user + "@" + addr("node1"), keys(refused), wrong));
        assertEquals(user + "@" + addr("node1") + ": login as " + user + " refused; tried key " + refused
                + " (refused), password (refused 3 times)", msg);
        assertEquals(3, wrong.asked.size());
        wrong.assertAllWiped();
        msg = loginError(runner(user + "@" + addr("node1"), keys(refused), SshPrompter.NONE));
        assertTrue(msg.endsWith("no password (nobody to ask: no terminal)"), msg);
    }

    String sshClient(SshOptions options) throws Exception {
        try (SshRunner ssh = runner("root@" + addr("node2"), options, SshPrompter.NONE)) {
            return ssh.run(Command.of("sh", "-c", "echo $SSH_CLIENT")).stdout().trim();
        }
    }

    @Test
    void theJumpHostCarriesTheConnection() throws Exception {
        SshTarget node1 = SshTarget.parse("root@" + addr("node1"), "root");
        String direct = sshClient(keys(labKey));
        String jumped = sshClient(new SshOptions(List.of(labKey), knownHosts, false, Duration.ofSeconds(3), null, node1));
        // SSH_CLIENT on node2 is "client-address client-port server-port"
        assertTrue(direct.startsWith("10.99.0.254 "), direct);
        assertTrue(jumped.startsWith(addr("node1") + " "), jumped);
    }

    @Test
    void anUnreachableOrUnknownJumpHostIsNamed() throws Exception {
        SshTarget nobody = SshTarget.parse("root@10.99.0.13", "root");
        String msg = loginError(runner("root@" + addr("node2"),
                new SshOptions(List.of(labKey), knownHosts, false, Duration.ofSeconds(2), null, nobody), SshPrompter.NONE));
        assertTrue(msg.startsWith("root@" + addr("node2") + ": jump host root@10.99.0.13: cannot connect"), msg);
        // the jump host answers but cannot reach the node
        SshTarget node1 = SshTarget.parse("root@" + addr("node1"), "root");
        msg = loginError(runner("root@10.99.0.13",
                new SshOptions(List.of(labKey), knownHosts, false, Duration.ofSeconds(5), null, node1), SshPrompter.NONE));
        assertTrue(msg.startsWith("root@10.99.0.13: jump host root@" + addr("node1") + " cannot reach 10.99.0.13:22 ("),
                msg);
        // the jump host refuses the login: no such user there
        SshTarget ghost = SshTarget.parse("ghost@" + addr("node1"), "root");
        msg = loginError(runner("root@" + addr("node2"),
                new SshOptions(List.of(labKey), knownHosts, false, Duration.ofSeconds(3), null, ghost), SshPrompter.NONE));
        assertTrue(msg.startsWith("root@" + addr("node2") + ": jump host ghost@" + addr("node1")
                + ": login as ghost refused; tried key " + labKey + " (refused)"), msg);
        // a known_hosts that knows node2 but not node1: the jump host's key is checked too
        Path onlyNode2 = tmp.resolve("known_hosts_node2");
        Files.write(onlyNode2, Files.readAllLines(knownHosts).stream().filter(l -> l.startsWith("node2,")).toList());
        msg = loginError(runner("root@" + addr("node2"),
                new SshOptions(List.of(labKey), onlyNode2, false, Duration.ofSeconds(3), null, node1), SshPrompter.NONE));
        assertTrue(msg.startsWith("root@" + addr("node2") + ": jump host root@" + addr("node1") + ": host key of "
                + addr("node1") + " is not known"), msg);
    }

    @Test
    void statusThroughTheJumpOptionOfTheCommandLineEqualsStatusDirect() throws Exception {
        String jumped = status("root@" + addr("node2"), "--jump", "root@" + addr("node1"));
        assertEquals(new ObjectMapper().readTree(status("root@" + addr("node2"))), new ObjectMapper().readTree(jumped));
    }

    @Test
    void aUserWithPasswordlessSudoRunsTheToolsAsRootAndIsAudited() throws Exception {
        String user = env.get("LAB_SUDO_USER");
        try (SshRunner ssh = runner(user + "@" + addr("node1"), keys(labKey), SshPrompter.NONE)) {
            assertEquals("0", ssh.run(Command.of("id", "-u")).stdout().trim(), "sudo -n runs the command as root");
            assertEquals(user, ssh.run(Command.of("sh", "-c", "echo $SUDO_USER")).stdout().trim());
        }
        String asUser = status(user + "@" + addr("node1"));
        String asRoot = status("root@" + addr("node1"));
        assertEquals(new ObjectMapper().readTree(asRoot), new ObjectMapper().readTree(asUser));
        Path audit = audit().resolve(AuditLog.FILE_NAME);
        JsonNode last = new ObjectMapper().readTree(Files.readAllLines(audit).stream()
                .filter(l -> l.contains("\"node\":\"" + user + "@" + addr("node1") + "\"") && l.contains("crm_mon"))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no audit record for " + user + " in " + audit)));
        assertEquals(0, last.get("exitCode").asInt());
        assertEquals("crm_mon", last.get("argv").get(0).asText());
        assertTrue(last.get("display").asText().startsWith("sudo -n -- crm_mon "), last.toString());
    }

    @Test
    void aUserWhoseSudoWantsAPasswordGetsTheClearErrorFromTheCommandLine() {
        String user = env.get("LAB_PASSWORD_USER");
        StringWriter err = new StringWriter();
        int code = Cli.run(audit(), new PrintWriter(new StringWriter()), new PrintWriter(err), "status", "--host",
                user + "@" + addr("node1"), "-i", labKey.toString(), "--known-hosts", knownHosts.toString(), "--json");
        assertEquals(1, code);
        assertTrue(err.toString().contains(user + "@" + addr("node1") + ": sudo asks " + user + " for a password"),
                err.toString());
        try (SshRunner ssh = runner(user + "@" + addr("node1"), keys(labKey), SshPrompter.NONE)) {
            TransportException e = assertThrows(TransportException.class, () -> ssh.run(Command.of("true")));
            assertEquals(TransportException.Kind.SUDO_PASSWORD, e.kind());
        }
    }

    /**
     * Runs the command line on a pseudo-terminal (util-linux script), answers the prompt once it
     * appears and returns everything the terminal showed.
     */
    String onTerminal(String prompt, String answer, String... args) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "no /usr/bin/script for a terminal");
        // a JVM of its own does not inherit this one's properties: its audit log and home are given
        List<String> argv = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Dclusterdeck.dataDir=" + audit(), "-Duser.home=" + System.getProperty("user.home"), "-cp",
                System.getProperty("java.class.path"), "org.clusterdeck.Main"));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder("script", "-q", "-e", "-c", ShellQuote.join(argv), "/dev/null")
                .redirectErrorStream(true).start();
        StringBuffer screen = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (var in = p.getInputStream()) {
                byte[] buf = new byte[4096];
                for (int n; (n = in.read(buf)) > 0; ) {
                    screen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                }
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        reader.start();
        try {
            Lab.await("the prompt '" + prompt + "'", Duration.ofSeconds(30),
                    () -> screen.indexOf(prompt) >= 0 ? true : null, screen::toString);
            int shown = screen.length();
            p.getOutputStream().write((answer + "\n").getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().flush();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "finished: " + screen);
            reader.join(5000);
            assertFalse(screen.substring(shown).contains(answer), "typed without echo: " + screen);
            return screen.toString();
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void onATerminalThePassphraseAndThePasswordAreAskedWithoutEcho() throws Exception {
        Path key = newKey("ecdsa", "typed secret", true);
        String screen = onTerminal("Enter passphrase for key '" + key + "': ", "typed secret", "status",
                "--host", "root@" + addr("node1"), "-i", key.toString(), "--known-hosts", knownHosts.toString(), "--json");
        assertTrue(screen.contains("\"nodes\""), screen);
        String user = env.get("LAB_PASSWORD_USER");
        Path refused = newKey("ed25519", "", false);
        screen = onTerminal(user + "@" + addr("node1") + "'s password: ", env.get("LAB_PASSWORD"), "status",
                "--host", user + "@" + addr("node1"), "-i", refused.toString(), "--known-hosts", knownHosts.toString());
        // logged in by password: the node's sudo answered
        assertTrue(screen.contains("sudo asks " + user + " for a password"), screen);
    }

    /** This class's audit log, handed to every command line it runs. */
    Path audit() {
        return tmp.resolve("audit");
    }

    String status(String host, String... more) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("status", "--host", host, "-i", labKey.toString(),
                "--known-hosts", knownHosts.toString(), "--json"));
        args.addAll(List.of(more));
        int code = Cli.run(audit(), new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        if (code != 0) {
            fail("status --host " + host + " exited " + code + ": " + err);
        }
        return out.toString();
    }
}
