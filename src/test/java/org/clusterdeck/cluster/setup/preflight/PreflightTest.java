package org.clusterdeck.cluster.setup.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.checks.Finding;
import org.clusterdeck.cluster.checks.FindingKind;
import org.clusterdeck.cluster.checks.SuggestedCommand;
import org.clusterdeck.cluster.drbd.ProcDrbdParser;
import org.clusterdeck.cluster.events.Severity;
import org.clusterdeck.cluster.setup.NodeGeneration;
import org.clusterdeck.cluster.setup.SetupSpec;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.LocalProcessRunner;
import org.clusterdeck.transport.ssh.SshOptions;
import org.clusterdeck.transport.ssh.SshRunner;
import org.clusterdeck.transport.ssh.SshTarget;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The pre-flight's judgement on facts read for real from this machine: each spec node is this
 * machine with its own loop device; the cross-node rules get real outputs varied per node.
 */
class PreflightTest extends LoopDiskTest {
    @Test
    void aDiskWithAFilesystemAndDisksOfVeryDifferentSizesBlock() {
        String ext4 = disks.ext4(32 * LoopDisks.MIB, "data");
        String empty = disks.empty(40 * LoopDisks.MIB);
        SetupSpec spec = ThisMachine.spec(ext4, empty, 7789);
        List<Finding> findings = Preflight.findings(spec, facts(spec));

        Finding notEmpty = only(findings, FindingKind.SETUP_DISK_NOT_EMPTY);
        assertEquals(Severity.CRITICAL, notEmpty.severity());
        assertEquals(ThisMachine.name(), notEmpty.subject());
        assertTrue(notEmpty.message().startsWith(ThisMachine.name() + ": the backing disk " + ext4 + " (32.0 MiB) holds ext4 \"data\" (UUID "),
                notEmpty.message());
        // offered as text only, for the admin to run knowingly
        assertEquals(List.of(new SuggestedCommand(ThisMachine.name(), "wipefs --all " + ext4)), notEmpty.commands());

        Finding sizes = only(findings, FindingKind.SETUP_DISK_SIZE_DIFFERS);
        assertEquals(Severity.CRITICAL, sizes.severity());
        assertTrue(sizes.message().contains("8.0 MiB (20.0 % of the larger disk) of the larger stays unused"),
                sizes.message());
        assertTrue(sizes.message().contains(empty + " on " + ThisMachine.PEER + " 40.0 MiB (41943040 bytes)"),
                sizes.message());
    }

    @Test
    void aSmallSizeDifferenceIsAWarningThatSaysWhatIsLost() {
        String a = disks.empty(64 * LoopDisks.MIB);
        String b = disks.empty(64 * LoopDisks.MIB + 256 * 1024);
        SetupSpec spec = ThisMachine.spec(a, b, 7789);
        List<Finding> findings = Preflight.findings(spec, facts(spec));

        Finding sizes = only(findings, FindingKind.SETUP_DISK_SIZE_DIFFERS);
        assertEquals(Severity.WARNING, sizes.severity());
        assertTrue(sizes.message().contains("256.0 KiB (0.4 % of the larger disk)"), sizes.message());
        assertEquals(List.of(), of(findings, FindingKind.SETUP_DISK_NOT_EMPTY));
    }

    @Test
    void equalEmptyDisksGiveNoDiskFinding() {
        SetupSpec spec = ThisMachine.spec(disks.empty(32 * LoopDisks.MIB), disks.empty(32 * LoopDisks.MIB), 7789);
        Map<String, NodeFacts> facts = facts(spec);
        List<Finding> findings = Preflight.findings(spec, facts);
        assertEquals(List.of(), findings.stream().filter(f -> f.kind().word().startsWith("setup-disk")).toList());
        // what the pair rule found in order is said among what is fine
        assertTrue(FactsSummary.of(facts).contains(ThisMachine.name() + ", " + ThisMachine.PEER
                + ": the backing disks are the same size (32.0 MiB)"), FactsSummary.of(facts).toString());
    }

