package org.clusterdeck.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.clusterdeck.app.monitor.ClusterMonitor;
import org.clusterdeck.app.monitor.MonitorSettings;
import org.clusterdeck.app.monitor.NodeView;
import org.clusterdeck.app.nodes.NodeConnection;
import org.clusterdeck.cli.Cli;
import org.clusterdeck.cluster.checks.ClockOffset;
import org.clusterdeck.cluster.checks.FindingKind;
import org.clusterdeck.cluster.events.ClusterEvent;
import org.clusterdeck.cluster.events.EventType;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.cluster.status.CrmMonParser;
import org.clusterdeck.transport.CommandRunner;

/**
 * Issue 16's faults that need the guests' own kernels (lab/vm-fault), on the cluster SetupLabTest built,
 * under a monitor of both guests: the path to node1 delayed by 500 ms (netem) and node2's clock set 10
 * minutes ahead, at once. Neither is a failure: no node is unreachable, nothing fails over, the slow node is
 * at most one warning; the status stays crm_mon's; node2's clock is a finding, in the window's monitor and in
 * {@code status}, and node1's is not.
 */
final class VmFaultChecks {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration AHEAD = Duration.ofMinutes(10);
    /** How long the delay lasts: the 60 s over which a node's answers are judged, and more. */
    private static final Duration DELAYED = Duration.ofSeconds(100);

    private final VmLab lab;
    private final Path dir;

    VmFaultChecks(VmLab lab, Path dir) {
        this.lab = lab;
        this.dir = dir;
    }

    void aSlowPathAndAClockAheadAreToldWithoutFalseEvents() throws Exception {
        List<CommandRunner> runners = lab.sshRunners();
        MonitorLabTest.Recorder rec = new MonitorLabTest.Recorder();
        String slow = lab.host("node1");
        String skewed = lab.host("node2");
        try (ClusterMonitor m = new ClusterMonitor(runners.stream().map(NodeConnection::new).toList(),
                MonitorSettings.DEFAULT, Clock.systemUTC(), rec)) {
            m.start();
            // a node started again by the test before rejoins, starts its resources and resyncs DRBD first
            Lab.await("both guests online, the service started and DRBD in sync", Duration.ofMinutes(5),
                    () -> settled(rec) ? true : null, rec::last);
            for (String node : VmLab.NODES) {
                NodeView v = rec.node(lab.host(node));
                assertNotNull(v.clock(), node + "'s clock is read with the first status: " + v);
                assertFalse(v.clock().off(), node + "'s clock before the fault: " + v.clock());
            }
            ClockOffset before = rec.node(skewed).clock();
            int from = rec.events.size();
            long t0 = System.nanoTime();
            lab.script(Duration.ofSeconds(30), "vm-fault", "delay", "node1", "500");
            lab.script(Duration.ofSeconds(30), "vm-fault", "clock", "node2", Long.toString(AHEAD.toSeconds()));
            try {
                // read again within a minute, at the next crm_mon read (every 30 s while nothing changes)
                ClockOffset seen = Lab.await("node2's clock found off by the monitor", Duration.ofSeconds(150), () -> {
                    NodeView v = rec.node(skewed);
                    return v != null && v.clock() != null && v.clock().off() ? v.clock() : null;
                }, rec::last);
                assertEquals("node2", seen.node());
                // moved from where it was by 10 minutes, to the second (date -s takes whole seconds)
                Duration moved = seen.offset().minus(before.offset());
                assertTrue(AHEAD.minus(moved).abs().compareTo(seen.uncertainty().plus(before.uncertainty())
                        .plusSeconds(1)) <= 0, "moved by " + moved + ": " + before + " then " + seen);
                long left = DELAYED.toNanos() - (System.nanoTime() - t0);
                if (left > 0) {
                    Thread.sleep(left / 1_000_000);
                }
                // the monitor's events under the faults, before the command line's logins below: on this 2-core
                // machine an emulated guest's CPU is busy for seconds with each new SSH login (the key exchange),
                // which is slow, truly, for a round of the monitor
                List<ClusterEvent> during = List.copyOf(rec.events.subList(from, rec.events.size()));
                System.out.println("VmFaultChecks: events under the delay and the clock ahead: " + during);
                assertEquals(List.of(), during.stream().filter(e -> e.type() != EventType.LINK_DEGRADED
                        && e.type() != EventType.LINK_RECOVERED).toList(), "false events");
                Map<String, Long> warnings = during.stream().filter(e -> e.type() == EventType.LINK_DEGRADED)
                        .collect(Collectors.groupingBy(ClusterEvent::seenBy, Collectors.counting()));
                assertTrue(warnings.values().stream().allMatch(n -> n <= 1), "at most one warning a node: " + during);
                NodeView delayed = rec.node(slow);
                assertNotNull(delayed.clock(), delayed.toString());
                assertFalse(delayed.clock().off(), "a slow answer is no clock off: " + delayed.clock());

                ClusterStatus truth = crmMon("node1");
                assertEquals(MonitorLabTest.placement(truth), MonitorLabTest.placement(rec.last().status()),
                        "the monitor's status is crm_mon's");
                long s0 = System.nanoTime();
                JsonNode viaSlowPath = status(slow);
                System.out.printf("VmFaultChecks: status --host node1 over the 500 ms delay took %.1f s%n",
                        (System.nanoTime() - s0) / 1e9);
                assertEquals(MonitorLabTest.placement(truth), placement(viaSlowPath), "status over the slow path");
                assertEquals(List.of(), findings(viaSlowPath, FindingKind.CLOCK_OFF), viaSlowPath.toString());
                JsonNode viaSkewed = status(skewed);
                List<JsonNode> clock = findings(viaSkewed, FindingKind.CLOCK_OFF);
                assertEquals(1, clock.size(), viaSkewed.toString());
                assertEquals("node2", clock.get(0).get("subject").asText());
                assertTrue(clock.get(0).get("message").asText().startsWith("node2's clock is 10 min ahead of this console's."),
                        clock.get(0).toString());
            } finally {
                lab.script(Duration.ofSeconds(60), "vm-fault", "clear");
            }
            assertTrue(rec.events.subList(from, rec.events.size()).stream().noneMatch(
                    e -> e.type() == EventType.NODE_UNREACHABLE), "no node unreachable: " + rec.events);
            // cleared: node2's clock is this machine's again
            ClockOffset after = ClockOffset.read("node2", runners.get(1), Clock.systemUTC());
            assertFalse(after.off(), after.toString());
        } finally {
            runners.forEach(CommandRunner::close);
        }
    }

