package org.clusterdeck.cluster.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.clusterdeck.transport.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The plan for both DRBD generations and both Pacemaker generations. */
class SetupPlanTest {
    private static final long GIB = 1L << 30;

    private static SetupPlan plan(SetupSpec spec, boolean drbd9, String pacemaker, NodeGeneration.PackageManager pm) {
        NodeGeneration g = new NodeGeneration(drbd9, pacemaker, pm, 10 * GIB, 8L << 20);
        return SetupPlan.of(spec, Map.of("node1", g, "node2", g));
    }

    private static String text(List<Command> commands) {
        return commands.stream().map(Command::display).collect(Collectors.joining("\n"));
    }

    private static String all(SetupStep step) {
        return step.commands().values().stream().map(SetupPlanTest::text).collect(Collectors.joining("\n"));
    }

    @Test
    void theStepsOfIssue12InOrder() {
        assertEquals(List.of("pre-flight", "packages", "services", "firewall", "corosync", "fencing", "drbd",
                "drbd-sync", "filesystem", "dhcp-config", "resources", "start", "verification"),
                plan(Specs.example(), false, "2.1.5", NodeGeneration.PackageManager.APT).steps().stream()
                        .map(SetupStep::name).toList());
    }

    @Test
    void theFenceTestWhenAskedForFencesTheUndelayedNodeFromTheOtherBeforeAnyData() {
        List<SetupStep> steps = plan(Specs.with("  test: false", "  test: true"), false, "2.1.5",
                NodeGeneration.PackageManager.APT).steps();
        List<String> names = steps.stream().map(SetupStep::name).toList();
        assertEquals(names.indexOf("fencing") + 1, names.indexOf("fence-test"), names.toString());
        assertTrue(names.indexOf("fence-test") < names.indexOf("drbd"), names.toString());
        SetupStep test = steps.get(names.indexOf("fence-test"));
        // node1 is the example's delayNode: it survives a split, so it fences node2
        assertEquals(Map.of("node1", List.of(SetupCommands.fence("node2"))), test.commands());
        assertEquals("stonith_admin --reboot node2 --timeout 180", text(test.on("node1")));
        assertEquals(List.of(SetupCommands.online("node2")), test.verification().get("node1"));
        assertEquals(List.of(SetupCommands.pacemakerRuns()), test.verification().get("node2"),
                "node2 answers again, on a new connection");
        assertEquals(List.of(SetupCommands.fencedOnce("node2"), SetupCommands.online("node2")), test.check().get("node1"));
        assertFalse(plan(Specs.example(), false, "2.1.5", NodeGeneration.PackageManager.APT).steps().stream()
                .anyMatch(s -> s.name().equals("fence-test")), "only when the spec asks for it");
    }

    @ParameterizedTest(name = "DRBD 9 {0}, Pacemaker {1}, {2}")
    @CsvSource({"false, 2.1.5, APT", "true, 2.1.5, APT", "false, 3.0.2, APT", "true, 3.0.4, DNF"})
    void noStepWithoutCheckAndVerificationAndEveryChangeUndone(boolean drbd9, String pacemaker,
            NodeGeneration.PackageManager pm) {
        for (SetupStep step : plan(Specs.with("  test: false", "  test: true"), drbd9, pacemaker, pm).steps()) {
            assertFalse(step.why().isBlank(), step.name());
            if (step.runsEveryTime() == null) {
                assertFalse(step.check().isEmpty(), step.name() + " has no check");
                assertFalse(step.commands().isEmpty(), step.name() + " has no commands");
                // a fenced node comes back as it was: nothing of the test stays to undo
                assertEquals(step.name().equals("fence-test"), step.undo().isEmpty(), step.name() + "'s undo");
                step.check().forEach((node, list) -> assertFalse(list.isEmpty(), step.name() + " on " + node));
            } else {
                assertTrue(List.of("pre-flight", "verification").contains(step.name()), step.name());
            }
            // the verification is its own proof (FailoverProof), the pre-flight only reads
            if (step.runsEveryTime() == null) {
                assertFalse(step.verification().isEmpty(), step.name() + " has no verification");
            }
            for (PlannedFile f : step.files()) {
                assertEquals(f.path() + ".clusterdeck-backup", f.backupPath());
            }
        }
    }