    @Test
    void aPartitionTableAndADiskThatIsNotThere() {
        refused(disks.partitioned(32 * LoopDisks.MIB), "/dev/no-such-disk", "(32.0 MiB) holds dos.",
                "/dev/no-such-disk is not a block device there (lsblk: /dev/no-such-disk: not a block device).");
    }

    @Test
    void aSwapSignatureAndAReadOnlyDisk() {
        refused(disks.swap(32 * LoopDisks.MIB), disks.readOnly(32 * LoopDisks.MIB),
                "(32.0 MiB) holds swap \"old-swap\" (UUID ", " is read-only there; DRBD cannot write its metadata on it.");
    }

    /** This machine's disk {@code a} holds something, the peer's disk {@code b} cannot be used: two refusals. */
    private static void refused(String a, String b, String holds, String unusable) {
        SetupSpec spec = ThisMachine.spec(a, b, 7789);
        List<Finding> findings = Preflight.findings(spec, facts(spec));
        Finding notEmpty = only(findings, FindingKind.SETUP_DISK_NOT_EMPTY);
        assertEquals(ThisMachine.name(), notEmpty.subject());
        assertTrue(notEmpty.message().contains(holds), notEmpty.message());
        Finding missing = only(findings, FindingKind.SETUP_DISK_MISSING);
        assertEquals(ThisMachine.PEER, missing.subject());
        assertEquals(Severity.CRITICAL, missing.severity());
        assertTrue(missing.message().endsWith(unusable), missing.message());
    }

    @Test
    void aNodeWhoseKernelNameIsNotTheSpecsIsRefused() {
        SetupSpec spec = ThisMachine.spec(disks.empty(LoopDisks.MIB), disks.empty(LoopDisks.MIB), 7789);
        List<Finding> findings = Preflight.findings(spec, facts(spec));

        // the peer's facts are this machine's: its uname -n is not the peer's name
        Finding mismatch = only(findings, FindingKind.SETUP_NAME_MISMATCH);
        assertEquals(Severity.CRITICAL, mismatch.severity());
        assertEquals(ThisMachine.PEER, mismatch.subject());
        assertTrue(mismatch.message().contains("uname -n says '" + ThisMachine.name() + "'"), mismatch.message());
        assertEquals("hostnamectl set-hostname " + ThisMachine.PEER, mismatch.commands().get(0).command());
        // and nobody resolves the peer's made-up name: a warning on each node
        List<Finding> unresolved = of(findings, FindingKind.SETUP_NAME_UNRESOLVED).stream()
                .filter(f -> f.message().contains("'" + ThisMachine.PEER + "' does not resolve")).toList();
        assertEquals(2, unresolved.size(), findings.toString());
        assertTrue(unresolved.stream().allMatch(f -> f.severity() == Severity.WARNING));
    }

    @Test
    void aBareNodeWhoseAptOffersNoPacemakerIsRefusedWithTheFetchToRun() {
        SetupSpec spec = ThisMachine.spec(disks.empty(LoopDisks.MIB), disks.empty(LoopDisks.MIB), 7789);
        Map<String, NodeFacts> facts = facts(spec);
        String n2 = spec.nodes().get(1).name();
        Map<String, String> bare = new LinkedHashMap<>(facts.get(n2).packages());
        bare.remove("pacemaker");
        // apt's real answer for a package no source offers: nothing on stdout
        String policy = LoopDisks.ok(Command.of("apt-cache", "policy", "clusterdeck-no-such-package"));
        NodeFacts noSource = FactsVaried.pacemakerCandidate(facts.get(n2), bare,
                PackageVersionParser.aptCandidate(policy, "test"));
        facts.put(n2, noSource);
        Finding refused = only(Preflight.findings(spec, facts), FindingKind.SETUP_NO_PACKAGE_SOURCE);
        assertEquals(Severity.CRITICAL, refused.severity());
        assertEquals(n2, refused.subject());
        assertEquals(List.of(new SuggestedCommand(n2, "apt-get update")), refused.commands());

        facts.put(n2, FactsVaried.pacemakerCandidate(facts.get(n2), bare, "3.0.0-2"));
        assertEquals(List.of(), of(Preflight.findings(spec, facts), FindingKind.SETUP_NO_PACKAGE_SOURCE));
    }

