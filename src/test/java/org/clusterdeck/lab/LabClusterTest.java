package org.clusterdeck.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;


import org.clusterdeck.lab.Lab.NodeSample;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.LocalProcessRunner;
import org.clusterdeck.transport.TransportException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The lab as a real cluster: one lab (token 1000 ms) goes through up, power-off failover,
 * rejoin, a crash that must be fenced, and down, in that order. Needs root; skipped otherwise.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabClusterTest extends LabTestBase {
    // On a fresh machine lab/up installs its packages first.
    private static final Duration UP = Duration.ofSeconds(600);

    private String firstLeaseAddress;

    @Test
    @Order(1)
    void upFromNothingBringsBothNodesOnlineWithTheWholeStackOnOneNode() {
        lab.ok(UP, "up", "--token", "1000");

        Set<String> all = Set.copyOf(lab.nodes());
        String serviceNode = null;
        for (String node : lab.nodes()) {
            ClusterView v = lab.clusterSeenFrom(node);
            assertNotNull(v, node + " does not answer crm_mon over SSH");
            assertEquals(all, v.online(), "online nodes as " + node + " sees them");
            assertNotNull(v.dc(), node + " sees no DC");
            assertTrue(v.everythingActive(), "not every resource is active as " + node + " sees it: " + v.resources());
            assertNotNull(v.serviceNode(), "the DHCP stack is not together on one node: " + v.resources());
            serviceNode = v.serviceNode();
        }
        // The host's own view agrees: the VIP and /data exist on that node only.
        Map<String, NodeSample> s = lab.status();
        assertEquals(new NodeSample(serviceNode, true, true, true), s.get(serviceNode));
        String standby = lab.other(serviceNode);
        assertEquals(new NodeSample(standby, true, false, false), s.get(standby));

        firstLeaseAddress = leaseFromVip(Duration.ofSeconds(15)).address();
    }

    @Test
    @Order(2)
    void poweringOffTheActiveNodeMovesDhcpAndEveryResourceToTheSurvivor() {
        awaitFullCluster();
        String active = lab.activeNode();
        String survivor = lab.other(active);

        long t0 = System.nanoTime();
        lab.ok(SCRIPT, "node", "poweroff", active);
        Lease lease = leaseFromVip(Duration.ofSeconds(15));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds <= 15, "DHCP answered again only after " + seconds + " s");
        if (firstLeaseAddress != null) {
            assertEquals(firstLeaseAddress, lease.address(), "the survivor must serve the same lease from the shared /data");
        }

        ClusterView v = Lab.await("the survivor runs the whole stack", Duration.ofSeconds(30), () -> {
            ClusterView c = lab.clusterSeenFrom(survivor);
            return c != null && survivor.equals(c.serviceNode()) ? c : null;
        }, () -> lab.clusterSeenFrom(survivor));
        assertEquals(Set.of(survivor), v.online());
        assertEquals(Set.of(survivor), v.nodesRunningAnything(), "every running resource is on the survivor");
        Map<String, NodeSample> s = lab.status();
        assertEquals(new NodeSample(active, false, false, false), s.get(active));
        assertEquals(new NodeSample(survivor, true, true, true), s.get(survivor));
    }

    @Test
    @Order(3)
    void aPoweredOffNodeRejoinsWhenStarted() {
        String off = lab.status().values().stream().filter(n -> !n.on()).map(NodeSample::node).findFirst()
                .orElse(null);
        if (off == null) {
            off = lab.other(lab.activeNode());
            lab.ok(SCRIPT, "node", "poweroff", off);
        }
        lab.ok(SCRIPT, "node", "start", off);

        String rejoined = off;
        ClusterView own = Lab.await(off + " online again in its own view with everything active",
                Duration.ofSeconds(60), () -> {
                    ClusterView c = lab.clusterSeenFrom(rejoined);
                    return c != null && c.online().equals(Set.copyOf(lab.nodes())) && c.everythingActive() ? c : null;
                }, () -> lab.clusterSeenFrom(rejoined));
        assertNotNull(own.serviceNode());
        ClusterView peer = lab.clusterSeenFrom(lab.other(off));
        assertNotNull(peer);
        assertEquals(Set.copyOf(lab.nodes()), peer.online(), "the peer sees " + off + " back");
    }

    @Test
    @Order(4)
    void aCrashedStackIsFencedComesBackAndTheServiceNeverRunsTwice() throws InterruptedException {
        awaitFullCluster();
        String crashed = lab.activeNode();
        String survivor = lab.other(crashed);
        Set<String> fencedBefore = lab.successfulReboots(survivor, crashed);

        List<Map<String, NodeSample>> samples = new CopyOnWriteArrayList<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> samples.add(lab.status()), 0, 200, TimeUnit.MILLISECONDS);
        try {
            Thread.sleep(600);
            lab.ok(SCRIPT, "node", "crash", crashed);
            Lab.await(survivor + " fenced " + crashed + " (stonith_admin --history)", Duration.ofSeconds(60), () -> {
                Set<String> now = lab.successfulReboots(survivor, crashed);
                now.removeAll(fencedBefore);
                return now.isEmpty() ? null : now;
            }, () -> lab.successfulReboots(survivor, crashed));
            Lab.await(crashed + " back online and the survivor running the stack", Duration.ofSeconds(90), () -> {
                ClusterView c = lab.clusterSeenFrom(survivor);
                return c != null && c.online().equals(Set.copyOf(lab.nodes())) && c.everythingActive()
                        && survivor.equals(c.serviceNode()) ? c : null;
            }, () -> lab.clusterSeenFrom(survivor));
            leaseFromVip(Duration.ofSeconds(15));
        } finally {
            sampler.shutdown();
            assertTrue(sampler.awaitTermination(15, TimeUnit.SECONDS), "the sampler did not stop");
        }

        assertTrue(samples.size() >= 20, "too few samples to judge: " + samples.size());
        assertTrue(samples.get(0).get(crashed).vip() && samples.get(0).get(crashed).data(),
                "the first sample should show the service on " + crashed + ": " + samples.get(0));
        Map<String, NodeSample> last = samples.get(samples.size() - 1);
        assertTrue(last.get(survivor).vip() && last.get(survivor).data(), "the last sample should show the service on "
                + survivor + ": " + last);
        List<Map<String, NodeSample>> twice = samples.stream()
                .filter(m -> m.values().stream().filter(NodeSample::vip).count() > 1
                        || m.values().stream().filter(NodeSample::data).count() > 1)
                .toList();
        assertEquals(List.of(), twice, "samples with the VIP or /data on both nodes (split brain)");
    }

    /**
     * The counter-test of the one above: with fencing off the same crash gives real split brain,
     * and the same sampling sees it. Afterwards the lab is put back (fencing on, node rebooted).
     */
    @Test
    @Order(5)
    void withoutFencingTheSameCrashRunsTheServiceOnBothNodes() {
        awaitFullCluster();
        String crashed = lab.activeNode();
        String survivor = lab.other(crashed);
        setStonithEnabled(survivor, false);
        try {
            lab.ok(SCRIPT, "node", "crash", crashed);
            Map<String, NodeSample> both = Lab.await("the VIP and /data on both nodes", Duration.ofSeconds(30), () -> {
                Map<String, NodeSample> s = lab.status();
                return s.values().stream().allMatch(n -> n.vip() && n.data()) ? s : null;
            }, lab::status);
            assertEquals(2, both.size());
        } finally {
            lab.ok(SCRIPT, "node", "poweroff", crashed);
            setStonithEnabled(survivor, true);
            lab.ok(SCRIPT, "node", "start", crashed);
        }
        awaitFullCluster();
    }

    private void setStonithEnabled(String node, boolean enabled) {
        CommandResult r = lab.ssh(node, Duration.ofSeconds(30), "crm_attribute", "--type", "crm_config",
                "--name", "stonith-enabled", "--update", Boolean.toString(enabled));
        assertTrue(r.ok(), "crm_attribute on " + node + ": " + r.stderr());
    }

    @Test
    @Order(6)
    void downLeavesNothingBehind() throws IOException {
        lab.ok(SCRIPT, "down");

        String netns = host("ip", "netns", "list");
        for (String ns : List.of("lab-node1", "lab-node2", "lab-client")) {
            assertFalse(netns.contains(ns), "namespace " + ns + " left: " + netns);
        }
        String links = host("ip", "-o", "link", "show");
        for (String link : List.of("br-lab", "veth-node1", "veth-node2", "veth-client")) {
            assertFalse(links.contains(" " + link + ":") || links.contains(" " + link + "@"), "link " + link + " left");
        }
        String mounts = Files.readString(Path.of("/proc/self/mountinfo"));
        assertFalse(mounts.contains(" /data ") || mounts.contains(Lab.DIR.toString()), "lab mounts left:\n" + mounts);
        String loops = host("losetup", "-a");
        assertFalse(loops.contains(Lab.DIR.toString()), "loop devices left: " + loops);
        assertEquals(List.of(), leftoverProcesses());
        assertFalse(Files.exists(Path.of("/usr/sbin/fence_lab")), "fence agent left in /usr/sbin");
    }

    /** Processes of the lab: mentioning its directory, or cluster daemons outside the host's network namespace. */
    private static List<String> leftoverProcesses() throws IOException {
        Path hostNet = Files.readSymbolicLink(Path.of("/proc/self/ns/net"));
        Set<String> daemons = Set.of("corosync", "pacemakerd", "dhcpd", "sshd", "udhcpc");
        List<String> left = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmd = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                    String comm = Files.readString(p.resolve("comm")).strip();
                    boolean foreignNet = !Files.readSymbolicLink(p.resolve("ns/net")).equals(hostNet);
                    boolean daemon = daemons.contains(comm) || comm.startsWith("pacemaker-");
                    if (cmd.contains(Lab.DIR.toString()) || foreignNet && daemon) {
                        left.add(p.getFileName() + " " + cmd);
                    }
                } catch (IOException e) {
                    // The process ended while being looked at.
                }
            }
        }
        return left;
    }

    private void awaitFullCluster() {
        String node = lab.nodes().get(0);
        Lab.await("both nodes online with every resource active", Duration.ofSeconds(60), () -> {
            ClusterView c = lab.clusterSeenFrom(node);
            return c != null && c.online().equals(Set.copyOf(lab.nodes())) && c.everythingActive() ? c : null;
        }, () -> lab.clusterSeenFrom(node));
    }

    private Lease leaseFromVip(Duration within) {
        CommandResult r = lab.run(within.plusSeconds(10), "probe-dhcp", "--timeout", Long.toString(within.toSeconds()));
        assertTrue(r.ok(), "no DHCP lease within " + within.toSeconds() + " s: " + r.stderr());
        Lease l = Lease.parse(r.stdout());
        assertEquals(lab.env().get("LAB_VIP"), l.server(), "the lease must come from the VIP");
        return l;
    }

    private String host(String... argv) {
        try {
            return new LocalProcessRunner("host").run(Command.of(argv)).stdout();
        } catch (TransportException e) {
            return fail(e.getMessage(), e);
        }
    }

    /** lab/probe-dhcp's answer: "server=… address=… seconds=…". */
    record Lease(String server, String address) {
        static Lease parse(String line) {
            String server = null;
            String address = null;
            for (String f : line.strip().split(" ")) {
                if (f.startsWith("server=")) {
                    server = f.substring("server=".length());
                } else if (f.startsWith("address=")) {
                    address = f.substring("address=".length());
                }
            }
            if (server == null || address == null) {
                throw new IllegalStateException("lab/probe-dhcp printed an unexpected answer: '" + line + "'");
            }
            return new Lease(server, address);
        }
    }
}
