package org.clusterdeck.lab;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.LocalProcessRunner;
import org.clusterdeck.transport.TransportException;
import org.clusterdeck.transport.ssh.SshOptions;
import org.clusterdeck.transport.ssh.SshRunner;
import org.clusterdeck.transport.ssh.SshTarget;
import org.junit.jupiter.api.Assumptions;

/**
 * The QEMU lab (lab/vm-*) as the tests use it: its scripts run as local processes, the guests are
 * read over plain ssh with the lab's key, and {@code setup} runs as a process of its own, the way
 * an admin's terminal runs it, with its JSON lines read as they come.
 */
final class VmLab {
    static final Path DIR = Path.of("lab").toAbsolutePath();
    static final List<String> NODES = List.of("node1", "node2");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalProcessRunner host = new LocalProcessRunner("host");
    private Map<String, String> env;

    /** Skips the calling test class where the lab cannot run. */
    void assumeRoot() {
        Assumptions.assumeTrue(run(Duration.ofSeconds(10), List.of("id", "-u")).stdout().strip().equals("0"),
                "QEMU lab test skipped: lab/vm-up needs root");
    }

    /** Fresh bare guests: lab/vm-down, then lab/vm-up --bare with these options; then the lab's environment. */
    void up(String... options) {
        List<String> args = new ArrayList<>(List.of("--bare"));
        args.addAll(List.of(options));
        start(Duration.ofMinutes(10), args);
    }

    /**
     * The reference cluster: lab/vm-down, then lab/vm-up, which builds it the first time with the
     * ClusterDeck under test (this JVM's class path) and later boots the kept disks.
     */
    void upReference() {
        start(Duration.ofMinutes(40), List.of());
    }

    void down() {
        script(Duration.ofSeconds(60), "vm-down");
    }

    private void start(Duration timeout, List<String> args) {
        down();
        script(timeout, "vm-up", args.toArray(String[]::new));
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : script(Duration.ofSeconds(10), "vm-env").split("\n")) {
            int eq = line.indexOf('=');
            m.put(line.substring(0, eq), line.substring(eq + 2, line.length() - 1));
        }
        env = m;
    }

    String env(String name) {
        return env.get(name);
    }

    /** A guest's address as ClusterDeck is given it: 127.0.0.1 and its forwarded SSH port. */
    String host(String node) {
        return env("VM_LAB_HOST_" + node);
    }

    /** ClusterDeck's SSH runners for both guests, in {@link #NODES}' order, with the lab's key and known_hosts. */
    List<CommandRunner> sshRunners() {
        SshOptions options = new SshOptions(List.of(Path.of(env("VM_LAB_SSH_KEY"))), Path.of(env("VM_LAB_KNOWN_HOSTS")),
                false, Duration.ofSeconds(5));
        return NODES.stream().map(n -> (CommandRunner) new SshRunner(SshTarget.parse(host(n), "root"), options)).toList();
    }

    /** The arguments of {@code setup --spec SPEC} for the lab's guests, then {@code more}. */
    String[] setupArgs(String spec, String... more) {
        List<String> args = new ArrayList<>(List.of("setup", "--spec", spec, "-i", env("VM_LAB_SSH_KEY"),
                "--known-hosts", env("VM_LAB_KNOWN_HOSTS")));
        for (String n : NODES) {
            args.addAll(List.of("--host", env("VM_LAB_HOST_" + n)));
        }
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** One JSON line of a setup run and when it arrived (System.nanoTime()). */
    record Line(JsonNode event, long nanos) {
        String kind() {
            return event.get("event").asText();
        }

        String step() {
            return event.path("step").asText();
        }
    }

    /**
     * How a setup process ended: its lines, its exit code (null when stopped), its stderr, and the
     * CPU time its JVM had used at the last look before it ended (looked at every 100 ms).
     */
    record Run(List<Line> lines, Integer exitCode, String stderr, Duration cpu) {
    }

    /**
     * Runs {@code setup --spec SPEC --yes --json} as its own JVM with its audit log in {@code data},
     * and kills it (SIGKILL) at the first line {@code stop} accepts; null runs it to its end.
     */
    Run setupProcess(String spec, Path data, Path stderr, Predicate<Line> stop) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dclusterdeck.dataDir=" + data, "-cp", System.getProperty("java.class.path"), "org.clusterdeck.Main"));
        argv.addAll(List.of(setupArgs(spec, "--yes", "--json")));
        Process p = new ProcessBuilder(argv).redirectError(stderr.toFile()).start();
        java.util.concurrent.atomic.AtomicReference<Duration> cpu = new java.util.concurrent.atomic.AtomicReference<>(Duration.ZERO);
        Thread sampler = new Thread(() -> {
            while (p.isAlive()) {
                p.info().totalCpuDuration().ifPresent(cpu::set);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "setup-cpu");
        sampler.setDaemon(true);
        sampler.start();
        List<Line> lines = new ArrayList<>();
        boolean stopped = false;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String text;
            while ((text = r.readLine()) != null) {
                Line line = new Line(JSON.readTree(text), System.nanoTime());
                lines.add(line);
                if (stop != null && stop.test(line)) {
                    stopped = true;
                    p.destroyForcibly();
                    break;
                }
            }
        }
        p.waitFor();
        sampler.join();
        return new Run(lines, stopped ? null : p.exitValue(), java.nio.file.Files.readString(stderr), cpu.get());
    }

    /** What the command printed on the guest; fails the test unless it exits 0. */
    String guest(String node, String... argv) {
        CommandResult r = ssh(node, Duration.ofSeconds(60), argv);
        if (!r.ok()) {
            fail(node + ": " + String.join(" ", argv) + " exited " + r.exitCode() + ": " + r.stderr());
        }
        return r.stdout();
    }

    CommandResult ssh(String node, Duration timeout, String... argv) {
        String target = env("VM_LAB_HOST_" + node);
        String port = target.substring(target.lastIndexOf(':') + 1);
        List<String> ssh = new ArrayList<>(List.of("ssh", "-i", env("VM_LAB_SSH_KEY"), "-o",
                "UserKnownHostsFile=" + env("VM_LAB_KNOWN_HOSTS"), "-o", "GlobalKnownHostsFile=/dev/null", "-o",
                "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "ConnectTimeout=10",
                "-p", port, "root@127.0.0.1", "--"));
        ssh.add(Command.of(argv).display());
        return run(timeout, ssh);
    }

    /** The node the service group runs on. */
    String located() {
        for (String n : NODES) {
            CommandResult r = ssh(n, Duration.ofSeconds(30), "crm_resource", "--locate", "--resource", "g_dhcp");
            if (r.ok() && r.stdout().contains("is running on: ")) {
                return r.stdout().substring(r.stdout().indexOf("is running on: ") + 15).strip();
            }
        }
        return fail("g_dhcp runs nowhere");
    }

    /** Runs lab/NAME ARGS; fails the test with its output unless it exits 0. */
    String script(Duration timeout, String name, String... args) {
        List<String> argv = new ArrayList<>(List.of(DIR.resolve(name).toString()));
        argv.addAll(List.of(args));
        CommandResult r = run(timeout, argv);
        if (!r.ok()) {
            fail("lab/" + name + " exited " + r.exitCode() + "\n" + r.stdout() + r.stderr());
        }
        return r.stdout();
    }

    private CommandResult run(Duration timeout, List<String> argv) {
        try {
            return host.run(new Command(argv, Map.of("VM_LAB_CLASSPATH", System.getProperty("java.class.path")), null, timeout));
        } catch (TransportException e) {
            return fail(String.join(" ", argv) + ": " + e.getMessage(), e);
        }
    }
}
