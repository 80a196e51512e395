package org.clusterdeck.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.clusterdeck.cluster.command.CrmMon;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.cluster.status.CrmMonParser;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.CommandStream;
import org.clusterdeck.transport.OutputListener;
import org.clusterdeck.transport.LocalProcessRunner;
import org.clusterdeck.transport.TransportException;
import org.clusterdeck.transport.TransportException.Kind;
import org.clusterdeck.transport.ssh.HostKeyException;
import org.clusterdeck.transport.ssh.SshOptions;
import org.clusterdeck.transport.ssh.SshRunner;
import org.clusterdeck.transport.ssh.SshTarget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SSH transport against the lab nodes' real OpenSSH servers. */
class SshRunnerLabTest extends LabTestBase {
    Map<String, String> env;
    Path key;
    Path knownHosts;

    @TempDir
    Path dir;

    @BeforeAll
    void labUp() {
        lab.ok(Duration.ofSeconds(600), "up", "--token", "1000");
        env = lab.env();
        key = Path.of(env.get("LAB_SSH_KEY"));
        knownHosts = Path.of(env.get("LAB_KNOWN_HOSTS"));
    }

    SshRunner runner(String node, Path known, boolean acceptNew, Path identity) {
        return new SshRunner(SshTarget.parse("root@" + env.get("LAB_ADDR_" + node), "root"),
                new SshOptions(List.of(identity), known, acceptNew, Duration.ofSeconds(3)));
    }

    @Test
    void statusOverSshEqualsCrmMonTakenOnTheNode() throws Exception {
        try (SshRunner ssh = runner("node1", knownHosts, false, key)) {
            CommandResult r = ssh.run(CrmMon.status());
            assertEquals(0, r.exitCode(), r.stderr());
            ClusterStatus viaSsh = CrmMonParser.parse(r.stdout(), ssh.node());
            String onNode = lab.ok(Duration.ofSeconds(30), "exec", "node1", "crm_mon", "-1", "--inactive", "--output-as=xml");
            ClusterStatus local = CrmMonParser.parse(onNode, "lab/exec");
            assertEquals(local.nodes(), viaSsh.nodes());
            assertEquals(local.resources(), viaSsh.resources());
            // the same kept connection serves further commands
            assertEquals("node1", ssh.run(Command.of("hostname")).stdout().trim());
        }
    }

    @Test
    void statusHostCommandEqualsStatusOfCrmMonOutputTakenOnTheNode() throws Exception {
        Path saved = dir.resolve("crm_mon.xml");
        Files.writeString(saved, lab.ok(Duration.ofSeconds(30), "exec", "node2", "crm_mon", "-1", "--inactive", "--output-as=xml"));
        java.io.StringWriter viaSsh = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        Path auditDir = dir.resolve("audit");
        int code = org.clusterdeck.cli.Cli.run(auditDir, new java.io.PrintWriter(viaSsh), new java.io.PrintWriter(err), "status",
                "--host", "root@" + env.get("LAB_ADDR_node2"), "--host", "root@10.99.0.13",
                "-i", key.toString(), "--known-hosts", knownHosts.toString(), "--json");
        assertEquals(0, code, err.toString());
        java.io.StringWriter fromFile = new java.io.StringWriter();
        org.clusterdeck.cli.Cli.run(new java.io.PrintWriter(fromFile), new java.io.PrintWriter(new java.io.StringWriter()),
                "status", "--crm-mon-xml", saved.toString(), "--json");
        assertEquals(fromFile.toString(), viaSsh.toString());
        // every command run on a node is in the audit log, with its node, argv and exit code
        Path audit = auditDir.resolve(org.clusterdeck.app.audit.AuditLog.FILE_NAME);
        String last = Files.readAllLines(audit).stream()
                .filter(l -> l.contains("\"node\":\"root@" + env.get("LAB_ADDR_node2") + "\"") && l.contains("crm_mon"))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no audit record in " + audit));
        var rec = new com.fasterxml.jackson.databind.ObjectMapper().readTree(last);
        assertEquals(0, rec.get("exitCode").asInt());
        assertEquals("crm_mon", rec.get("argv").get(0).asText());
    }

    @Test
    void drbdHostOnANodeWithoutDrbdSaysWhatEachSourceAnswered() {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = org.clusterdeck.cli.Cli.run(dir.resolve("audit"), new java.io.PrintWriter(out), new java.io.PrintWriter(err), "drbd",
                "--host", "root@" + env.get("LAB_ADDR_node1"), "-i", key.toString(),
                "--known-hosts", knownHosts.toString(), "--json");
        assertEquals(1, code);
        assertEquals("", out.toString());
        String msg = err.toString().strip();
        assertEquals(1, msg.lines().count(), msg);
        // the lab has no DRBD module: every source is tried, richest first, and each says why not
        assertTrue(msg.contains("'drbdsetup status --json --verbose --statistics'") && msg.contains("'cat /proc/drbd'")
                && msg.indexOf("drbdsetup status") < msg.indexOf("/proc/drbd"), msg);
    }