    @Test
    void theFencingPropertyIsNamedAsTheNodesPacemakerNamesIt() {
        SetupStep old = plan(Specs.example(), false, "2.1.5", NodeGeneration.PackageManager.APT).step("fencing");
        assertTrue(all(old).contains("name=\"stonith-enabled\" value=\"true\""), all(old));
        assertTrue(text(old.check().get("node1")).contains("stonith-enabled true"), text(old.check().get("node1")));
        SetupStep renamed = plan(Specs.example(), false, "3.0.2", NodeGeneration.PackageManager.APT).step("fencing");
        assertTrue(all(renamed).contains("name=\"fencing-enabled\" value=\"true\""), all(renamed));
        assertFalse(all(renamed).contains("stonith-enabled"), all(renamed));
        assertTrue(all(plan(Specs.example(), false, "3.0.1", NodeGeneration.PackageManager.APT).step("resources"))
                .contains("stonith-enabled"));
        // no fencing: the property false, and the reason in the step
        SetupStep none = plan(Specs.none(), true, "3.0.2", NodeGeneration.PackageManager.APT).step("fencing");
        assertTrue(all(none).contains("name=\"fencing-enabled\" value=\"false\""), all(none));
        assertTrue(none.why().contains("split brain"), none.why());
    }

    @Test
    void drbd84HandlersAndResourceCommands() {
        SetupPlan p = plan(Specs.example(), false, "2.1.5", NodeGeneration.PackageManager.APT);
        SetupStep drbd = p.step("drbd");
        SetupStep sync = p.step("drbd-sync");
        String res = drbd.files().stream().filter(f -> f.path().equals("/etc/drbd.d/r0.res")).findFirst().orElseThrow()
                .content();
        assertTrue(res.contains("fence-peer \"/usr/lib/drbd/crm-fence-peer.sh --timeout=1 --dc-timeout=20\";"), res);
        assertTrue(res.contains("after-resync-target \"/usr/lib/drbd/crm-unfence-peer.sh\";"), res);
        assertFalse(res.contains(".9.sh"), res);
        assertFalse(res.contains("allow-two-primaries"), res);
        assertTrue(text(sync.on("node2")).endsWith("drbdadm wait-connect r0"), text(sync.on("node2")));
        // the initial sync is forced only once both nodes are up and connected, so both go at once
        assertTrue(sync.nodesAtOnce());
        assertTrue(text(sync.on("node1")).matches("(?s)drbdadm adjust r0\ndrbdadm wait-connect r0\n.*start-initial-sync r0"),
                text(sync.on("node1")));
        assertTrue(text(sync.check().get("node1")).contains("drbd-in-sync r0 r0"), text(sync.check().get("node1")));
        // metadata written once: the step is done when the disk carries DRBD's signature
        assertTrue(text(drbd.check().get("node1")).contains("has-signature /dev/vdb drbd"), text(drbd.check().get("node1")));
        assertFalse(all(drbd).contains("r0:") || all(sync).contains("r0:"), all(drbd) + all(sync));
    }

    @Test
    void drbd9HandlersAndConnectionCommandsNameThePeer() {
        SetupPlan p = plan(Specs.example(), true, "2.1.5", NodeGeneration.PackageManager.APT);
        SetupStep drbd = p.step("drbd");
        SetupStep sync = p.step("drbd-sync");
        String res = drbd.files().get(1).content();
        assertTrue(res.contains("fence-peer \"/usr/lib/drbd/crm-fence-peer.9.sh --timeout=1 --dc-timeout=20\";"), res);
        assertTrue(res.contains("unfence-peer \"/usr/lib/drbd/crm-unfence-peer.9.sh\";"), res);
        assertFalse(res.contains("after-resync-target"), res);
        assertTrue(text(sync.on("node2")).contains("drbdadm wait-connect r0:node1"), text(sync.on("node2")));
        assertTrue(text(sync.check().get("node1")).contains("drbd-in-sync r0 r0:node2"), text(sync.check().get("node1")));
        assertTrue(text(sync.check().get("node2")).contains("drbd-in-sync r0 r0:node1"), text(sync.check().get("node2")));
        // whole-resource commands still name the resource alone
        assertTrue(text(drbd.on("node1")).endsWith("drbdadm create-md --force r0"), text(drbd.on("node1")));
        assertTrue(text(sync.on("node1")).contains("drbdadm adjust r0"), text(sync.on("node1")));
        assertTrue(text(sync.on("node1")).contains("start-initial-sync r0"), text(sync.on("node1")));
    }

