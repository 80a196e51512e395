package org.clusterdeck.lab;

import org.clusterdeck.app.nodes.NodeConnection;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clusterdeck.app.monitor.ClusterMonitor;
import org.clusterdeck.app.monitor.MonitorSettings;
import org.clusterdeck.cluster.command.CrmMon;
import org.clusterdeck.cluster.events.ClusterEvent;
import org.clusterdeck.cluster.events.EventType;
import org.clusterdeck.cluster.status.ClusterNode;
import org.clusterdeck.cluster.status.CrmMonParser;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.ssh.SshOptions;
import org.clusterdeck.transport.ssh.SshRunner;
import org.clusterdeck.transport.ssh.SshTarget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The monitor against the lab: how soon after crm_mon on the survivor shows a powered-off node
 * gone does the monitor report node-lost, and how much CPU answering the monitor costs each node.
 * Writes target/benchmarks/monitor.md.
 */
@Tag("bench")
class MonitorBenchmark extends LabTestBase {
    private static final int RUNS = 8;
    private static final Duration CPU_WINDOW = Duration.ofSeconds(60);

    Map<String, String> env;
    final java.util.Random random = new java.util.Random(4);
    final StringBuilder md = new StringBuilder();

    @BeforeAll
    void labUp() {
        lab.ok(Duration.ofSeconds(600), "up", "--token", "1000");
        env = lab.env();
    }

    SshRunner runner(String node) {
        return new SshRunner(SshTarget.parse("root@" + env.get("LAB_ADDR_" + node), "root"),
                new SshOptions(List.of(Path.of(env.get("LAB_SSH_KEY"))), Path.of(env.get("LAB_KNOWN_HOSTS")), false,
                        Duration.ofSeconds(3)));
    }