    @Test
    void unknownHostKeyIsRefusedWithTheFingerprintOpenSshShows() throws Exception {
        Path empty = dir.resolve("known_hosts_empty");
        try (SshRunner ssh = runner("node1", empty, false, key)) {
            TransportException e = assertThrows(TransportException.class, () -> ssh.run(Command.of("true")));
            HostKeyException hk = assertInstanceOf(HostKeyException.class, e.getCause());
            assertEquals(HostKeyException.Reason.UNKNOWN, hk.reason());
            assertEquals(Kind.HOST_KEY, e.kind());
            CommandResult keygen = new LocalProcessRunner().run(Command.of("ssh-keygen", "-l", "-f",
                    lab.DIR.resolve("state/ssh/host_node1.pub").toString()));
            assertTrue(keygen.stdout().contains(hk.fingerprint()), keygen.stdout() + " vs " + hk.fingerprint());
            assertTrue(e.getMessage().contains("--accept-new-host-key"), e.getMessage());
        }
        assertFalse(Files.exists(empty) && !Files.readString(empty).isEmpty(), "nothing trusted without --accept-new-host-key");
    }

    @Test
    void acceptNewTrustsOnFirstUseAndRemembers() throws Exception {
        Path fresh = dir.resolve("known_hosts_fresh");
        try (SshRunner ssh = runner("node2", fresh, true, key)) {
            assertEquals(0, ssh.run(Command.of("true")).exitCode());
        }
        assertTrue(Files.readString(fresh).startsWith(env.get("LAB_ADDR_node2") + " ssh-ed25519 "), Files.readString(fresh));
        try (SshRunner again = runner("node2", fresh, false, key)) {
            assertEquals(0, again.run(Command.of("true")).exitCode(), "remembered key is accepted");
        }
    }

    @Test
    void changedHostKeyIsRefusedEvenWithAcceptNew() throws Exception {
        // node1's address listed with node2's host key: what a man in the middle looks like
        String node2Key = Files.readString(lab.DIR.resolve("state/ssh/host_node2.pub")).trim().split("\\s+", 3)[1];
        Path wrong = dir.resolve("known_hosts_wrong");
        Files.writeString(wrong, env.get("LAB_ADDR_node1") + " ssh-ed25519 " + node2Key + "\n");
        try (SshRunner ssh = runner("node1", wrong, true, key)) {
            TransportException e = assertThrows(TransportException.class, () -> ssh.run(Command.of("true")));
            HostKeyException hk = assertInstanceOf(HostKeyException.class, e.getCause());
            assertEquals(HostKeyException.Reason.CHANGED, hk.reason());
            assertEquals(Kind.HOST_KEY, e.kind());
            assertTrue(e.getMessage().contains("CHANGED"), e.getMessage());
        }
        assertEquals(1, Files.readAllLines(wrong).size(), "known_hosts untouched");
    }