    @Test
    void dhcpdAccountsWithDifferentUidsAreRefused() {
        SetupSpec spec = ThisMachine.spec(disks.empty(LoopDisks.MIB), disks.empty(LoopDisks.MIB), 7789);
        Map<String, NodeFacts> facts = facts(spec);
        // a real passwd line, as getent prints it, given to each node with its own uid
        String line = LoopDisks.ok(Command.of("getent", "passwd", "nobody")).strip();
        Account a = AccountParser.parse(line, "test");
        Account b = AccountParser.parse(line.replaceFirst(":" + a.uid() + ":", ":" + (a.uid() - 1) + ":"), "test");
        String n1 = spec.nodes().get(0).name();
        String n2 = spec.nodes().get(1).name();

        facts.put(n1, FactsVaried.dhcpd(facts.get(n1), a));
        facts.put(n2, FactsVaried.dhcpd(facts.get(n2), a));
        assertEquals(List.of(), of(Preflight.findings(spec, facts), FindingKind.SETUP_DHCPD_UID_DIFFERS));
        assertTrue(FactsSummary.of(facts).contains(n1 + ", " + n2 + ": the dhcpd accounts have the same uid and gid"));

        facts.put(n2, FactsVaried.dhcpd(facts.get(n2), b));
        assertTrue(FactsSummary.of(facts).stream().noneMatch(l -> l.contains("the same uid")));
        Finding differs = only(Preflight.findings(spec, facts), FindingKind.SETUP_DHCPD_UID_DIFFERS);
        assertEquals(Severity.CRITICAL, differs.severity());
        assertTrue(differs.message().contains("uid/gid " + a.uid() + "/" + a.gid() + " on " + n1 + ", "
                + b.uid() + "/" + b.gid() + " on " + n2), differs.message());
    }

    @Test
    void drbd84BesideDrbd9IsRefused() {
        SetupSpec spec = ThisMachine.spec(disks.empty(LoopDisks.MIB), disks.empty(LoopDisks.MIB), 7789);
        Map<String, NodeFacts> facts = facts(spec);
        String n1 = spec.nodes().get(0).name();
        String n2 = spec.nodes().get(1).name();
        facts.put(n1, FactsVaried.drbd(facts.get(n1), procDrbd("drbd/drbd84/0-unconfigured__vm1__proc_drbd.txt")));
        facts.put(n2, FactsVaried.drbd(facts.get(n2), procDrbd("drbd/drbd9/v9-0-unconfigured__vm1__proc_drbd.txt")));

        List<Finding> findings = Preflight.findings(spec, facts);
        Finding differs = only(findings, FindingKind.SETUP_DRBD_GENERATION_DIFFERS);
        assertTrue(differs.message().startsWith("DRBD 8.4.11 on " + n1 + ", 9.2.16 on " + n2), differs.message());
        assertEquals(List.of(), of(findings, FindingKind.SETUP_NO_DRBD_MODULE));
        Map<String, NodeGeneration> g = Preflight.generations(facts);
        assertFalse(g.get(n1).drbd9());
        assertTrue(g.get(n2).drbd9());
    }

