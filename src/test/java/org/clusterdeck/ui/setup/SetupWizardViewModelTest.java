package org.clusterdeck.ui.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.clusters.ClusterProfile;
import org.clusterdeck.app.nodes.NodeConnection;
import org.clusterdeck.app.nodes.NodeGroup;
import org.clusterdeck.app.setup.SetupJournal;
import org.clusterdeck.cluster.setup.DhcpdConf;
import org.clusterdeck.cluster.setup.NodeGeneration;
import org.clusterdeck.cluster.setup.SetupPlan;
import org.clusterdeck.cluster.setup.SetupSpec;
import org.clusterdeck.cluster.setup.SetupSpecReader;
import org.clusterdeck.ui.Background;
import org.clusterdeck.ui.UiLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every page's validation, on what the QEMU lab's two bare guests really offer (their inventory
 * replayed, see {@link RecordedNode}), and the wizard's answers for the lab giving the engine's own
 * plan for the lab's spec.
 */
class SetupWizardViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final UiLoop ui = new UiLoop();
    private Background background;
    private AuditLog audit;
    private SetupWizardViewModel vm;
    private final List<ClusterProfile> built = new ArrayList<>();

    @BeforeEach
    void open() {
        background = new Background(ui);
        audit = new AuditLog(dir.resolve("audit"));
        vm = wizard(p -> guests("node1", "node2"));
    }

    @AfterEach
    void close() {
        vm.close();
        background.close();
        audit.close();
    }

    private SetupWizardViewModel wizard(Function<ClusterProfile, NodeGroup> connector) {
        return new SetupWizardViewModel(connector, background, audit, new SetupJournal(dir.resolve("data")), built::add);
    }

    /** The recorded guests, reached at the lab's forwarded SSH ports. */
    private static NodeGroup guests(String first, String second) {
        return new NodeGroup(List.of(new NodeConnection(new RecordedNode(first, "root@127.0.0.1:22611")),
                new NodeConnection(new RecordedNode(second, "root@127.0.0.1:22612"))));
    }

    private void connect() {
        vm.host1Property().set("127.0.0.1:22611");
        vm.host2Property().set("127.0.0.1:22612");
        vm.testConnection();
        ui.runUntil(() -> !vm.busyProperty().get(), WAIT);
    }

    @Test
    void theNodesPageWantsTwoAddressesAndAConnectionToTwoDifferentNodes() {
        assertEquals(WizardPage.NODES, vm.pageProperty().get());
        assertEquals(List.of("Give both nodes' addresses."), vm.problems());
        assertFalse(vm.canGoNextProperty().get());
        vm.host1Property().set("127.0.0.1:22611");
        vm.host2Property().set("bad host name");
        assertTrue(vm.problems().get(0).startsWith("Node address \"bad host name\" is not [user@]host[:port]"),
                vm.problems().toString());
        vm.host2Property().set("127.0.0.1:22612");
        assertEquals(List.of("Test the connection to both nodes."), vm.problems());

        vm.testConnection();
        ui.runUntil(() -> !vm.busyProperty().get(), WAIT);
        assertEquals(List.of(), vm.problems());
        assertTrue(vm.canGoNextProperty().get());
        assertEquals(List.of("node1", "node2"), vm.nodeNames());
        assertEquals("Connected: root@127.0.0.1:22611 is node1, root@127.0.0.1:22612 is node2", vm.statusProperty().get());

        // another address forgets what was read
        vm.host2Property().set("127.0.0.1:22613");
        assertNull(vm.inventoriesProperty().get());
        assertFalse(vm.canGoNextProperty().get());

        SetupWizardViewModel same = wizard(p -> guests("node1", "node1"));
        same.host1Property().set("10.0.0.1");
        same.host2Property().set("10.0.0.2");
        same.testConnection();
        ui.runUntil(() -> !same.busyProperty().get(), WAIT);
        assertEquals(List.of("Both addresses reach a node called node1: give two different nodes."), same.problems());
        same.close();
    }

    @Test
    void aNodeThatCannotBeReachedIsNamedWithWhy() {
        SetupWizardViewModel down = wizard(p -> {
            throw new IllegalStateException("connection refused by 10.0.0.2:22");
        });
        down.host1Property().set("10.0.0.1");
        down.host2Property().set("10.0.0.2");
        down.testConnection();
        ui.runUntil(() -> !down.busyProperty().get(), WAIT);
        assertEquals("Could not read the nodes: connection refused by 10.0.0.2:22", down.statusProperty().get());
        assertEquals(List.of("Test the connection to both nodes."), down.problems());
        down.close();
    }

    /** What the guests offer becomes the later pages' first answers: those an admin of the lab would pick. */
    @Test
    void theGuestsOffersAreProposed() {
        connect();
        assertEquals("192.168.77.0/24 (192.168.77.11 on eth1, 192.168.77.12 on eth1)", vm.heartbeatProperty().get().toString());
        assertEquals(1, vm.links().size(), "eth0 is QEMU's user network, the same address on both: no link");
        assertFalse(vm.secondLinkProperty().get());
        assertEquals("/dev/disk/by-id/virtio-lab-data-node1", vm.disk1Property().get().stablePath());
        assertEquals("/dev/disk/by-id/virtio-lab-data-node2", vm.disk2Property().get().stablePath());
        assertEquals(List.of("/dev/vda", "/dev/vdb", "/dev/vdc"), vm.disks1().stream().map(d -> d.path()).toList());
        assertEquals(List.of("eth0", "eth1", "eth2"), vm.nics());
        assertEquals("eth2", vm.nicProperty().get(), "up on both, not the heartbeat's, not a NAT address");
        assertEquals("", vm.subnetProperty().get(), "eth2 has no address on the guests: the admin names the subnet");
        assertEquals("node1", vm.delayNodeProperty().get());
    }

    @Test
    void theClusterPageChecksNameLinksAndToken() {
        connect();
        vm.pageProperty().set(WizardPage.CLUSTER);
        assertEquals(List.of(), vm.problems());
        vm.clusterNameProperty().set("dhcp cluster");
        assertTrue(vm.problems().get(0).startsWith("cluster: 'dhcp cluster'"), vm.problems().toString());
        vm.clusterNameProperty().set("vmlab");
        vm.tokenMsProperty().set("3 s");
        assertEquals(List.of("The token timeout must be a whole number, not '3 s'."), vm.problems());
        vm.tokenMsProperty().set("50");
        assertTrue(vm.problems().get(0).startsWith("corosync.tokenMs: 50 is outside 1000-300000"), vm.problems().toString());
        vm.tokenMsProperty().set("");
        vm.secondLinkProperty().set(true);
        assertTrue(vm.problems().contains("Pick the second link, or turn it off."), vm.problems().toString());
        assertTrue(vm.problems().get(0).startsWith("nodes[0].management: corosync.secondLink needs"), vm.problems().toString());
        vm.managementProperty().set(vm.heartbeatProperty().get());
        assertTrue(vm.problems().contains("The second link must be another network than the heartbeat link."),
                vm.problems().toString());
        vm.secondLinkProperty().set(false);
        assertEquals(List.of(), vm.problems());
        assertTrue(vm.canGoNextProperty().get());
    }

    @Test
    void theFencingPageAsksWhatTheKindNeedsAndNoFencingOnlyWhenAcknowledged() {
        connect();
        vm.pageProperty().set(WizardPage.FENCING);
        assertTrue(vm.problems().get(0).startsWith("fencing: missing"), vm.problems().toString());
        vm.fencingKindProperty().set("ipmi");
        assertEquals(6, vm.fenceFields().size(), "ip, username and password for each node");
        assertTrue(vm.fenceFields().stream().filter(f -> f.name().equals("password")).allMatch(FenceField::secret));
        assertEquals(List.of("fencing.parameters.node1: kind ipmi needs 'ip'"), vm.problems());
        vm.fenceFields().forEach(f -> f.value().set(f.name().equals("ip") ? "192.168.122.21" + f.node().charAt(4) : "admin"));
        assertEquals(List.of(), vm.problems());
        assertEquals(Map.of("ip", "192.168.122.212", "username", "admin", "password", "admin"),
                vm.spec().fencing().parameters().get("node2"));

        // the lab's switch knows the guests by name: nothing to type
        vm.fencingKindProperty().set("lab");
        assertEquals(List.of("node1", "node2"), vm.fenceFields().stream().map(f -> f.value().get()).toList());
        assertEquals(List.of(), vm.problems());
        assertTrue(vm.spec().fencing().test(), "the fence test is on unless the admin turns it off");

        vm.fencingKindProperty().set("none");
        assertEquals(1, vm.problems().size());
        assertTrue(vm.problems().get(0).contains("split brain"), vm.problems().toString());
        vm.acknowledgeNoFencingProperty().set(true);
        assertEquals(List.of(), vm.problems());
        assertEquals(new SetupSpec.Fencing("none", Map.of(), null, true, false), vm.spec().fencing());
    }

    @Test
    void theStoragePageWantsTwoEmptyDisksOfOneSize() {
        connect();
        vm.pageProperty().set(WizardPage.STORAGE);
        assertEquals(List.of(), vm.problems());
        vm.disk1Property().set(vm.disks1().get(0));
        assertEquals(List.of("The disks differ by 1.8 GiB (87.5 % of the larger disk): pick two disks of the same size.",
                "/dev/vda is not empty (ext4, mounted on /): DRBD would overwrite it."), vm.problems());
        vm.disk1Property().set(vm.disks1().get(2));
        assertTrue(vm.problems().contains("/dev/vdc is not empty (ext4, mounted on /srv/lab-packages): DRBD would"
                + " overwrite it."), vm.problems().toString());
        vm.disk1Property().set(vm.disks1().get(1));
        vm.resyncRateProperty().set("40MB");
        assertTrue(vm.problems().get(0).startsWith("drbd.resyncRate: '40MB'"), vm.problems().toString());
        vm.resyncRateProperty().set("10M");
        vm.mountpointProperty().set("data");
        assertTrue(vm.problems().get(0).startsWith("filesystem.mountpoint"), vm.problems().toString());
        vm.mountpointProperty().set("/data");
        assertEquals(List.of(), vm.problems());
    }

    @Test
    void theServicePageChecksTheNetworkAndMakesTheDhcpdConfTheAdminMayEdit() {
        connect();
        vm.pageProperty().set(WizardPage.SERVICE);
        assertTrue(vm.problems().get(0).startsWith("service.vip: missing"), vm.problems().toString());
        assertEquals("", vm.dhcpdConfProperty().get(), "no file until the fields hold");
        service();
        assertEquals(List.of(), vm.problems());
        assertEquals(DhcpdConf.generated(vm.spec()), vm.dhcpdConfProperty().get());
        assertNull(vm.spec().service().dhcp().config(), "the made file is not the admin's own");
        vm.rangeFromProperty().set("10.10.101.1");
        assertTrue(vm.problems().get(0).contains("contains the VIP"), vm.problems().toString());
        vm.rangeFromProperty().set("10.10.101.100");
        vm.leaseSecondsProperty().set("an hour");
        assertEquals(List.of("The lease time must be a whole number, not 'an hour'."), vm.problems());
        vm.leaseSecondsProperty().set("600");

        String own = vm.dhcpdConfProperty().get().replace("authoritative;\n", "authoritative;\nlog-facility local7;\n");
        vm.dhcpdConfEditedProperty().set(true);
        vm.dhcpdConfProperty().set(own);
        vm.dnsProperty().set("10.10.101.53");
        assertEquals(own, vm.dhcpdConfProperty().get(), "an edited file is not made again under the admin's hands");
        assertEquals(own, vm.spec().service().dhcp().config());
        vm.resetDhcpdConf();
        assertTrue(vm.dhcpdConfProperty().get().contains("option domain-name-servers 10.10.101.53;"),
                vm.dhcpdConfProperty().get());
        assertNull(vm.spec().service().dhcp().config());
    }

    /**
     * The lab's own answers in the wizard make the lab's spec (the disks named by id), and so the
     * engine's plan for it, step for step and command for command.
     */
    @Test
    void theLabsAnswersMakeTheLabsSpecAndItsPlan() throws IOException {
        connect();
        vm.clusterNameProperty().set("vmlab");
        vm.fencingKindProperty().set("lab");
        vm.fenceTestProperty().set(false);
        vm.resyncRateProperty().set("10M");
        service();
        vm.leaseSecondsProperty().set("600");
        vm.probeProperty().set("/work/main/lab/vm-probe-dhcp --timeout 3");
        for (WizardPage p : List.of(WizardPage.CLUSTER, WizardPage.FENCING, WizardPage.STORAGE, WizardPage.SERVICE)) {
            vm.pageProperty().set(p);
            assertEquals(List.of(), vm.problems(), p.title());
        }

        SetupSpec lab = SetupSpecReader.read(Files.readString(Path.of("lab/vm-spec.yaml.in"))
                .replace("@SSH1@", "22611").replace("@SSH2@", "22612").replace("@REPL1@", "192.168.77.11")
                .replace("@REPL2@", "192.168.77.12").replace("@NET@", "10.10.101").replace("@LAB@", "/work/main/lab")
                .replace("disk: /dev/vdb\n  - name: node2", "disk: /dev/disk/by-id/virtio-lab-data-node1\n  - name: node2")
                .replace("    disk: /dev/vdb\n\n", "    disk: /dev/disk/by-id/virtio-lab-data-node2\n\n"));
        assertEquals(lab, vm.spec());
        Map<String, NodeGeneration> debian13 = Map.of(
                "node1", new NodeGeneration(false, "3.0.0", NodeGeneration.PackageManager.APT, 268435456, 0),
                "node2", new NodeGeneration(false, "3.0.0", NodeGeneration.PackageManager.APT, 268435456, 0));
        assertEquals(SetupPlan.of(lab, debian13), SetupPlan.of(vm.spec(), debian13));
    }

    @Test
    void anUnfinishedSetupIsOfferedAndItsAnswersComeBackOnceTheNodesAreRead() throws IOException {
        connect();
        vm.clusterNameProperty().set("vmlab");
        vm.fencingKindProperty().set("lab");
        service();
        SetupSpec answered = vm.spec();
        new SetupJournal(dir.resolve("data")).save(SetupJournal.Entry.of("2026-12-06T20:00:00Z", vm.profile(), answered));

        SetupWizardViewModel again = wizard(p -> guests("node1", "node2"));
        SetupJournal.Entry entry = again.unfinished().orElseThrow();
        again.resume(entry);
        assertEquals("127.0.0.1:22611", again.host1Property().get());
        again.testConnection();
        ui.runUntil(() -> !again.busyProperty().get(), WAIT);
        assertEquals(answered, again.spec());
        again.discardUnfinished();
        assertTrue(again.unfinished().isEmpty());
        again.close();
    }

    @Test
    void theDiskAnUnfinishedSetupTookIsLeftToThePreflightWhichKnowsItsDrbd() throws IOException {
        connect();
        vm.clusterNameProperty().set("vmlab");
        vm.fencingKindProperty().set("lab");
        service();
        // the disk the first run took holds something by now, as /dev/vdc holds its filesystem here
        vm.disk1Property().set(vm.disks1().get(2));
        new SetupJournal(dir.resolve("data")).save(SetupJournal.Entry.of("2026-12-06T20:00:00Z", vm.profile(), vm.spec()));

        SetupWizardViewModel again = wizard(p -> guests("node1", "node2"));
        again.resume(again.unfinished().orElseThrow());
        again.testConnection();
        ui.runUntil(() -> !again.busyProperty().get(), WAIT);
        again.pageProperty().set(WizardPage.STORAGE);
        assertEquals("/dev/vdc", again.disk1Property().get().path());
        assertTrue(again.problems().stream().noneMatch(m -> m.contains("is not empty")), again.problems().toString());
        // another disk with something on it is still refused on the page
        again.disk2Property().set(again.disks2().get(0));
        assertTrue(again.problems().stream().anyMatch(m -> m.startsWith("/dev/vda is not empty")), again.problems().toString());
        again.close();
    }

    /** The client network of the lab: what an admin types on the service page. */
    private void service() {
        vm.vipProperty().set("10.10.101.1");
        vm.subnetProperty().set("10.10.101.0/24");
        vm.rangeFromProperty().set("10.10.101.100");
        vm.rangeToProperty().set("10.10.101.200");
    }
}