    @Test
    void wrongKeyIsAClearLoginError() throws Exception {
        Path other = dir.resolve("other_key");
        new LocalProcessRunner().run(Command.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", other.toString()));
        try (SshRunner ssh = runner("node1", knownHosts, false, other)) {
            TransportException e = assertThrows(TransportException.class, () -> ssh.run(Command.of("true")));
            assertTrue(e.getMessage().startsWith("root@" + env.get("LAB_ADDR_node1") + ": login as root refused"),
                    e.getMessage());
            assertEquals(Kind.LOGIN_REFUSED, e.kind());
        }
    }

    @Test
    void aHangingCommandTimesOutAndTheConnectionKeepsWorking() throws Exception {
        try (SshRunner ssh = runner("node1", knownHosts, false, key)) {
            long t = System.nanoTime();
            TransportException e = assertThrows(TransportException.class,
                    () -> ssh.run(Command.of("sleep", "20").withTimeout(Duration.ofMillis(500))));
            assertTrue(Duration.ofNanos(System.nanoTime() - t).toMillis() < 5000);
            assertTrue(e.getMessage().contains("timed out"), e.getMessage());
            assertEquals(Kind.TIMED_OUT, e.kind());
            assertEquals("ok", ssh.run(Command.of("echo", "ok")).stdout().trim());
        }
    }

    @Test
    void hostileArgumentsArriveLiterally() throws Exception {
        try (SshRunner ssh = runner("node1", knownHosts, false, key)) {
            String hostile = "x'; touch /tmp/PWNED; echo '$(id)`id`\n-rf";
            CommandResult r = ssh.run(Command.of("printf", "%s", hostile));
            assertEquals(hostile, r.stdout());
            assertEquals(1, ssh.run(Command.of("test", "-e", "/tmp/PWNED")).exitCode(), "nothing was executed");
        }
    }

    @Test
    void anAddressWithoutANodeFailsFastAndThenBacksOff() {
        // an unused address on the lab's own bridge: no host answers
        SshRunner ssh = new SshRunner(SshTarget.parse("root@10.99.0.13", "root"),
                new SshOptions(List.of(key), knownHosts, false, Duration.ofSeconds(2)));
        long t = System.nanoTime();
        TransportException first = assertThrows(TransportException.class, () -> ssh.run(Command.of("true")));
        assertTrue(Duration.ofNanos(System.nanoTime() - t).toMillis() < 6000, "bounded by the connect timeout");
        assertTrue(first.getMessage().startsWith("root@10.99.0.13: cannot connect"), first.getMessage());
        TransportException second = assertThrows(TransportException.class, () -> ssh.run(Command.of("true")));
        assertTrue(second.getMessage().contains("unreachable") && second.getMessage().contains("next attempt"),
                second.getMessage());
        // the parts: the first failure's kind and detail, and when the next attempt is due
        assertEquals(Kind.UNREACHABLE, first.kind());
        assertEquals(Kind.UNREACHABLE, second.kind());
        assertTrue(second.detail().startsWith(first.detail() + " (next attempt in "), second.detail());
        assertEquals("root@10.99.0.13: unreachable: " + second.detail(), second.getMessage());
    }

    @Test
    void aFollowedCommandDeliversOutputAsItComesAndClosingEndsItOnTheNode() throws Exception {
        try (SshRunner ssh = runner("node1", knownHosts, false, key)) {
            BlockingQueue<String> out = new LinkedBlockingQueue<>();
            BlockingQueue<Object> end = new LinkedBlockingQueue<>();
            String marker = "clusterdeck-follow-" + System.nanoTime();
            // a duration no other process on the node sleeps: pgrep finds exactly this one
            String sleeper = "sleep 600." + (System.nanoTime() % 1_000_000);
            // the second part waits for a file the test creates after seeing the first
            CommandStream s = ssh.follow(Command.of("sh", "-c", "printf 'one.'; while [ ! -e /tmp/" + marker
                    + " ]; do sleep 0.05; done; printf two; exec " + sleeper), listener(out, end));
            assertEquals("one.", out.poll(5, TimeUnit.SECONDS));
            assertEquals("", ssh.run(Command.of("touch", "/tmp/" + marker)).stderr());
            assertEquals("two", out.poll(5, TimeUnit.SECONDS));
            assertTrue(s.isOpen());
            assertEquals(0, ssh.run(Command.of("pgrep", "-f", sleeper)).exitCode(), "running on the node");
            s.close();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (ssh.run(Command.of("pgrep", "-f", sleeper)).exitCode() == 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(1, ssh.run(Command.of("pgrep", "-f", sleeper)).exitCode(), "gone from the node");
            assertEquals(null, end.poll(300, TimeUnit.MILLISECONDS), "a closed stream reports nothing");
            ssh.run(Command.of("rm", "-f", "/tmp/" + marker));
        }
    }

    @Test
    void aFollowedCommandThatEndsReportsItsExitCodeAndAKilledSshdIsAFailure() throws Exception {
        try (SshRunner ssh = runner("node2", knownHosts, false, key)) {
            BlockingQueue<String> out = new LinkedBlockingQueue<>();
            BlockingQueue<Object> end = new LinkedBlockingQueue<>();
            ssh.follow(Command.of("sh", "-c", "echo bye; echo why >&2; exit 4"), listener(out, end));
            CommandResult r = (CommandResult) end.poll(5, TimeUnit.SECONDS);
            assertEquals(4, r.exitCode());
            assertEquals("why\n", r.stderr());
            assertEquals("bye\n", out.poll(1, TimeUnit.SECONDS));

            ssh.ping(Duration.ofSeconds(2));
            ssh.follow(Command.of("sleep", "600"), listener(out, end));
            lab.ok(Duration.ofSeconds(10), "exec", "node2", "pkill", "-KILL", "-x", "sshd");
            try {
                Object failure = end.poll(10, TimeUnit.SECONDS);
                assertInstanceOf(TransportException.class, failure, String.valueOf(failure));
                assertTrue(((TransportException) failure).getMessage().contains("connection lost"), failure.toString());
                assertEquals(Kind.CONNECTION_LOST, ((TransportException) failure).kind());
                TransportException e = assertThrows(TransportException.class, () -> ssh.ping(Duration.ofSeconds(2)));
                assertTrue(e.getMessage().startsWith("root@" + env.get("LAB_ADDR_node2") + ": "), e.getMessage());
            } finally {
                lab.ok(Duration.ofSeconds(10), "exec", "node2", "/usr/sbin/sshd", "-f",
                        Lab.DIR.resolve("state/ssh/sshd_config-node2").toString());
                // sshd goes to the background before it listens: the next test found the port closed
                Lab.await("node2's sshd listening again", Duration.ofSeconds(10),
                        () -> listening(env.get("LAB_ADDR_node2")), () -> "connection refused");
            }
        }
    }

    private static Boolean listening(String address) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, 22), 1000);
            return true;
        } catch (IOException e) {
            return null;
        }
    }

    private static OutputListener listener(BlockingQueue<String> out, BlockingQueue<Object> end) {
        return new OutputListener() {
            @Override
            public void output(String text) {
                out.add(text);
            }

            @Override
            public void ended(CommandResult result) {
                end.add(result);
            }

            @Override
            public void failed(TransportException problem) {
                end.add(problem);
            }
        };
    }
}
