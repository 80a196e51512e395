package org.clusterdeck.lab;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.clusterdeck.cluster.xml.SafeXml;
import org.clusterdeck.cluster.xml.XmlWriter;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.LocalProcessRunner;
import org.clusterdeck.transport.ShellQuote;
import org.clusterdeck.transport.TransportException;
import org.junit.jupiter.api.Assumptions;
import org.w3c.dom.NodeList;

/**
 * The project's lab (lab/ beside pom.xml) as the tests use it: its scripts run as local processes,
 * and what the cluster reports is read over SSH with the lab's own key, the way ClusterDeck will.
 */
final class Lab {
    static final Path DIR = Path.of("lab").toAbsolutePath();

    private final LocalProcessRunner runner = new LocalProcessRunner("lab");
    private Map<String, String> env;

    /** Skips the calling test class, saying why, where the lab cannot run. */
    static void assumeUsable() {
        Assumptions.assumeTrue(Files.isExecutable(DIR.resolve("up")), "lab tests skipped: no " + DIR.resolve("up"));
        LocalProcessRunner probe = new LocalProcessRunner("host");
        Assumptions.assumeTrue(succeeds(probe, Command.of("id", "-u"), "0"),
                "lab tests skipped: they need root (network, mount and PID namespaces); run mvn test as root");
        Assumptions.assumeTrue(succeeds(probe,
                Command.of("unshare", "--net", "--mount", "--uts", "--ipc", "--pid", "--fork", "true"), ""),
                "lab tests skipped: this machine cannot create network/mount/UTS/IPC/PID namespaces");
    }

    private static boolean succeeds(LocalProcessRunner r, Command c, String expectedOutput) {
        try {
            CommandResult res = r.run(c.withTimeout(Duration.ofSeconds(10)));
            return res.ok() && res.stdout().strip().equals(expectedOutput);
        } catch (TransportException e) {
            return false;
        }
    }

    /** Runs lab/SCRIPT ARGS and returns how it ended, whatever its exit code. */
    CommandResult run(Duration timeout, String script, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(DIR.resolve(script).toString());
        argv.addAll(List.of(args));
        try {
            return runner.run(new Command(argv, Map.of(), null, timeout));
        } catch (TransportException e) {
            return fail("lab/" + script + ": " + e.getMessage(), e);
        }
    }

    /** Runs lab/SCRIPT ARGS and fails the test with its output unless it exits 0. */
    String ok(Duration timeout, String script, String... args) {
        CommandResult r = run(timeout, script, args);
        if (!r.ok()) {
            fail(Command.of("lab/" + script, List.of(args)).display() + " exited " + r.exitCode()
                    + "\nstdout:\n" + r.stdout() + "\nstderr:\n" + r.stderr());
        }
        return r.stdout();
    }

    /**
     * Puts {@code source} over {@code target} inside the node (a bind mount in its mount
     * namespace), for a test that needs a tool missing or misbehaving.
     */
    void mountOver(String node, String source, String target) {
        ok(Duration.ofSeconds(10), "exec", node, "mount", "--bind", source, target);
    }

    /**
     * Undoes {@link #mountOver}, every layer of it. Lazy, because a monitor restarting its change
     * stream keeps a fake tool nearly always executing and a plain umount then fails as busy,
     * leaving the fake for later tests. Harmless when nothing is mounted, so cleanup can always
     * call it.
     */
    void unmount(String node, String target) {
        ok(Duration.ofSeconds(10), "exec", node, "sh", "-c",
                "while grep -q \" $1 \" /proc/self/mountinfo; do umount -l \"$1\" || exit 1; done", "sh", target);
    }

