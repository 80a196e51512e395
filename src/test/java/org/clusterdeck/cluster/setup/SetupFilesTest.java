package org.clusterdeck.cluster.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.clusterdeck.transport.CommandResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generated corosync.conf, DRBD and dhcpd files, each read by the real tool that will read it on the node. */
class SetupFilesTest {
    @TempDir
    Path dir;

    @Test
    void corosyncTestsTheConfigCleanly() throws Exception {
        // corosync -t finds "its" node by a local address, so node1's heartbeat is this machine's
        SetupSpec spec = Specs.with("heartbeat: 10.99.0.11", "heartbeat: " + RealTools.localIpv4());
        String conf = CorosyncConf.render(spec);
        assertTrue(conf.contains("ring1_addr: 192.168.122.12"), conf);
        assertTrue(conf.contains("two_node: 1"), conf);
        // the only change for the test: crypto needs an authkey, and this machine's /etc is not the test's
        CommandResult r = corosyncTest(conf);
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());

        // the check is real: one link fewer on one node is refused
        CommandResult broken = corosyncTest(conf.replace("        ring1_addr: 192.168.122.12\n", ""));
        assertNotEquals(0, broken.exitCode());
        assertTrue(broken.stderr().contains("same number of links"), broken.stderr());
    }

    @Test
    void corosyncWithOneLinkAndAToken() throws Exception {
        String conf = CorosyncConf.render(SetupSpecReader.read(Specs.EXAMPLE
                .replace("secondLink: true", "secondLink: false").replace("# tokenMs: 3000", "tokenMs: 3000")
                .replace("heartbeat: 10.99.0.11", "heartbeat: " + RealTools.localIpv4())));
        assertFalse(conf.contains("ring1_addr"), conf);
        assertTrue(conf.contains("    token: 3000\n"), conf);
        CommandResult r = corosyncTest(conf);
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
    }

    private CommandResult corosyncTest(String conf) throws Exception {
        Path key = dir.resolve("authkey");
        Files.write(key, new byte[256]);
        Path file = dir.resolve("corosync.conf");
        Files.writeString(file, conf.replace("totem {\n", "totem {\n    keyfile: " + key + "\n"));
        return RealTools.run(null, "corosync", "-t", "-c", file.toString());
    }

    /**
     * drbdadm parses the generated files as the node's drbd.conf includes them. Without a kernel
     * module the drbdadm on the PATH is DRBD 9's; 8.4 nodes run drbd-utils' drbdadm-84 (the
     * wrapper picks it from the module's version), so 8.4's files go to that one.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void drbdadmParsesTheFilesOfEachGeneration(boolean drbd9) throws Exception {
        SetupSpec spec = Specs.example();
        String res = DrbdConf.resource(spec, drbd9);
        CommandResult dump = drbdadmDump(drbd9, res);
        assertEquals(0, dump.exitCode(), dump.stderr());
        String out = dump.stdout();
        assertTrue(out.contains("usage-count no;"), out);
        assertTrue(out.contains("resync-rate      40M;"), out);
        assertTrue(out.contains("fencing          resource-only;"), out);
        // the short poll of the handler, which Pacemaker 2.1.7's node_state otherwise turns into 90 s per failover
        assertTrue(out.contains(drbd9 ? "fence-peer       \"/usr/lib/drbd/crm-fence-peer.9.sh --timeout=1 --dc-timeout=20\";"
                : "fence-peer       \"/usr/lib/drbd/crm-fence-peer.sh --timeout=1 --dc-timeout=20\";"), out);
        assertTrue(out.contains(drbd9 ? "unfence-peer     /usr/lib/drbd/crm-unfence-peer.9.sh;"
                : "after-resync-target /usr/lib/drbd/crm-unfence-peer.sh;"), out);
        assertTrue(out.contains("address          ipv4 10.99.0.12:7789;"), out);
        assertFalse(res.contains("allow-two-primaries"), res);
        assertEquals(drbd9, out.contains("node-id 1;"), out);

        // the generations really differ: each parser refuses the other's file
        CommandResult other = drbdadmDump(!drbd9, res);
        assertNotEquals(0, other.exitCode(), other.stdout());
    }

    private CommandResult drbdadmDump(boolean drbd9, String res) throws Exception {
        Path d = Files.createDirectories(dir.resolve("drbd.d"));
        Files.writeString(d.resolve("global_common.conf"), DrbdConf.global());
        Files.writeString(d.resolve("r0.res"), res);
        Path conf = dir.resolve("drbd.conf");
        // the same includes as the package's /etc/drbd.conf, pointed at the test's directory
        Files.writeString(conf, "include \"" + d + "/global_common.conf\";\ninclude \"" + d + "/*.res\";\n");
        return RealTools.run(null, drbd9 ? "drbdadm" : "/usr/lib/drbd/drbdadm-84", "-c", conf.toString(), "dump");
    }

    @Test
    void dhcpdTestsTheConfigCleanly() throws Exception {
        String conf = DhcpdConf.render(Specs.example());
        assertTrue(conf.contains("subnet 10.10.101.0 netmask 255.255.255.0 {"), conf);
        assertTrue(conf.contains("range 10.10.101.100 10.10.101.200;"), conf);
        assertTrue(conf.contains("default-lease-time 3600;\nmax-lease-time 7200;"), conf);
        assertFalse(conf.contains("lease-file-name"), conf);
        // clients renew at the VIP, which moves with the service
        assertTrue(conf.contains("server-identifier 10.10.101.1;"), conf);
        Path file = dir.resolve("dhcpd.conf");
        Files.writeString(file, conf);
        RealTools.ok(null, "dhcpd", "-t", "-cf", file.toString());

        Files.writeString(file, conf.replace("range 10.10.101.100", "range 10.10.102.100"));
        assertNotEquals(0, RealTools.run(null, "dhcpd", "-t", "-cf", file.toString()).exitCode());
    }

    @Test
    void dhcpdWithoutRouterAndDns() throws Exception {
        String conf = DhcpdConf.render(Specs.with("    router: 10.10.101.254    # optional\n    dns: [10.10.101.53]      # optional\n", ""));
        assertFalse(conf.contains("option"), conf);
        Path file = dir.resolve("dhcpd.conf");
        Files.writeString(file, conf);
        RealTools.ok(null, "dhcpd", "-t", "-cf", file.toString());
    }
}