    @Test
    void theCorosyncPackagesDefaultIsAWarningARealNodeListARefusal() {
        SetupSpec spec = ThisMachine.spec(disks.empty(LoopDisks.MIB), disks.empty(LoopDisks.MIB), 7789);
        Map<String, NodeFacts> facts = facts(spec);
        String n1 = spec.nodes().get(0).name();
        // Debian's default corosync.conf as the corosync package installs it (lab/up installs the package here)
        Assumptions.assumeTrue(Files.isRegularFile(Path.of(ClusterPresence.COROSYNC_CONF)),
                "skipped: no " + ClusterPresence.COROSYNC_CONF + " on this machine (corosync not installed; lab/up installs it)");
        String debianDefault = LoopDisks.ok(Command.of("cat", ClusterPresence.COROSYNC_CONF));
        CorosyncConf shipped = CorosyncConfParser.parse(debianDefault, "test");
        assertTrue(shipped.packageDefault(), shipped.toString());
        facts.put(n1, FactsVaried.cluster(facts.get(n1), new ClusterPresence(true, false,
                List.of(ClusterPresence.COROSYNC_CONF), shipped, null)));
        Finding warning = only(on(n1, Preflight.findings(spec, facts)), FindingKind.SETUP_DEFAULT_CLUSTER_CONFIG);
        assertEquals(Severity.WARNING, warning.severity());
        assertEquals(List.of(), of(on(n1, Preflight.findings(spec, facts)), FindingKind.SETUP_ALREADY_CLUSTERED));

        // the same file with a node list someone built
        CorosyncConf built = CorosyncConfParser.parse(debianDefault.replace("127.0.0.1", "10.1.1.1"), "test");
        facts.put(n1, FactsVaried.cluster(facts.get(n1), new ClusterPresence(true, true,
                List.of(ClusterPresence.COROSYNC_CONF, ClusterPresence.CIB), built, null)));
        Finding refused = only(on(n1, Preflight.findings(spec, facts)), FindingKind.SETUP_ALREADY_CLUSTERED);
        assertEquals(Severity.CRITICAL, refused.severity());
        assertTrue(refused.message().contains("corosync runs; pacemaker runs; /etc/corosync/corosync.conf exists "
                + "(cluster debian, nodes at 10.1.1.1); /var/lib/pacemaker/cib/cib.xml exists"), refused.message());

        // processes without a configuration are a cluster too
        facts.put(n1, FactsVaried.cluster(facts.get(n1), new ClusterPresence(false, true, List.of(), null, null)));
        assertEquals(Severity.CRITICAL, only(on(n1, Preflight.findings(spec, facts)),
                FindingKind.SETUP_ALREADY_CLUSTERED).severity());
    }

    @Test
    void portsCorosyncAndDrbdNeedAreTaken() throws Exception {
        try (DatagramSocket corosync = new DatagramSocket(null); ServerSocket drbd = new ServerSocket()) {
            corosync.setReuseAddress(true);
            corosync.bind(new InetSocketAddress(NodeRules.COROSYNC_PORT));
            drbd.bind(new InetSocketAddress("127.0.0.1", 0));
            SetupSpec spec = ThisMachine.spec(disks.empty(LoopDisks.MIB), disks.empty(LoopDisks.MIB),
                    drbd.getLocalPort());
            List<Finding> taken = of(Preflight.findings(spec, facts(spec)), FindingKind.SETUP_PORT_IN_USE).stream()
                    .filter(f -> f.subject().equals(ThisMachine.name())).toList();
            assertTrue(taken.stream().anyMatch(f -> f.severity() == Severity.CRITICAL
                    && f.message().contains("corosync's port is taken: 5405/udp on ")), taken.toString());
            assertTrue(taken.stream().anyMatch(f -> f.severity() == Severity.CRITICAL
                    && f.message().contains("DRBD's port is taken: " + drbd.getLocalPort() + "/tcp on ")),
                    taken.toString());
        }
    }

