package org.clusterdeck.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clusterdeck.cli.Cli;
import org.clusterdeck.cluster.checks.FindingKind;
import org.clusterdeck.cluster.setup.SetupPlan;
import org.clusterdeck.cluster.setup.StackDialect;
import org.clusterdeck.transport.CommandResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 end to end on the QEMU lab's bare Debian guests (lab/vm-up --bare): the pre-flight's
 * refusals change nothing; {@code setup --yes} in crmsh's dialect, killed during DRBD's initial sync
 * and run again, finishes without repeating a step, and proves the service (a lease from the VIP, a
 * failover, a lease from the survivor); on the cluster it built, ClusterDeck's DRBD reads and monitor
 * follow resyncs as the guests' own /proc/drbd does (DrbdResyncChecks); powering the active guest off
 * then still gives a lease, and the survivor's fencing history shows the fence; a slow path to one guest
 * and the other's clock ahead are told as such, without false events (VmFaultChecks). The QEMU lab's other
 * tests use the same guests' ports, so they never run beside it.
 * Skip with {@code -Dsurefire.excludedGroups=bench,vm-lab}.
 */
@Tag("lab")
@Tag("vm-lab")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SetupLabTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> NODES = VmLab.NODES;
    private static final Duration BUILD = Duration.ofMinutes(30);

    private final VmLab lab = new VmLab();
    /** The setup's JSON lines of every run, in order, per run. */
    private final List<List<JsonNode>> runs = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    void labBuilt() {
        lab.assumeRoot();
        lab.down();
        long t0 = System.nanoTime();
        String built = lab.script(BUILD, "vm-build").strip();
        System.out.printf("QEMU lab: image %s (%d s)%n", built, (System.nanoTime() - t0) / 1_000_000_000);
    }

    @AfterAll
    void labDown() {
        lab.down();
    }

    @Test
    @Order(1)
    void everyRefusalComesBeforeAnyChangeAndAllAtOnce() throws IOException {
        lab.up("--variant", "ext4-disk", "--variant", "unequal-disks", "--variant", "dhcpd-uid", "--variant", "hostname");
        Map<String, String> before = snapshots();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(dir.resolve("refusals"), new PrintWriter(out), new PrintWriter(err),
                lab.setupArgs(lab.env("VM_LAB_SPEC"), "--yes", "--json"));

        assertEquals(1, code, err + out.toString());
        JsonNode preflight = JSON.readTree(out.toString().lines().findFirst().orElseThrow());
        assertTrue(preflight.get("blocked").asBoolean(), out.toString());
        Map<String, Set<String>> critical = new LinkedHashMap<>();
        preflight.get("findings").forEach(f -> {
            if (f.get("severity").asText().equals("critical")) {
                critical.computeIfAbsent(f.get("kind").asText(), k -> new LinkedHashSet<>()).add(f.get("subject").asText());
            }
        });
        assertEquals(Set.of("node2"), critical.get(FindingKind.SETUP_DISK_NOT_EMPTY.word()), out.toString());
        assertNotNull(critical.get(FindingKind.SETUP_DISK_SIZE_DIFFERS.word()), out.toString());
        assertNotNull(critical.get(FindingKind.SETUP_DHCPD_UID_DIFFERS.word()), out.toString());
        assertEquals(Set.of("node2"), critical.get(FindingKind.SETUP_NAME_MISMATCH.word()), out.toString());
        assertEquals(1, out.toString().lines().count(), "nothing ran after the pre-flight: " + out);
        assertEquals(before, snapshots(), "a refused setup changes nothing on the nodes");
    }

    @Test
    @Order(2)
    void setupKilledDuringTheInitialSyncResumesWithoutRepeatingAStep() throws Exception {
        lab.up();
        Path data = dir.resolve("data");
        // in crmsh's dialect and with the fence test: the reference cluster (lab/vm-up, the setup
        // benchmark) is built in the plain one, without
        String labSpec = Files.readString(Path.of(lab.env("VM_LAB_SPEC")));
        assertTrue(labSpec.contains("\ndialect: auto\n") && labSpec.contains("\n  delayNode: node1\n"), labSpec);
        String spec = Files.writeString(dir.resolve("spec-crmsh.yaml"), labSpec.replace("\ndialect: auto\n",
                "\ndialect: crmsh\n").replace("\n  delayNode: node1\n", "\n  delayNode: node1\n  test: true\n")).toString();
        long t0 = System.nanoTime();
        // killed at the initial sync's first progress report
        VmLab.Run killed = lab.setupProcess(spec, data, dir.resolve("first-run.err"), l -> l.kind().equals("sync-progress"));
        List<JsonNode> first = killed.lines().stream().map(VmLab.Line::event).toList();
        assertEquals(null, killed.exitCode(), "the first run ended before the initial sync was seen: " + first
                + "\n" + killed.stderr());
        JsonNode progress = first.get(first.size() - 1);
        assertEquals("r0", progress.get("resource").asText(), progress.toString());
        assertTrue(progress.get("replication").asText().startsWith("Sync"), progress.toString());
        double percent = progress.get("donePercent").asDouble(-1);
        assertTrue(percent >= 0 && percent < 100, progress.toString());
        long killedAt = System.nanoTime();
        String syncing = lab.guest("node2", "cat", "/proc/drbd");
        assertTrue(syncing.contains("cs:SyncTarget"), "killed during the initial sync:\n" + syncing);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(data, new PrintWriter(out), new PrintWriter(err),
                lab.setupArgs(spec, "--yes", "--json"));
        long done = System.nanoTime();
        List<JsonNode> second = lines(out.toString());
        assertEquals(0, code, err + out.toString());
        runs.add(first);
        runs.add(second);
        System.out.printf("setup on bare guests: %d s until killed in drbd-sync, %d s for the resumed run%n",
                (killedAt - t0) / 1_000_000_000, (done - killedAt) / 1_000_000_000);

        // every step the first run finished, the second found done (the pre-flight runs every time)
        List<String> finished = steps(first, "step-done").stream().filter(s -> !s.equals("pre-flight")).toList();
        assertTrue(finished.containsAll(List.of("packages", "corosync", "fencing", "fence-test", "drbd")), finished.toString());
        List<String> skipped = steps(second, "step-skipped");
        assertTrue(skipped.containsAll(finished), "skipped " + skipped + ", done before " + finished);
        for (String step : steps(second, "step-done")) {
            assertTrue(!finished.contains(step), step + " ran twice");
        }
        // the destructive commands ran once per node, across both runs, by the audit
        List<JsonNode> audit = lines(Files.readString(data.resolve("audit.log"), StandardCharsets.UTF_8));
        assertEquals(2, changes(audit, "create-md").size(), "create-md once per node");
        assertEquals(Set.of("drbdadm create-md --force r0"), Set.copyOf(changes(audit, "create-md")));
        assertEquals(1, changes(audit, "mkfs.").size(), "mkfs once, on the first node");
        // the CIB changed in crmsh's words: the fencing text loaded once, the stack's on the copy and then live
        assertEquals(1, changes(audit, "crm configure load update " + StackDialect.CRM_FENCING).size(), audit.toString());
        assertEquals(List.of("CIB_file=" + SetupPlan.CIB_COPY + " crm configure load update " + StackDialect.CRM_STACK,
                "crm configure load update " + StackDialect.CRM_STACK), changes(audit, "crm configure load update " + StackDialect.CRM_STACK));
        assertEquals(List.of(), changes(audit, "cibadmin --modify"), "nothing in the plain tools' spelling");
        // the fence test: node2 (node1 is the delayed one) fenced once, from node1, and it came back
        assertEquals(List.of("stonith_admin --reboot node2 --timeout 180"), changes(audit, "stonith_admin --reboot"));
        assertEquals(1, successfulFences("node1", "node2"), "the fencer's history of node2");
    }

    @Test
    @Order(3)
    void theResumedRunProvedTheServiceAndTheClusterIsWhatWasAskedFor() {
        Assumptions.assumeTrue(runs.size() == 2, "needs the setup of the test before");
        JsonNode verified = runs.get(1).stream().filter(l -> l.get("event").asText().equals("verified")).findFirst()
                .orElseGet(() -> fail("no verified event: " + runs.get(1)));
        assertEquals("10.10.101.1", verified.get("firstLease").get("server").asText(), verified.toString());
        assertEquals("10.10.101.1", verified.get("secondLease").get("server").asText(), verified.toString());
        assertNotEquals(verified.get("activeBefore").asText(), verified.get("activeAfter").asText());
        long downtime = verified.get("downtimeMillis").asLong();
        assertTrue(downtime > 0 && downtime < 300_000, "downtime " + downtime + " ms");
        System.out.printf("setup's verification: failover %s -> %s, client-visible downtime %.1f s%n",
                verified.get("activeBefore").asText(), verified.get("activeAfter").asText(), downtime / 1000.0);

        String active = verified.get("activeAfter").asText();
        for (String node : NODES) {
            String crmMon = lab.guest(node, "crm_mon", "-1", "--output-as=xml");
            assertTrue(crmMon.contains("<node name=\"node1\"") && crmMon.contains("<node name=\"node2\""), crmMon);
            assertEquals(2, crmMon.split("online=\"true\"", -1).length - 1, "both nodes online:\n" + crmMon);
            assertTrue(crmMon.matches("(?s).*<resource id=\"p_drbd_r0\"[^>]*role=\"Promoted\"[^>]*>\\s*<node name=\""
                    + active + "\".*"), "DRBD Promoted on " + active + ":\n" + crmMon);
            assertTrue(crmMon.matches("(?s).*<resource id=\"p_dhcpd\"[^>]*role=\"Started\"[^>]*>\\s*<node name=\""
                    + active + "\".*"), "dhcpd on " + active + ":\n" + crmMon);
            String status = lab.guest(node, "drbdadm", "status", "r0");
            assertEquals(2, status.split("UpToDate", -1).length - 1, node + ": both disks UpToDate:\n" + status);
        }
    }

    @Test
    @Order(4)
    void drbdCommandShowsAResyncAsEachGuestsProcDrbdDoes() throws IOException {
        Assumptions.assumeTrue(runs.size() == 2, "needs the cluster the tests before built");
        new DrbdResyncChecks(lab, dir).drbdCommandShowsAResyncAsEachGuestsProcDrbdDoes();
    }

    @Test
    @Order(5)
    void monitorFollowsAResyncFromItsStartToUpToDate() {
        Assumptions.assumeTrue(runs.size() == 2, "needs the cluster the tests before built");
        new DrbdResyncChecks(lab, dir).monitorFollowsAResyncFromItsStartToUpToDate();
    }

    @Test
    @Order(6)
    void theAgentsOfTheGuestsPacemaker3AreReadAsTheGuestPrintsThem() throws Exception {
        Assumptions.assumeTrue(runs.size() == 2, "needs the cluster the tests before built");
        String host = lab.env("VM_LAB_HOST_node1");
        for (String agent : List.of("ocf:heartbeat:IPaddr2", "ocf:linbit:drbd", "ocf:heartbeat:dhcpd", "stonith:fence_lab")) {
            String own = agent.startsWith("stonith:")
                    ? lab.guest("node1", "stonith_admin", "--metadata", "--agent", agent.substring("stonith:".length()))
                    : lab.guest("node1", "crm_resource", "--show-metadata", agent);
            int params = Integer.parseInt(javax.xml.xpath.XPathFactory.newInstance().newXPath().evaluate(
                    "count(/resource-agent/parameters/parameter)", org.clusterdeck.cluster.xml.SafeXml.parseNamingDtd(own,
                            agent)));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Cli.run(dir.resolve("agents"), new PrintWriter(out), new PrintWriter(err), "agents", "show", agent,
                    "--host", host, "-i", lab.env("VM_LAB_SSH_KEY"), "--known-hosts", lab.env("VM_LAB_KNOWN_HOSTS"),
                    "--json");
            assertEquals(0, code, agent + ": " + err);
            JsonNode shown = JSON.readTree(out.toString());
            // a fence agent's own parameters, then the fencer's it does not have
            assertTrue(agent.startsWith("stonith:") ? shown.get("parameters").size() > params
                    : shown.get("parameters").size() == params, agent + ": " + shown.get("parameters").size() + " vs " + params);
        }
    }

    @Test
    @Order(7)
    void poweringTheActiveGuestOffLeavesTheServiceOnTheSurvivorAndFencesIt() throws IOException {
        Assumptions.assumeTrue(runs.size() == 2, "needs the setup of the tests before");
        String active = lab.located();
        String survivor = NODES.stream().filter(n -> !n.equals(active)).findFirst().orElseThrow();
        int fencedBefore = successfulFences(survivor, active);
        lab.script(Duration.ofSeconds(30), "vm-node", "poweroff", active);
        long t0 = System.nanoTime();
        String lease = lab.script(Duration.ofMinutes(5), "vm-probe-dhcp", "--timeout", "240");
        System.out.printf("power-off of %s: lease from the survivor after %d s: %s", active,
                (System.nanoTime() - t0) / 1_000_000_000, lease);
        assertTrue(lease.startsWith("server=10.10.101.1 address=10.10.101."), lease);
        assertEquals(survivor, lab.located());
        // the fence test's reboot of node2 is in the history already: a new one must have come
        assertTrue(successfulFences(survivor, active) > fencedBefore, "the survivor fenced " + active + ":\n"
                + lab.guest(survivor, "stonith_admin", "--history", active, "--verbose", "--output-as=xml"));
    }

    @Test
    @Order(8)
    void aNodeInAnotherClusterIsRefusedBeforeAnyChange() throws IOException {
        Assumptions.assumeTrue(runs.size() == 2, "needs the cluster the tests before built");
        String survivor = lab.located();
        lab.script(Duration.ofSeconds(30), "vm-node", "start", NODES.stream().filter(n -> !n.equals(survivor)).findFirst()
                .orElseThrow());
        Path other = dir.resolve("other.yaml");
        Files.writeString(other, Files.readString(Path.of(lab.env("VM_LAB_SPEC"))).replace("cluster: vmlab",
                "cluster: another"));
        Map<String, String> before = snapshots();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(dir.resolve("other"), new PrintWriter(out), new PrintWriter(err),
                lab.setupArgs(other.toString(), "--yes", "--json"));
        assertEquals(1, code, err + out.toString());
        JsonNode preflight = JSON.readTree(out.toString().lines().findFirst().orElseThrow());
        List<String> clustered = new ArrayList<>();
        preflight.get("findings").forEach(f -> {
            if (f.get("kind").asText().equals(FindingKind.SETUP_ALREADY_CLUSTERED.word())) {
                clustered.add(f.get("subject").asText());
            }
        });
        assertTrue(clustered.contains(survivor), out.toString());
        assertEquals(before.get(survivor), snapshots().get(survivor), "nothing changed on " + survivor);
    }

    @Test
    @Order(9)
    void aSlowPathAndAClockTenMinutesAheadAreToldWithoutFalseEvents() throws Exception {
        Assumptions.assumeTrue(runs.size() == 2, "needs the cluster the tests before built");
        new VmFaultChecks(lab, dir).aSlowPathAndAClockAheadAreToldWithoutFalseEvents();
    }

    /** How many times the fencer's history, asked on {@code node}, says {@code target} was fenced. */
    private int successfulFences(String node, String target) {
        // every event: without --verbose the fencer shows a single success per target
        String history = lab.guest(node, "stonith_admin", "--history", target, "--verbose", "--output-as=xml");
        return (int) java.util.regex.Pattern.compile("<fence_event [^>]*>").matcher(history).results()
                .map(m -> m.group()).filter(e -> e.contains("target=\"" + target + "\"") && e.contains("status=\"success\""))
                .count();
    }

    /** What a refused setup must not change: the data disk's signatures and size, /etc, the installed packages. */
    private Map<String, String> snapshots() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String n : NODES) {
            CommandResult r = lab.ssh(n, Duration.ofSeconds(60), "sh", "-c", "wipefs -n /dev/vdb; blockdev --getsize64 /dev/vdb;"
                    + " tar -C / -cf - etc 2>/dev/null | sha256sum; dpkg-query -W | sha256sum;"
                    + " systemctl is-active corosync pacemaker 2>/dev/null");
            m.put(n, r.stdout());
        }
        return m;
    }

    private static List<String> steps(List<JsonNode> lines, String event) {
        return lines.stream().filter(l -> l.get("event").asText().equals(event)).map(l -> l.get("step").asText()).toList();
    }

    /** The display of every changing command in the audit whose words include {@code word}. */
    private static List<String> changes(List<JsonNode> audit, String word) {
        return audit.stream().filter(a -> a.path("changing").asBoolean() && a.path("display").asText().contains(word))
                .map(a -> a.get("display").asText()).toList();
    }

    private static List<JsonNode> lines(String text) {
        return text.lines().filter(l -> !l.isBlank()).map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                return fail("not a JSON line: " + l, e);
            }
        }).toList();
    }
}