    /** lab/env's assignments; values are single-quoted shell words. */
    Map<String, String> env() {
        if (env == null) {
            Map<String, String> m = new LinkedHashMap<>();
            for (String line : ok(Duration.ofSeconds(10), "env").split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    m.put(line.substring(0, eq), unquote(line.substring(eq + 1)));
                }
            }
            env = Map.copyOf(m);
        }
        return env;
    }

    private static String unquote(String word) {
        if (word.length() >= 2 && word.startsWith("'") && word.endsWith("'")) {
            return word.substring(1, word.length() - 1).replace("'\\''", "'");
        }
        return word;
    }

    List<String> nodes() {
        return List.of(env().get("LAB_NODES").split(" "));
    }

    String other(String node) {
        return nodes().stream().filter(n -> !n.equals(node)).findFirst().orElseThrow();
    }

    /** Runs a command on a node over SSH, checking the host key against the lab's known_hosts. */
    CommandResult ssh(String node, Duration timeout, String... remoteArgv) {
        Map<String, String> e = env();
        List<String> argv = List.of("ssh", "-i", e.get("LAB_SSH_KEY"),
                "-o", "UserKnownHostsFile=" + e.get("LAB_KNOWN_HOSTS"), "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
                "-o", "ConnectTimeout=3", e.get("LAB_USER") + "@" + e.get("LAB_ADDR_" + node),
                ShellQuote.join(List.of(remoteArgv)));
        try {
            return runner.run(new Command(argv, Map.of(), null, timeout));
        } catch (TransportException ex) {
            return fail("ssh to " + node + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * One scope of the live CIB as NODE's cibadmin prints it, canonicalised: one line, attributes in
     * one order. A change that rewrites a section (cibadmin --replace) writes them in another, which
     * means the same; so a test compares these to see a configuration back as it began.
     */
    String canonicalCib(String node, String scope) {
        CommandResult r = ssh(node, Duration.ofSeconds(15), "cibadmin", "--query", "--scope", scope);
        if (!r.ok()) {
            return fail("cibadmin --query --scope " + scope + " on " + node + " exited " + r.exitCode() + ": "
                    + r.stderr());
        }
        return XmlWriter.compact(SafeXml.parse(r.stdout(), scope).getDocumentElement()).replaceAll(">\\s+<", "><");
    }

    /** Completion times of successful reboots of TARGET in the fencing history that NODE reports. */
    Set<String> successfulReboots(String node, String target) {
        // Without --verbose stonith_admin prints only one successful event of the whole history.
        CommandResult r = ssh(node, Duration.ofSeconds(15), "stonith_admin", "--history", "*", "--verbose",
                "--output-as=xml");
        if (!r.ok()) {
            return fail("stonith_admin --history on " + node + " exited " + r.exitCode() + ": " + r.stderr());
        }
        var doc = SafeXml.parse(r.stdout(), "stonith_admin --history on " + node);
        try {
            NodeList l = (NodeList) XPathFactory.newInstance().newXPath().evaluate(
                    "//fence_event[@action='reboot' and @status='success' and @target='" + target + "']/@completed",
                    doc, XPathConstants.NODESET);
            Set<String> s = new HashSet<>();
            for (int i = 0; i < l.getLength(); i++) {
                s.add(l.item(i).getNodeValue());
            }
            return s;
        } catch (XPathExpressionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cluster as one node's crm_mon reports it, or null when that node does not answer. */
    ClusterView clusterSeenFrom(String node) {
        CommandResult r = ssh(node, Duration.ofSeconds(15), "crm_mon", "-1", "--output-as=xml");
        if (!r.ok()) {
            return null;
        }
        return new ClusterView(SafeXml.parse(r.stdout(), "crm_mon on " + node));
    }

    /** Each node's power, VIP and /data as lab/node status sees them from the host. */
    Map<String, NodeSample> status() {
        Map<String, NodeSample> m = new LinkedHashMap<>();
        for (String line : ok(Duration.ofSeconds(10), "node", "status").split("\n")) {
            NodeSample s = NodeSample.parse(line);
            m.put(s.node(), s);
        }
        return m;
    }

    /** The node holding the VIP, failing when none or both do. */
    String activeNode() {
        Map<String, NodeSample> s = status();
        List<String> holders = s.values().stream().filter(NodeSample::vip).map(NodeSample::node).toList();
        if (holders.size() != 1) {
            fail("expected exactly one node with the VIP, got " + s.values());
        }
        return holders.get(0);
    }

    /** Polls until the condition gives a non-null answer; fails with what was last seen. */
    static <T> T await(String what, Duration within, Supplier<T> condition, Supplier<Object> lastSeen) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            T answer = condition.get();
            if (answer != null) {
                return answer;
            }
            if (System.nanoTime() > deadline) {
                return fail("not within " + within.toSeconds() + " s: " + what + "\nlast seen: " + lastSeen.get());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fail("interrupted while waiting: " + what);
            }
        }
    }

    /** One line of lab/node status: "node1 power=on vip=yes data=yes". */
    record NodeSample(String node, boolean on, boolean vip, boolean data) {
        static NodeSample parse(String line) {
            String[] f = line.strip().split(" ");
            if (f.length != 4 || !f[1].startsWith("power=") || !f[2].startsWith("vip=") || !f[3].startsWith("data=")) {
                throw new IllegalStateException("lab/node status printed an unexpected line: '" + line + "'");
            }
            return new NodeSample(f[0], f[1].equals("power=on"), f[2].equals("vip=yes"), f[3].equals("data=yes"));
        }
    }
}