    @Test
    void detectionLatencyAgainstCrmMonSampledEvery100ms() throws Exception {
        List<Double> lags = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (int run = 1; run <= RUNS; run++) {
            lab.ok(Duration.ofSeconds(120), "up", "--token", "1000");
            String active = lab.activeNode();
            String survivor = lab.other(active);
            MonitorLabTest.Recorder rec = new MonitorLabTest.Recorder();
            List<CommandRunner> nodes = List.of(runner("node1"), runner("node2"));
            try (SshRunner sampler = runner(survivor);
                    ClusterMonitor monitor = new ClusterMonitor(nodes.stream().map(NodeConnection::new).toList(), MonitorSettings.DEFAULT, Clock.systemUTC(), rec)) {
                monitor.start();
                // a random phase against the monitor's 1 s polling, as a real failure has
                Thread.sleep(3000 + random.nextInt(1000));
                Instant off = Instant.now();
                lab.ok(SCRIPT, "node", "poweroff", active);
                Instant seenByCrmMon = null;
                while (seenByCrmMon == null && Duration.between(off, Instant.now()).toSeconds() < 30) {
                    long t0 = System.nanoTime();
                    CommandResult r = sampler.run(CrmMon.status());
                    Instant at = Instant.now();
                    if (r.ok() && CrmMonParser.parse(r.stdout(), "sampler").nodes().stream()
                            .anyMatch(n -> n.name().equals(active) && !n.online())) {
                        seenByCrmMon = at;
                    }
                    Thread.sleep(Math.max(0, 100 - (System.nanoTime() - t0) / 1_000_000));
                }
                assertNotNull(seenByCrmMon, "crm_mon on " + survivor + " never showed " + active + " offline");
                ClusterEvent lost = rec.awaitEvent("node-lost " + active,
                        e -> e.type() == EventType.NODE_LOST && active.equals(e.node()));
                double crmMonMs = Duration.between(off, seenByCrmMon).toMillis();
                double monitorMs = Duration.between(off, lost.time()).toMillis();
                lags.add(monitorMs - crmMonMs);
                rows.append(String.format(Locale.ROOT, "| %d | %s | %.0f | %.0f | %+.0f |%n", run, active, crmMonMs,
                        monitorMs, monitorMs - crmMonMs));
            } finally {
                nodes.forEach(CommandRunner::close);
            }
            lab.ok(SCRIPT, "node", "start", active);
        }
        List<Double> sorted = lags.stream().sorted().toList();
        md.append("Power-off of the active node → node lost (ms after `lab/node poweroff`), token 1000 ms, "
                + "monitor interval 1 s:\n\n| run | node | crm_mon on survivor (100 ms samples) | ClusterDeck node-lost | ClusterDeck − crm_mon |\n"
                + "|---:|---|---:|---:|---:|\n").append(rows)
                .append(String.format(Locale.ROOT, "%nMedian lag %.0f ms, worst %.0f ms.%n%n",
                        sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1)));
        write();
    }

    @Test
    void cpuEachNodeSpendsOnTheMonitorAtTheDefaultInterval() throws Exception {
        lab.ok(Duration.ofSeconds(120), "up", "--token", "1000");
        Thread.sleep(5000);
        Map<String, Long> idle0 = nodeTicks();
        Thread.sleep(CPU_WINDOW.toMillis());
        Map<String, Long> idle1 = nodeTicks();
        MonitorLabTest.Recorder rec = new MonitorLabTest.Recorder();
        List<CommandRunner> nodes = List.of(runner("node1"), runner("node2"));
        Map<String, Long> mon0;
        Map<String, Long> mon1;
        try (ClusterMonitor monitor = new ClusterMonitor(nodes.stream().map(NodeConnection::new).toList(), MonitorSettings.DEFAULT, Clock.systemUTC(), rec)) {
            monitor.start();
            // past the first 10 s, in which crm_mon is read every round (its stream's first output
            // counts as a change): the window measures a quiet cluster, safety reads included
            Thread.sleep(15_000);
            mon0 = nodeTicks();
            Thread.sleep(CPU_WINDOW.toMillis());
            mon1 = nodeTicks();
        } finally {
            nodes.forEach(CommandRunner::close);
        }
        double tick = 100.0; // USER_HZ on Linux
        md.append("CPU of each node's processes (all of its PID namespace: sshd, shells, crm_mon, the daemons "
                + "answering it), " + CPU_WINDOW.toSeconds() + " s idle vs " + CPU_WINDOW.toSeconds()
                + " s with the monitor at its default 1 s interval:\n\n| node | idle (% of a core) | monitored (% of a core) | monitor's share |\n|---|---:|---:|---:|\n");
        for (String n : idle0.keySet()) {
            double idle = (idle1.get(n) - idle0.get(n)) / tick / CPU_WINDOW.toSeconds() * 100;
            double mon = (mon1.get(n) - mon0.get(n)) / tick / CPU_WINDOW.toSeconds() * 100;
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |%n", n, idle, mon, mon - idle));
        }
        md.append('\n');
        write();
    }

    /**
     * CPU ticks used so far by every process of each node: user+system of the living processes
     * plus what they collected from their finished children, so short-lived commands count too.
     */
    private Map<String, Long> nodeTicks() throws IOException {
        Map<String, Long> out = new java.util.TreeMap<>();
        for (String n : lab.nodes()) {
            String init = Files.readString(Lab.DIR.resolve("state").resolve(n).resolve("init.pid")).strip().split("\\s+")[0];
            Path ns = Path.of("/proc", init, "ns", "pid");
            String nsId = Files.readSymbolicLink(ns).toString();
            long sum = 0;
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        if (!Files.readSymbolicLink(p.resolve("ns/pid")).toString().equals(nsId)) {
                            continue;
                        }
                        String stat = Files.readString(p.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        // fields 14-17 of stat: utime stime cutime cstime (index from after the name)
                        sum += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                    } catch (IOException gone) {
                        // exited meanwhile: its time is in its parent's cutime/cstime now
                    }
                }
            }
            out.put(n, sum);
        }
        return out;
    }

    private void write() throws IOException {
        System.out.println(md);
        Path out = Path.of("target/benchmarks/monitor.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
    }
}