    @Test
    void aToolThatPrintsSomethingElseIsACheckThatFailedNotACrash() {
        // lsblk given "--version" as the disk prints its version, not JSON: that fact is unknown, the rest is read
        SetupSpec spec = ThisMachine.spec("--version", disks.empty(LoopDisks.MIB), 7789);
        Map<String, NodeFacts> facts = facts(spec);
        List<Finding> failed = of(Preflight.findings(spec, facts), FindingKind.SETUP_CHECK_FAILED);
        assertEquals(2, failed.size(), failed.toString());
        assertTrue(failed.stream().allMatch(f -> f.severity() == Severity.CRITICAL));
        assertTrue(failed.get(0).message().startsWith("Could not check " + ThisMachine.name()
                + ": 'lsblk --json --bytes --output NAME,PATH,SIZE,TYPE,RO,MOUNTPOINT --version': not JSON"),
                failed.get(0).message());
        assertTrue(failed.get(1).message().startsWith("Could not check " + ThisMachine.name()
                + ": 'wipefs --no-act --json --version': not JSON"), failed.get(1).message());
        assertTrue(facts.get(ThisMachine.name()).unameNode() != null, "the other facts were still read");
    }

    @Test
    void anUnreachableNodeIsReportedBesideTheOthersFindings() throws Exception {
        SetupSpec spec = ThisMachine.spec(disks.empty(LoopDisks.MIB), disks.empty(LoopDisks.MIB), 7789);
        Map<String, CommandRunner> runners = new LinkedHashMap<>();
        runners.put(ThisMachine.name(), new LocalProcessRunner(ThisMachine.name()));
        // nothing listens on port 1 here: the connection is refused
        try (SshRunner nobody = new SshRunner(SshTarget.parse("root@127.0.0.1:1", "root"),
                new SshOptions(List.of(), dir.resolve("known_hosts"), false, Duration.ofSeconds(3)))) {
            runners.put(ThisMachine.PEER, nobody);
            Map<String, NodeFacts> facts = Preflight.gather(spec, runners);
            List<Finding> findings = Preflight.findings(spec, facts);
            Finding unreachable = only(findings, FindingKind.SETUP_NODE_UNREACHABLE);
            assertEquals(ThisMachine.PEER, unreachable.subject());
            assertEquals(Severity.CRITICAL, unreachable.severity());
            assertTrue(unreachable.message().startsWith(ThisMachine.PEER + " (localhost) could not be reached: "),
                    unreachable.message());
            assertFalse(facts.get(ThisMachine.name()).problems().iterator().hasNext(), "this machine was read in full");
            assertEquals(List.of(ThisMachine.name()), List.copyOf(Preflight.generations(facts).keySet()));
        }
    }

    @Test
    void sbdNeedsItsSharedDiskEmptyTheSameOnBothNodesAndAWatchdog() throws Exception {
        String data = disks.empty(32 * LoopDisks.MIB);
        String sbd = disks.ext4(8 * LoopDisks.MIB, "old");
        SetupSpec spec = ThisMachine.sbd(ThisMachine.spec(data, data, 7789), sbd);
        Map<String, NodeFacts> facts = facts(spec);
        NodeFacts here = facts.get(ThisMachine.name());
        assertEquals(8 * LoopDisks.MIB, here.sbdDevice().device().sizeBytes());
        List<Finding> findings = Preflight.findings(spec, facts);

        Finding holds = of(on(ThisMachine.name(), findings), FindingKind.SETUP_SBD_DEVICE).get(0);
        assertEquals(Severity.CRITICAL, holds.severity());
        assertTrue(holds.message().startsWith(ThisMachine.name() + ": the SBD disk " + sbd + " (8.0 MiB) holds ext4 \"old\""),
                holds.message());
        assertEquals(List.of(new SuggestedCommand(ThisMachine.name(), "wipefs --all " + sbd)), holds.commands());
        // this machine's watchdogs, looked at without the pre-flight's command
        List<String> devices = new ArrayList<>();
        try (var list = Files.newDirectoryStream(Path.of("/dev"), "watchdog*")) {
            list.forEach(d -> devices.add(d.toString()));
        }
        assertEquals(devices.stream().sorted().toList(), here.watchdog().devices().stream().sorted().toList());
        assertEquals(devices.contains("/dev/watchdog"), of(on(ThisMachine.name(), findings), FindingKind.SETUP_NO_WATCHDOG)
                .isEmpty(), findings.toString());
        // the size sbd's confirmation names
        assertEquals(8 * LoopDisks.MIB, Preflight.generations(facts).get(ThisMachine.name()).sbdDeviceBytes());

        // two disks of different sizes under one name are not one shared disk
        NodeFacts other = ThisMachine.facts(ThisMachine.sbd(spec, disks.empty(9 * LoopDisks.MIB)), 1);
        Map<String, NodeFacts> two = new LinkedHashMap<>(facts);
        two.put(ThisMachine.PEER, other);
        Finding pair = only(on(ThisMachine.name() + ", " + ThisMachine.PEER, Preflight.findings(spec, two)),
                FindingKind.SETUP_SBD_DEVICE);
        assertTrue(pair.message().startsWith("The SBD disk is not one shared disk: " + sbd + " has 8.0 MiB (8388608 bytes) on "
                + ThisMachine.name() + ", 9.0 MiB (9437184 bytes) on " + ThisMachine.PEER), pair.message());
    }

