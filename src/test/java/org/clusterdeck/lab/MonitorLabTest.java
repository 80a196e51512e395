package org.clusterdeck.lab;

import org.clusterdeck.app.nodes.NodeConnection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.clusterdeck.app.monitor.ClusterMonitor;
import org.clusterdeck.app.monitor.ClusterView;
import org.clusterdeck.app.monitor.MonitorListener;
import org.clusterdeck.app.monitor.MonitorSettings;
import org.clusterdeck.app.monitor.NodeView;
import org.clusterdeck.app.monitor.Reach;
import org.clusterdeck.cli.Cli;
import org.clusterdeck.cluster.corosync.CorosyncMember;
import org.clusterdeck.cluster.corosync.CorosyncQuorum;
import org.clusterdeck.cluster.events.ClusterEvent;
import org.clusterdeck.cluster.events.EventType;
import org.clusterdeck.cluster.status.ClusterNode;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.cluster.status.CrmMonParser;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.CommandStream;
import org.clusterdeck.transport.LocalProcessRunner;
import org.clusterdeck.transport.OutputListener;
import org.clusterdeck.transport.TransportException;
import org.clusterdeck.transport.ssh.SshOptions;
import org.clusterdeck.transport.ssh.SshRunner;
import org.clusterdeck.transport.ssh.SshTarget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The monitor and {@code watch} against the lab's real nodes: probes, errors, a dead sshd, a failover. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitorLabTest extends LabTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FAST = Duration.ofSeconds(20);

    Map<String, String> env;

    @TempDir
    Path dir;

    @BeforeAll
    void labUp() {
        lab.ok(Duration.ofSeconds(600), "up", "--token", "1000");
        env = lab.env();
    }

    String host(String node) {
        return "root@" + env.get("LAB_ADDR_" + node);
    }

    List<CommandRunner> runners() {
        SshOptions options = new SshOptions(List.of(Path.of(env.get("LAB_SSH_KEY"))),
                Path.of(env.get("LAB_KNOWN_HOSTS")), false, Duration.ofSeconds(3));
        List<CommandRunner> list = new ArrayList<>();
        for (String n : lab.nodes()) {
            list.add(new SshRunner(SshTarget.parse(host(n), "root"), options));
        }
        return list;
    }

    /** Everything a monitor reported, kept for the assertions. */
    static final class Recorder implements MonitorListener {
        final List<ClusterView> views = new CopyOnWriteArrayList<>();
        final List<ClusterEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void view(ClusterView view) {
            views.add(view);
        }

        @Override
        public void event(ClusterEvent event) {
            events.add(event);
        }

        ClusterView last() {
            return views.isEmpty() ? null : views.get(views.size() - 1);
        }

        NodeView node(String host) {
            ClusterView v = last();
            return v == null ? null : v.nodes().stream().filter(n -> n.host().equals(host)).findFirst().orElse(null);
        }

        ClusterEvent awaitEvent(String what, Predicate<ClusterEvent> p) {
            return awaitEvent(what, FAST, p);
        }

        ClusterEvent awaitEvent(String what, Duration within, Predicate<ClusterEvent> p) {
            return Lab.await(what, within, () -> events.stream().filter(p).findFirst().orElse(null), () -> events);
        }

        long viewsFrom(String host) {
            return views.stream().flatMap(v -> v.nodes().stream())
                    .filter(n -> n.host().equals(host) && n.status() != null).map(NodeView::answeredAt).distinct().count();
        }
    }

    ClusterMonitor monitor(Recorder recorder, List<CommandRunner> nodes) {
        ClusterMonitor m = new ClusterMonitor(nodes.stream().map(NodeConnection::new).toList(),
                MonitorSettings.DEFAULT, Clock.systemUTC(), recorder);
        m.start();
        Lab.await("both nodes answer", FAST, () -> recorder.last() != null
                && recorder.last().nodes().stream().allMatch(n -> n.status() != null) ? true : null, recorder::last);
        return m;
    }

    @Test
    @Order(1)
    void probesEachNodeAndReadsCorosyncQuorumConsistentWithCrmMon() throws IOException {
        Recorder rec = new Recorder();
        List<CommandRunner> nodes = runners();
        try (ClusterMonitor m = monitor(rec, nodes)) {
            for (String n : lab.nodes()) {
                NodeView v = rec.node(host(n));
                assertEquals(Reach.REACHABLE, v.reach());
                assertEquals(n, v.software().nodeName(), "crm_node -n on " + n);
                // the DC's version as crm_mon reports it starts with the version pacemakerd printed
                assertTrue(v.status().summary().pacemakerVersion().startsWith(v.software().pacemaker()),
                        v.status().summary().pacemakerVersion() + " vs " + v.software().pacemaker());
                assertNotNull(v.software().corosync());
                assertFalse(v.software().hasDrbd(), "the lab has no DRBD module");
                assertNotNull(v.cib(), "CIB read at the first poll");
                CorosyncQuorum q = v.quorum();
                ClusterStatus s = v.status();
                assertEquals(s.summary().quorum(), q.quorate());
                assertEquals(s.nodes().stream().filter(ClusterNode::online).map(ClusterNode::name).sorted().toList(),
                        q.members().stream().map(CorosyncMember::name).sorted().toList());
                assertEquals(List.of(n), q.members().stream().filter(CorosyncMember::local).map(CorosyncMember::name).toList());
                String conf = Files.readString(Lab.DIR.resolve("state").resolve(n).resolve("etc-corosync/corosync.conf"));
                assertEquals(conf.matches("(?s).*two_node:\\s*1.*"), q.twoNode());
            }
            assertTrue(rec.events.isEmpty(), "a healthy cluster gives no events: " + rec.events);
        } finally {
            nodes.forEach(CommandRunner::close);
        }
    }

    @Test
    @Order(2)
    void aQuietClusterCostsOnlyKeepalivesAndAChangeIsReadAtOnce() throws InterruptedException {
        Recorder rec = new Recorder();
        List<CountingRunner> counted = runners().stream().map(CountingRunner::new).toList();
        try (ClusterMonitor m = monitor(rec, List.copyOf(counted))) {
            // crm_mon is read every round for 10 s after the start (the stream's first output is a change)
            Thread.sleep(12_000);
            int before = crmMonReads(counted);
            long viewsBefore = rec.viewsFrom(host("node1"));
            Thread.sleep(5_000);
            assertEquals(before, crmMonReads(counted), "no crm_mon while nothing changes");
            assertTrue(rec.viewsFrom(host("node1")) >= viewsBefore + 4,
                    "keepalives confirm the status every second: " + (rec.viewsFrom(host("node1")) - viewsBefore));
            assertTrue(rec.last().nodes().stream().allMatch(n -> n.reach() == Reach.REACHABLE && n.error() == null),
                    rec.last().toString());
            List<Integer> quiet = counted.stream().map(c -> c.crmMonReads.get()).toList();
            long changedAt = System.nanoTime();
            touchCib();
            Lab.await("crm_mon read on every node after a change", Duration.ofSeconds(3), () -> counted.stream()
                    .allMatch(c -> c.crmMonReads.get() > quiet.get(counted.indexOf(c))) ? true : null, () -> counted);
            long tookMs = (System.nanoTime() - changedAt) / 1_000_000;
            assertTrue(tookMs < 2000, "a change is read within crm_mon's first refresh, not the 30 s safety read: " + tookMs);
            assertTrue(rec.events.isEmpty(), "a node attribute is no event: " + rec.events);
        } finally {
            counted.forEach(CommandRunner::close);
        }
    }

    private static int crmMonReads(List<CountingRunner> runners) {
        return runners.stream().mapToInt(c -> c.crmMonReads.get()).sum();
    }

    /** A real runner that counts the one-shot crm_mon reads it runs. */
    static final class CountingRunner implements CommandRunner {
        final CommandRunner runner;
        final AtomicInteger crmMonReads = new AtomicInteger();

        CountingRunner(CommandRunner runner) {
            this.runner = runner;
        }

        @Override
        public String node() {
            return runner.node();
        }

        @Override
        public CommandResult run(Command command) throws TransportException {
            if (command.argv().get(0).equals("crm_mon") && command.argv().contains("-1")) {
                crmMonReads.incrementAndGet();
            }
            return runner.run(command);
        }

        @Override
        public CommandStream follow(Command command, OutputListener listener) throws TransportException {
            return runner.follow(command, listener);
        }

        @Override
        public void ping(Duration timeout) throws TransportException {
            runner.ping(timeout);
        }

        @Override
        public void close() {
            runner.close();
        }

        @Override
        public String toString() {
            return node() + ": " + crmMonReads.get() + " crm_mon reads";
        }
    }

    @Test
    @Order(3)
    void nodePrintingGarbageGivesAnErrorEventAndTheOtherNodeIsStillWatched() {
        Recorder rec = new Recorder();
        List<CommandRunner> nodes = runners();
        String bad = host("node2");
        try (ClusterMonitor m = monitor(rec, nodes)) {
            hideCrmMon("node2", "#!/bin/sh\necho 'Segmentation fault? <pacemaker-result api-version=\"2.'\n");
            touchCib();
            ClusterEvent e = rec.awaitEvent("error event for node2",
                    ev -> ev.type() == EventType.ERROR && bad.equals(ev.seenBy()));
            assertEquals("node2", e.node());
            assertTrue(e.message().contains(bad) && e.message().contains("crm_mon"), e.message());
            assertEquals(Reach.REACHABLE, rec.node(bad).reach(), "it answered, with nonsense");
            long before = rec.viewsFrom(host("node1"));
            Lab.await("node1 still polled", FAST, () -> rec.viewsFrom(host("node1")) >= before + 3 ? true : null,
                    rec::last);
            assertEquals(host("node1"), rec.last().source());
            restoreCrmMon("node2");
            Lab.await("node2 answers properly again", FAST,
                    () -> rec.node(bad).status() != null && rec.node(bad).error() == null ? true : null, rec::last);
        } finally {
            restoreCrmMon("node2");
            nodes.forEach(CommandRunner::close);
        }
    }

    /**
     * A crm_mon that prints without end (hundreds of megabytes and more): the console stops reading
     * at its limit, ends the command on the node, reports an error for that node naming the limit,
     * and goes on watching the other.
     */
    @Test
    @Order(3)
    void aCrmMonPrintingWithoutEndIsStoppedWithAnErrorForThatNodeAlone() {
        Recorder rec = new Recorder();
        List<CommandRunner> nodes = runners();
        String bad = host("node2");
        try (ClusterMonitor m = monitor(rec, nodes)) {
            hideCrmMon("node2", "#!/bin/sh\nexec yes '<resource id=\"endless\"/>'\n");
            touchCib();
            ClusterEvent e = rec.awaitEvent("error event for node2",
                    ev -> ev.type() == EventType.ERROR && bad.equals(ev.seenBy()) && ev.message().contains("MiB"));
            assertTrue(e.message().contains("crm_mon") && e.message().contains("printed more than 64 MiB on stdout"),
                    e.message());
            long before = rec.viewsFrom(host("node1"));
            Lab.await("node1 still polled", FAST, () -> rec.viewsFrom(host("node1")) >= before + 3 ? true : null,
                    rec::last);
            restoreCrmMon("node2");
            Lab.await("no endless crm_mon left on node2", FAST, () -> lab.ssh("node2", Duration.ofSeconds(10),
                    "pgrep", "-x", "yes").exitCode() == 1 ? true : null, () -> "yes still runs on node2");
            Lab.await("node2 answers properly again", FAST,
                    () -> rec.node(bad).status() != null && rec.node(bad).error() == null ? true : null, rec::last);
        } finally {
            restoreCrmMon("node2");
            nodes.forEach(CommandRunner::close);
        }
    }

    @Test
    @Order(4)
    void sshdKilledMidCommandGivesAnEventForThatNodeAndTheMonitorGoesOn() {
        Recorder rec = new Recorder();
        List<CommandRunner> nodes = runners();
        String victim = host("node2");
        try (ClusterMonitor m = monitor(rec, nodes)) {
            // crm_mon on node2 now takes 3 s (real output, saved just before), so sshd dies mid-command
            String saved = lab.ok(Duration.ofSeconds(30), "exec", "node2", "crm_mon", "-1", "--inactive", "--output-as=xml");
            hideCrmMon("node2", "#!/bin/sh\nsleep 3\ncat <<'XML'\n" + saved + "XML\n");
            touchCib();
            Lab.await("a slow crm_mon in flight", FAST, () -> crmMonRunning("node2") ? true : null, () -> "");
            lab.ok(Duration.ofSeconds(10), "exec", "node2", "pkill", "-KILL", "-x", "sshd");
            ClusterEvent e = rec.awaitEvent("node2 unreachable",
                    ev -> ev.type() == EventType.NODE_UNREACHABLE && victim.equals(ev.seenBy()));
            assertTrue(e.message().contains("crm_mon") && e.message().contains("connection lost"), rec.events.toString());
            long before = rec.viewsFrom(host("node1"));
            Lab.await("node1 still polled", FAST, () -> rec.viewsFrom(host("node1")) >= before + 3 ? true : null,
                    rec::last);
            restoreCrmMon("node2");
            lab.ok(Duration.ofSeconds(10), "exec", "node2", "/usr/sbin/sshd", "-f",
                    Lab.DIR.resolve("state/ssh/sshd_config-node2").toString());
            rec.awaitEvent("node2 reachable again",
                    ev -> ev.type() == EventType.NODE_REACHABLE && victim.equals(ev.seenBy()));
        } finally {
            restoreCrmMon("node2");
            nodes.forEach(CommandRunner::close);
        }
    }

    /**
     * A third of the packets between the console and node1 lost, each way, for a minute (nftables in
     * node1's namespace; the cluster's own traffic untouched): no false node or failover events, at
     * most one warning for node1 (slow, with its figures), none for node2, the status still crm_mon's,
     * and once the path is sound again node1 answers promptly, reported once.
     */
    @Test
    @Order(5)
    void aPathLosingAThirdOfItsPacketsIsAtMostOneSlowWarningNotFlaps() throws Exception {
        String lossy = host("node1");
        underFault(rec -> {
            int from = rec.events.size();
            lab.ok(Duration.ofSeconds(30), "fault", "loss", "node1", "30");
            Thread.sleep(60_000);
            ClusterStatus seen = rec.last().status();
            ClusterStatus truth = CrmMonParser.parse(lab.ok(Duration.ofSeconds(30), "exec", "node2", "crm_mon", "-1",
                    "--output-as=xml"), "crm_mon on node2");
            lab.ok(Duration.ofSeconds(30), "fault", "clear", "node1");
            List<ClusterEvent> during = List.copyOf(rec.events.subList(from, rec.events.size()));
            System.out.println("MonitorLabTest: 60 s of 30 % loss to node1: " + during);
            assertEquals(List.of(), during.stream().filter(e -> e.type() != EventType.LINK_DEGRADED
                    && e.type() != EventType.LINK_RECOVERED).toList(), "false events under loss");
            List<ClusterEvent> slow = during.stream().filter(e -> e.type() == EventType.LINK_DEGRADED).toList();
            assertTrue(slow.size() <= 1 && slow.stream().allMatch(e -> lossy.equals(e.seenBy())
                    && e.message().contains("answers slowly: ") && e.message().contains(" s")), slow.toString());
            assertEquals(placement(truth), placement(seen), "the monitor's status is crm_mon's");
            if (!slow.isEmpty()) {
                rec.awaitEvent("node1 prompt again", Duration.ofSeconds(90), ev -> ev.type() == EventType.LINK_RECOVERED
                        && lossy.equals(ev.seenBy()));
            }
            assertTrue(rec.events.subList(from, rec.events.size()).stream().noneMatch(e -> e.type() == EventType.NODE_UNREACHABLE),
                    rec.events.toString());
        });
    }

    /**
     * node2's sshd stops answering (SIGSTOP: its connections stay open, nothing comes back): node2 is
     * slow at once, with how long it has been silent, unreachable after the monitor's wait, node1 is
     * watched throughout, and node2 answers again once its sshd goes on.
     */
    @Test
    @Order(6)
    void anSshdThatStopsAnsweringIsSlowThenUnreachableWhileTheOtherNodeIsWatched() throws Exception {
        String victim = host("node2");
        underFault(rec -> {
            long stopped = System.nanoTime();
            lab.ok(Duration.ofSeconds(30), "fault", "sshd-stop", "node2");
            ClusterEvent slow = rec.awaitEvent("node2 slow", ev -> ev.type() == EventType.LINK_DEGRADED
                    && victim.equals(ev.seenBy()));
            assertTrue(slow.message().contains("answers slowly: no answer for "), slow.message());
            long before = rec.viewsFrom(host("node1"));
            ClusterEvent gone = rec.awaitEvent("node2 unreachable", Duration.ofSeconds(60),
                    ev -> ev.type() == EventType.NODE_UNREACHABLE && victim.equals(ev.seenBy()));
            long seconds = Duration.ofNanos(System.nanoTime() - stopped).toSeconds();
            System.out.println("MonitorLabTest: sshd stopped on node2: slow, then unreachable after " + seconds + " s: "
                    + gone.message());
            assertTrue(seconds >= 25, "unreachable only after the wait: " + seconds + " s");
            assertTrue(rec.viewsFrom(host("node1")) >= before + 10, "node1 watched while node2 was silent");
            answersOnceCleared(rec, "node2");
        });
    }

    /**
     * node2 reinstalled under way (a new host key) and its connection dropped: the monitor's
     * reconnect is refused naming the old and the new key, so nothing is sent to the impostor; node1
     * is watched meanwhile, and with the old key back node2 answers again.
     */
    @Test
    @Order(7)
    void aNodeWithANewHostKeyIsRefusedWithBothFingerprintsWhileTheOtherIsWatched() throws Exception {
        String victim = host("node2");
        Path keys = Lab.DIR.resolve("state/ssh");
        underFault(rec -> {
            String old = fingerprint(keys.resolve("host_node2.pub"));
            lab.ok(Duration.ofSeconds(30), "fault", "hostkey", "node2");
            String now = fingerprint(keys.resolve("host_node2.pub"));
            // the monitor's own session processes die, as at a reboot; the listening sshd stays
            lab.ok(Duration.ofSeconds(10), "exec", "node2", "pkill", "-KILL", "-f", "^sshd: root@");
            ClusterEvent e = rec.awaitEvent("node2 refused", ev -> ev.type() == EventType.NODE_UNREACHABLE
                    && victim.equals(ev.seenBy()) && ev.message().contains("host key"));
            assertTrue(e.message().contains("has CHANGED") && e.message().contains(now) && e.message().contains(old),
                    e.message());
            long before = rec.viewsFrom(host("node1"));
            Lab.await("node1 still polled", FAST, () -> rec.viewsFrom(host("node1")) >= before + 3 ? true : null,
                    rec::last);
            answersOnceCleared(rec, "node2");
        });
    }

    /**
     * The heartbeat between the nodes cut while SSH to each stays up (lab/fault partition): the node
     * without the service is fenced (fencing the active node waits, as two-node clusters are set up)
     * and the survivor holds the service, reported as fencing; no view
     * shows an instance running on two nodes, and one node alone holds the address; once the fenced
     * node is back, still cut off, the two nodes' own views contradict each other and the console says
     * so, showing the quorate side's; with the heartbeat back they agree again.
     */
    @Test
    @Order(8)
    void aPartitionIsFencingAndOneSideWithTheServiceAndTheConsoleSaysTheViewsDisagree() throws Exception {
        underFault(rec -> {
            String active = lab.activeNode();
            // As two-node clusters are set up against a fence race (both nodes asking the switch at once,
            // which then reboots both and the fence history with them): fencing the active node waits,
            // so the active side fences first and keeps the service.
            String delayed = "st_" + active;
            lab.ok(Duration.ofSeconds(30), "exec", active, "crm_resource", "--resource", delayed, "--set-parameter",
                    "pcmk_delay_base", "--parameter-value", "5s");
            try {
                partitioned(rec, active);
            } finally {
                lab.ok(Duration.ofSeconds(30), "exec", active, "crm_resource", "--resource", delayed,
                        "--delete-parameter", "pcmk_delay_base");
            }
        });
    }

    private void partitioned(Recorder rec, String active) throws Exception {
        lab.ok(Duration.ofSeconds(30), "fault", "partition");
        ClusterEvent fencing = rec.awaitEvent("fencing", Duration.ofSeconds(60),
                ev -> ev.type() == EventType.FENCING && ev.node() != null);
        String fenced = fencing.node();
        String survivor = lab.other(fenced);
        assertEquals(lab.other(active), fenced, "the side with the service fences first: " + fencing.message());
        ClusterEvent split = rec.awaitEvent("the views disagree", Duration.ofSeconds(120),
                ev -> ev.type() == EventType.VIEWS_DISAGREE);
        System.out.println("MonitorLabTest: partition: " + fencing.message() + " / " + split.message());
        assertTrue(split.message().contains(fenced + " sees [" + fenced + "] online")
                && split.message().contains(survivor + " sees [" + survivor + "] online")
                && split.message().endsWith("the status shown is " + host(survivor) + "'s"), split.message());
        assertEquals(List.of(survivor), lab.status().values().stream().filter(Lab.NodeSample::vip)
                .map(Lab.NodeSample::node).toList(), "the address on the survivor alone");
        for (ClusterView v : rec.views) {
            if (v.status() != null) {
                v.status().resources().stream().filter(r -> r.nodes().size() > 1)
                        .findFirst().ifPresent(r -> fail("a view shows " + r.id() + " on " + r.nodes()));
            }
        }
        lab.ok(Duration.ofSeconds(30), "fault", "clear");
        rec.awaitEvent("the views agree", Duration.ofSeconds(120), ev -> ev.type() == EventType.VIEWS_AGREE);
    }

    private static String fingerprint(Path publicKey) throws Exception {
        CommandResult r = new LocalProcessRunner("here").run(Command.of("ssh-keygen", "-l", "-f", publicKey.toString()));
        assertEquals(0, r.exitCode(), r.stderr());
        return r.stdout().split("\\s+")[1];
    }

    /** The lab up with its short token, a monitor on both nodes, and whatever lab/fault did undone after. */
    private void underFault(FaultTest test) throws Exception {
        lab.ok(Duration.ofSeconds(600), "up", "--token", "1000");
        Recorder rec = new Recorder();
        List<CommandRunner> nodes = runners();
        try (ClusterMonitor m = monitor(rec, nodes)) {
            // a cluster still settling from the test before would make events of its own
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int seen;
            do {
                seen = rec.events.size();
                Thread.sleep(5000);
            } while (rec.events.size() != seen && System.nanoTime() < deadline);
            test.run(rec);
        } finally {
            lab.run(Duration.ofSeconds(30), "fault", "clear");
            nodes.forEach(CommandRunner::close);
            // every node up and every resource started for the test after, whatever this one left
            lab.run(Duration.ofSeconds(600), "up", "--token", "1000");
        }
    }

    /** Ends the faults of {@code node}, which then answers the monitor again. */
    private void answersOnceCleared(Recorder rec, String node) {
        lab.ok(Duration.ofSeconds(30), "fault", "clear", node);
        rec.awaitEvent(node + " answers again", Duration.ofSeconds(60),
                ev -> ev.type() == EventType.NODE_REACHABLE && host(node).equals(ev.seenBy()));
    }

    interface FaultTest {
        void run(Recorder rec) throws Exception;
    }

    /** Where each resource instance runs, and which nodes are online: what an admin compares. */
    static List<String> placement(ClusterStatus s) {
        List<String> out = new ArrayList<>();
        s.nodes().forEach(n -> out.add(n.name() + (n.online() ? " online" : " offline")));
        s.resources().forEach(r -> out.add(r.id() + " " + r.role() + " " + r.nodes()));
        return out.stream().sorted().toList();
    }

    @Test
    @Order(10)
    void watchReportsTheFailoverOfThePoweredOffActiveNodeWithItsDuration() throws Exception {
        String active = lab.activeNode();
        String survivor = lab.other(active);
        Lines out = new Lines();
        StringWriter err = new StringWriter();
        Thread watch = new Thread(() -> Cli.run(dir.resolve("audit"), new PrintWriter(out, true), new PrintWriter(err, true), "watch",
                "--host", host("node1"), "--host", host("node2"), "-i", env.get("LAB_SSH_KEY"),
                "--known-hosts", env.get("LAB_KNOWN_HOSTS"), "--json"), "watch");
        watch.start();
        try {
            Thread.sleep(3000);
            assertTrue(out.toString().isBlank(), "no events from a healthy cluster: " + out + err);
            long poweredOff = System.nanoTime();
            lab.ok(SCRIPT, "node", "poweroff", active);
            List<String> statusDuring = new ArrayList<>();
            JsonNode failover = null;
            while (failover == null && System.nanoTime() - poweredOff < Duration.ofSeconds(20).toNanos()) {
                statusDuring.add(statusOverSsh());
                failover = out.events().stream().filter(j -> j.get("type").asText().equals("failover"))
                        .findFirst().orElse(null);
            }
            if (failover == null) {
                fail("no failover event within 20 s of the power-off; got:\n" + out + err + "\n" + survivor + " says:\n"
                        + lab.run(Duration.ofSeconds(10), "exec", survivor, "sh", "-c", "crm_mon -1; ps -ef | grep crm_mon")
                        + "\nthreads:\n" + threadDump());
            }
            List<JsonNode> events = out.events();
            assertTrue(events.stream().anyMatch(j -> type(j, "node-lost") && active.equals(j.path("node").asText())),
                    "node-lost for " + active + ":\n" + out);
            assertTrue(events.stream().anyMatch(j -> type(j, "fencing") && active.equals(j.path("node").asText())),
                    "fencing of " + active + ":\n" + out);
            assertTrue(events.stream().anyMatch(j -> type(j, "resource-moved") && "p_dhcpd".equals(j.path("resource").asText())
                    && survivor.equals(j.path("to").asText())), "p_dhcpd moved to " + survivor + ":\n" + out);
            assertTrue(failover.get("durationMs").asLong() > 0, failover.toString());
            List<String> affected = new ArrayList<>();
            failover.get("resources").forEach(r -> affected.add(r.asText()));
            assertTrue(affected.containsAll(List.of("p_fs_data", "p_vip", "p_dhcpd")), failover.toString());
            assertTrue(failover.get("time").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), failover.toString());
            // status --host stayed correct for the survivor throughout
            assertFalse(statusDuring.isEmpty());
            for (String s : statusDuring) {
                JsonNode nodes = JSON.readTree(s).get("nodes");
                boolean survivorOnline = false;
                for (JsonNode n : nodes) {
                    survivorOnline |= n.get("name").asText().equals(survivor) && n.get("online").asBoolean();
                }
                assertTrue(survivorOnline, "status --host during the failover:\n" + s);
            }
            lab.ok(SCRIPT, "node", "start", active);
            Lab.await(active + " joins again", Duration.ofSeconds(30), () -> out.events().stream()
                    .anyMatch(j -> type(j, "node-joined") && active.equals(j.path("node").asText())) ? true : null, () -> out);
        } finally {
            watch.interrupt();
            watch.join(10_000);
        }
        assertFalse(watch.isAlive(), "watch stops when interrupted");
    }

    private static String threadDump() {
        StringBuilder dump = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (t.getName().startsWith("monitor") || t.getName().startsWith("command-output")) {
                dump.append(t.getName()).append(' ').append(t.getState()).append('\n');
                for (StackTraceElement e : stack) {
                    dump.append("    ").append(e).append('\n');
                }
            }
        });
        return dump.toString();
    }

    private static boolean type(JsonNode event, String type) {
        return type.equals(event.path("type").asText());
    }

    private String statusOverSsh() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(dir.resolve("audit"), new PrintWriter(out), new PrintWriter(err), "status", "--host", host("node1"),
                "--host", host("node2"), "-i", env.get("LAB_SSH_KEY"), "--known-hosts", env.get("LAB_KNOWN_HOSTS"),
                "--json");
        assertEquals(0, code, err.toString());
        return out.toString();
    }

    /** Puts a script over /usr/sbin/crm_mon inside one node's private mount namespace. */
    private void hideCrmMon(String node, String script) {
        try {
            Path f = dir.resolve("crm_mon-" + node);
            Files.writeString(f, script);
            f.toFile().setExecutable(true, false);
            lab.mountOver(node, f.toString(), "/usr/sbin/crm_mon");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void restoreCrmMon(String node) {
        lab.unmount(node, "/usr/sbin/crm_mon");
    }

    /**
     * Changes the CIB's status section (a transient node attribute): crm_mon's change stream
     * reports it, so the monitor reads crm_mon again.
     */
    private void touchCib() {
        lab.ok(Duration.ofSeconds(10), "exec", "node1", "crm_attribute", "--node", "node1", "--lifetime", "reboot",
                "--name", "clusterdeck-touch", "--update", Long.toString(System.nanoTime()));
    }

    private boolean crmMonRunning(String node) {
        return lab.run(Duration.ofSeconds(10), "exec", node, "pgrep", "-x", "-f", "sleep 3").ok();
    }

    /** A writer the watch thread prints to while the test reads it. */
    static final class Lines extends Writer {
        private final StringBuilder text = new StringBuilder();

        @Override
        public synchronized void write(char[] cbuf, int off, int len) {
            text.append(cbuf, off, len);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public synchronized String toString() {
            return text.toString();
        }

        List<JsonNode> events() {
            List<JsonNode> list = new ArrayList<>();
            for (String line : toString().split("\n")) {
                if (!line.isBlank() && line.endsWith("}")) {
                    try {
                        list.add(JSON.readTree(line));
                    } catch (IOException e) {
                        throw new AssertionError("watch printed a line that is not JSON: " + line, e);
                    }
                }
            }
            return list;
        }
    }
}