    @Test
    void createMdAndMkfsAreDestructiveAndNameNodeDiskAndSize() {
        SetupPlan p = plan(Specs.example(), true, "3.0.2", NodeGeneration.PackageManager.APT);
        SetupStep drbd = p.step("drbd");
        assertTrue(drbd.destroysData());
        assertEquals(List.of("node1", "node2"), drbd.destroys().stream().map(Destruction::node).toList());
        assertEquals("drbdadm create-md on node1 overwrites /dev/vdb (10737418240 bytes, 10.0 GiB): whatever it"
                + " holds is lost", drbd.destroys().get(0).confirmation());
        SetupStep fs = p.step("filesystem");
        assertTrue(fs.destroysData());
        assertTrue(fs.destroys().get(0).confirmation().startsWith("mkfs.ext4 on node1 overwrites /dev/drbd0"),
                fs.destroys().get(0).confirmation());
        // the first node is made Primary again (not forced: both disks are UpToDate by now) to hold the filesystem
        assertEquals(List.of("drbdadm primary r0", "mkfs.ext4 -q /dev/drbd0"),
                fs.on("node1").subList(0, 2).stream().map(Command::display).toList());
        assertTrue(fs.on("node2").stream().noneMatch(c -> c.display().startsWith("mkfs")), text(fs.on("node2")));
        for (SetupStep s : p.steps()) {
            boolean destructive = all(s).contains("create-md") || all(s).contains("mkfs");
            assertEquals(destructive, s.destroysData(), s.name());
        }
    }

    @Test
    void filesAreWrittenWithBackupsAndTheKeyIsCopiedNotShown() {
        SetupStep corosync = plan(Specs.example(), false, "2.1.5", NodeGeneration.PackageManager.APT).step("corosync");
        PlannedFile key2 = corosync.files().stream().filter(f -> f.node().equals("node2")
                && f.path().equals("/etc/corosync/authkey")).findFirst().orElseThrow();
        assertEquals("node1", key2.copiedFrom());
        assertEquals(null, key2.content());
        assertEquals("0400", key2.mode());
        assertTrue(text(corosync.on("node1")).contains("corosync-keygen"));
        // the runner finds the command that reads the copied key from stdin, and only that one
        Command receive = corosync.on("node2").get(1);
        assertEquals(key2, corosync.copiedBy("node2", receive).orElseThrow());
        assertEquals("base64 -w0 /etc/corosync/authkey", key2.readAtSource().display());
        assertTrue(corosync.on("node2").stream().filter(c -> c != receive)
                .allMatch(c -> corosync.copiedBy("node2", c).isEmpty()));
        assertTrue(corosync.copiedBy("node1", receive).isEmpty());
        assertFalse(text(corosync.on("node2")).contains("corosync-keygen"));
        Command write = corosync.on("node1").get(0);
        assertEquals(CorosyncConf.render(Specs.example()), write.stdin());
        assertTrue(write.display().endsWith("write-file /etc/corosync/corosync.conf"
                + " /etc/corosync/corosync.conf.clusterdeck-backup 0644"), write.display());
    }