    @Test
    void aMissingSbdDiskAndAWatchdogOnlyAModuleAwayAreRefusedSayingWhatToDo() {
        String data = disks.empty(32 * LoopDisks.MIB);
        SetupSpec spec = ThisMachine.sbd(ThisMachine.spec(data, data, 7789), "/dev/nonexistent-sbd");
        NodeFacts f = ThisMachine.facts(spec, 0);
        assertFalse(f.sbdDevice().exists());
        // a node whose kernel has softdog but no watchdog device loaded, as the QEMU lab's guests
        NodeFacts softdogOnly = FactsVaried.watchdog(f, Watchdog.parse("softdog\n"));
        List<Finding> findings = Preflight.findings(spec, Map.of(ThisMachine.name(), softdogOnly, ThisMachine.PEER,
                FactsVaried.watchdog(ThisMachine.facts(spec, 1), Watchdog.parse("/dev/watchdog\n/dev/watchdog0\n"))));
        Finding missing = only(on(ThisMachine.name(), findings), FindingKind.SETUP_SBD_DEVICE);
        assertTrue(missing.message().startsWith(ThisMachine.name() + ": the SBD disk /dev/nonexistent-sbd is not a block"
                + " device there"), missing.message());
        Finding watchdog = only(findings, FindingKind.SETUP_NO_WATCHDOG);
        assertEquals(ThisMachine.name(), watchdog.subject());
        assertEquals(List.of(new SuggestedCommand(ThisMachine.name(),
                "modprobe softdog && echo softdog > /etc/modules-load.d/softdog.conf")), watchdog.commands());
        assertTrue(FactsSummary.of(FactsVaried.watchdog(f, Watchdog.parse("/dev/watchdog\n")))
                .contains(ThisMachine.name() + ": watchdog /dev/watchdog"));
    }

    private static DrbdModule procDrbd(String corpusFile) {
        return new DrbdModule(new ProcDrbdParser().parse(Corpus.read(corpusFile), corpusFile).drbdVersion(), "/proc/drbd");
    }

    private static Map<String, NodeFacts> facts(SetupSpec spec) {
        Map<String, NodeFacts> m = new LinkedHashMap<>();
        m.put(spec.nodes().get(0).name(), ThisMachine.facts(spec, 0));
        m.put(spec.nodes().get(1).name(), ThisMachine.facts(spec, 1));
        return m;
    }

    private static List<Finding> on(String node, List<Finding> findings) {
        return findings.stream().filter(f -> f.subject().equals(node)).toList();
    }

    private static List<Finding> of(List<Finding> findings, FindingKind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    private static Finding only(List<Finding> findings, FindingKind kind) {
        List<Finding> matching = of(findings, kind);
        assertEquals(1, matching.size(), kind.word() + " in " + findings);
        return matching.get(0);
    }
}