    private boolean settled(MonitorLabTest.Recorder rec) {
        if (rec.last() == null || rec.last().status() == null) {
            return false;
        }
        ClusterStatus s = rec.last().status();
        return s.nodes().size() == 2 && s.nodes().stream().allMatch(n -> n.online())
                && s.resources().stream().filter(r -> r.id().equals("p_dhcpd")).anyMatch(r -> "Started".equals(r.role()))
                && VmLab.NODES.stream().allMatch(n -> DrbdResyncChecks.upToDate(rec.node(lab.host(n))));
    }

    private ClusterStatus crmMon(String node) {
        return CrmMonParser.parse(lab.guest(node, "crm_mon", "-1", "--output-as=xml"), node + ": crm_mon");
    }

    private JsonNode status(String host) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(dir.resolve("audit"), new PrintWriter(out, true), new PrintWriter(err, true), "status",
                "--host", host, "-i", lab.env("VM_LAB_SSH_KEY"), "--known-hosts", lab.env("VM_LAB_KNOWN_HOSTS"), "--json");
        assertEquals(0, code, "status --host " + host + ": " + err);
        return JSON.readTree(out.toString());
    }

    /** The JSON's nodes and resources as {@link MonitorLabTest#placement} puts crm_mon's. */
    private static List<String> placement(JsonNode status) {
        List<String> out = new ArrayList<>();
        status.get("nodes").forEach(n -> out.add(n.get("name").asText() + (n.get("online").asBoolean() ? " online" : " offline")));
        status.get("resources").forEach(r -> {
            List<String> nodes = new ArrayList<>();
            r.get("nodes").forEach(n -> nodes.add(n.asText()));
            out.add(r.get("id").asText() + " " + r.get("role").asText() + " " + nodes);
        });
        return out.stream().sorted().toList();
    }

    private static List<JsonNode> findings(JsonNode status, FindingKind kind) {
        List<JsonNode> out = new ArrayList<>();
        status.get("findings").forEach(f -> {
            if (f.get("kind").asText().equals(kind.word())) {
                out.add(f);
            }
        });
        return out;
    }
}