    @Test
    void packagesFollowThePackageManagerAndTheChoices() {
        String apt = all(plan(Specs.example(), false, "2.1.5", NodeGeneration.PackageManager.APT).step("packages"));
        assertTrue(apt.contains("apt-get install -y -q --no-install-recommends corosync pacemaker"), apt);
        // psmisc for the Filesystem agent's fuser, which Debian 12's resource-agents only recommends
        assertTrue(apt.contains("isc-dhcp-server psmisc fence-agents"), apt);
        String dnf = all(plan(Specs.sbd(), true, "3.0.4", NodeGeneration.PackageManager.DNF).step("packages"));
        assertTrue(dnf.contains("dnf install -y -q corosync pacemaker"), dnf);
        assertTrue(dnf.contains("sbd fence-agents-sbd"), dnf);
        String services = all(plan(Specs.example(), false, "2.1.5", NodeGeneration.PackageManager.DNF).step("services"));
        assertTrue(services.contains("systemctl disable --now drbd dhcpd"), services);
    }

    @Test
    void theResourcesAreStagedOnACopyBeforeTheOnePush() {
        SetupStep r = plan(Specs.example(), false, "2.1.5", NodeGeneration.PackageManager.APT).step("resources");
        List<Command> c = r.on("node1");
        assertEquals("crm_simulate --live-check --save-input " + SetupPlan.CIB_BACKUP, c.get(0).display());
        assertEquals(SetupPlan.CIB_COPY, c.get(2).env().get("CIB_file"));
        assertEquals(SetupPlan.CIB_COPY, c.get(3).env().get("CIB_file"));
        assertTrue(c.get(4).display().startsWith("crm_simulate --simulate"), c.get(4).display());
        assertTrue(c.get(5).env().isEmpty(), "the push goes to the live CIB");
        assertEquals(c.get(2).argv(), c.get(5).argv(), "what is pushed is what was staged");
    }

    @Test
    void nodesThatDisagreeAreRefused() {
        SetupSpec spec = Specs.example();
        NodeGeneration a = new NodeGeneration(false, "2.1.5", NodeGeneration.PackageManager.APT, GIB, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SetupPlan.of(spec,
                Map.of("node1", a, "node2", new NodeGeneration(true, "2.1.5", NodeGeneration.PackageManager.APT, GIB, 0))));
        assertTrue(e.getMessage().contains("different DRBD generations"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SetupPlan.of(spec,
                Map.of("node1", a, "node2", new NodeGeneration(false, "3.0.2", NodeGeneration.PackageManager.APT, GIB, 0))));
        assertTrue(e.getMessage().contains("fencing property"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SetupPlan.of(spec, Map.of("node1", a)));
        assertTrue(e.getMessage().contains("node2"), e.getMessage());
    }

    @Test
    void sbdIsSetUpBeforeCorosyncStartsAndItsDiskCreationIsConfirmed() {
        SetupPlan p = plan(Specs.sbd(), false, "2.1.5", NodeGeneration.PackageManager.APT);
        List<String> names = p.steps().stream().map(SetupStep::name).toList();
        assertEquals(names.indexOf("corosync") - 1, names.indexOf("sbd"), names.toString());
        SetupStep sbd = p.step("sbd");
        assertEquals("sbd -d /dev/disk/by-id/sbd create", sbd.on("node1").get(0).display());
        assertTrue(sbd.on("node2").stream().noneMatch(c -> c.display().contains("create")), text(sbd.on("node2")));
        assertEquals("sbd create on node1 overwrites /dev/disk/by-id/sbd (8388608 bytes, 0.0 GiB): whatever it holds"
                + " is lost", sbd.destroys().get(0).confirmation());
        assertTrue(sbd.files().get(0).content().contains("SBD_DEVICE=\"/dev/disk/by-id/sbd\"\n"));
        assertEquals("/etc/default/sbd", sbd.files().get(0).path());
        assertEquals("/etc/sysconfig/sbd", plan(Specs.sbd(), false, "2.1.5", NodeGeneration.PackageManager.DNF)
                .step("sbd").files().get(0).path());
        assertFalse(plan(Specs.example(), false, "2.1.5", NodeGeneration.PackageManager.APT).steps().stream()
                .anyMatch(st -> st.name().equals("sbd")));
        NodeGeneration unmeasured = new NodeGeneration(false, "2.1.5", NodeGeneration.PackageManager.APT, GIB, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SetupPlan.of(Specs.sbd(), Map.of("node1", unmeasured, "node2", unmeasured)));
        assertTrue(e.getMessage().contains("no size of the SBD device"), e.getMessage());
    }
}
