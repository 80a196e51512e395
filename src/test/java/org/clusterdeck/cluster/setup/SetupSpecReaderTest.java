package org.clusterdeck.cluster.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SetupSpecReaderTest {
    private static final String EXAMPLE = SetupSpecReader.example();

    @Test
    void theExampleReadsBackCleanly() {
        SetupSpec spec = SetupSpecReader.read(EXAMPLE);
        assertEquals("dhcp-cluster", spec.cluster());
        assertEquals("auto", spec.dialect());
        assertEquals("node2", spec.nodes().get(1).name());
        assertEquals("/dev/vdb", spec.nodes().get(0).disk());
        assertTrue(spec.corosync().secondLink());
        assertEquals("ipmi", spec.fencing().kind());
        assertEquals("192.168.122.212", spec.fencing().parameters().get("node2").get("ip"));
        assertEquals(7789, spec.drbd().port());
        assertEquals("10.10.101.0/24", spec.service().dhcp().subnet());
        assertEquals(3600, spec.service().dhcp().leaseSeconds());
    }

    @Test
    void aSpecWrittenAsYamlReadsBackEqual() {
        for (SetupSpec spec : java.util.List.of(Specs.example(), Specs.lab(), Specs.none(), Specs.sbd())) {
            String yaml = SetupSpecReader.write(spec);
            assertEquals(spec, SetupSpecReader.read(yaml), yaml);
        }
        SetupSpec own = Specs.with("    leaseSeconds: 3600", "    config: |\n      authoritative;\n      subnet 10.10.101.0"
                + " netmask 255.255.255.0 { range 10.10.101.10 10.10.101.20; }\n    leaseSeconds: 3600");
        assertEquals(own, SetupSpecReader.read(SetupSpecReader.write(own)));
        assertEquals("authoritative;\nsubnet 10.10.101.0 netmask 255.255.255.0 { range 10.10.101.10 10.10.101.20; }\n",
                DhcpdConf.render(own), "the admin's own dhcpd.conf is the one written");
        assertTrue(DhcpdConf.generated(own).contains("range 10.10.101.100 10.10.101.200;"), DhcpdConf.generated(own));
        assertEquals(DhcpdConf.generated(own), DhcpdConf.render(Specs.example()));
        SetupSpecException blank = assertThrows(SetupSpecException.class, () -> Specs.with("    leaseSeconds: 3600",
                "    config: ' '\n    leaseSeconds: 3600"));
        assertEquals("service.dhcp.config", blank.field(), blank.getMessage());
    }

    /** A form shows each part's problem at once: every part is checked on its own, none hides another. */
    @Test
    void everyPartsFirstProblemAtOnce() {
        SetupSpec example = Specs.example();
        assertEquals(java.util.List.of(), SetupSpecRules.problems(example));
        SetupSpec.Node n0 = example.nodes().get(0);
        SetupSpec.Node n1 = example.nodes().get(1);
        // a form half filled in: no disks chosen yet, no fencing, no service
        SetupSpec half = new SetupSpec("dhcp-cluster", "auto", java.util.List.of(
                new SetupSpec.Node(n0.name(), n0.host(), n0.heartbeat(), null, null),
                new SetupSpec.Node(n1.name(), n1.host(), "10.99.0.300", null, null)),
                new SetupSpec.Corosync(false, 50), null, example.drbd(), example.filesystem(), null, null);
        java.util.List<String> fields = SetupSpecRules.problems(half).stream().map(SetupSpecException::field).toList();
        assertEquals(java.util.List.of("nodes[1].heartbeat", "nodes[0].disk", "corosync.tokenMs", "fencing", "service"),
                fields);
        // one node only: what needs two is left out, the rest still checked
        SetupSpec one = new SetupSpec("", "auto", java.util.List.of(n0), null, example.fencing(), example.drbd(),
                example.filesystem(), example.service(), null);
        assertEquals(java.util.List.of("cluster", "nodes"),
                SetupSpecRules.problems(one).stream().map(SetupSpecException::field).toList());
    }

    @Test
    void leftOutOptionalsGetTheirDefaults() {
        SetupSpec spec = SetupSpecReader.read(EXAMPLE.replace("dialect: auto\n", "")
                .replace("  port: 7789                 # on the heartbeat link\n", "")
                .replace("  type: ext4                 # or xfs\n", "")
                .replace("    leaseSeconds: 3600       # optional; maximum lease time is twice this\n", "")
                .replace("    router: 10.10.101.254    # optional\n", ""));
        assertEquals("auto", spec.dialect());
        assertEquals(7789, spec.drbd().port());
        assertEquals("ext4", spec.filesystem().type());
        assertEquals(3600, spec.service().dhcp().leaseSeconds());
        assertNull(spec.service().dhcp().router());
    }

    @Test
    void anUnknownKeyIsAnErrorNamingWhereAndWhatIsKnown() {
        SetupSpecException e = assertThrows(SetupSpecException.class,
                () -> SetupSpecReader.read(EXAMPLE.replace("secondLink: true", "secondlink: true")));
        assertEquals("corosync", e.field());
        assertTrue(e.getMessage().contains("unknown key 'secondlink'"), e.getMessage());
        assertTrue(e.getMessage().contains("secondLink"), e.getMessage());
        assertTrue(e.getMessage().contains("line "), e.getMessage());

        e = assertThrows(SetupSpecException.class,
                () -> SetupSpecReader.read(EXAMPLE.replace("    heartbeat: 10.99.0.11 ",
                        "    heartbeet: 10.99.0.11 ")));
        assertEquals("nodes[0]", e.field());
    }

    @Test
    void aKeyGivenTwiceIsAnError() {
        SetupSpecException e = assertThrows(SetupSpecException.class,
                () -> SetupSpecReader.read(EXAMPLE.replace("cluster: dhcp-cluster\n", "cluster: a\ncluster: b\n")));
        assertTrue(e.getMessage().contains("cluster"), e.getMessage());
    }

    @Test
    void aWrongTypeNamesTheField() {
        SetupSpecException e = assertThrows(SetupSpecException.class,
                () -> SetupSpecReader.read(EXAMPLE.replace("prefixLength: 24", "prefixLength: twenty-four")));
        assertEquals("service.prefixLength", e.field());
    }

    @Test
    void emptyAndBrokenYamlAreRefused() {
        assertThrows(SetupSpecException.class, () -> SetupSpecReader.read(""));
        assertThrows(SetupSpecException.class, () -> SetupSpecReader.read("# only a comment\n"));
        SetupSpecException e = assertThrows(SetupSpecException.class, () -> SetupSpecReader.read("cluster: x\n  nodes: - [\n"));
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }

    /** Each rule: the replacement in the example, the field the error must name, and words of the reason. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "  - name: node2|  - name: node1|nodes[1].name|names both nodes",
        "  - name: node2|  - name: -node2|nodes[1].name|node names",
        "cluster: dhcp-cluster|cluster: 'dhcp cluster'|cluster|NCName",
        "dialect: auto|dialect: bash|dialect|auto, pacemaker, crmsh, pcs",
        "    heartbeat: 10.99.0.12|    heartbeat: 10.99.0.11|nodes[1].heartbeat|other node",
        "    heartbeat: 10.99.0.12|    heartbeat: 10.99.0.312|nodes[1].heartbeat|0-255",
        "    heartbeat: 10.99.0.12|    heartbeat: 010.99.0.12|nodes[1].heartbeat|IPv4",
        "    management: 192.168.122.12|    management: node2.example|nodes[1].management|IPv4",
        "disk: /dev/vdb           # the EMPTY|disk: vdb           # the EMPTY|nodes[0].disk|under /dev",
        "disk: /dev/vdb           # the EMPTY|disk: /dev/../tmp/x           # the EMPTY|nodes[0].disk|under /dev",
        "disk: /dev/vdb           # the EMPTY|disk: /tmp/disk.img           # the EMPTY|nodes[0].disk|under /dev",
        "  # tokenMs: 3000|  tokenMs: 50|corosync.tokenMs|1000-300000",
        "kind: ipmi|kind: ilo|fencing.kind|ipmi, virsh, sbd, lab, none",
        "delayNode: node1|delayNode: node3|fencing.delayNode|not a node",
        "192.168.122.212, username: admin, password: secret|192.168.122.212, username: admin|fencing.parameters.node2|needs 'password'",
        "192.168.122.212, username: admin|192.168.122.212, pcmk_delay_base: 5s, username: admin|fencing.parameters.node2.pcmk_delay_base|set by the plan",
        "  resource: r0|  resource: 0r|drbd.resource|NCName",
        "  device: /dev/drbd0|  device: /dev/sdb|drbd.device|/dev/drbdN",
        "  port: 7789 |  port: 77890 |drbd.port|1-65535",
        "resyncRate: 40M|resyncRate: 40MB|drbd.resyncRate|drbd.conf",
        "resyncRate: 40M|resyncRate: 5G|drbd.resyncRate|4G",
        "  type: ext4 |  type: btrfs |filesystem.type|ext4, xfs",
        "mountpoint: /data|mountpoint: data|filesystem.mountpoint|absolute",
        "mountpoint: /data|mountpoint: /|filesystem.mountpoint|other than /",
        "vip: 10.10.101.1 |vip: 10.10.102.1 |service.vip|not a host address of the DHCP subnet 10.10.101.0/24",
        "vip: 10.10.101.1 |vip: 10.10.101.150 |service.dhcp|contains the VIP",
        "prefixLength: 24|prefixLength: 33|service.prefixLength|1-32",
        "prefixLength: 24|prefixLength: 16|service.prefixLength|differs",
        "nic: eth1 |nic: 'eth1; reboot' |service.nic|interface name",
        "subnet: 10.10.101.0/24|subnet: 10.10.101.0|service.dhcp.subnet|CIDR",
        "subnet: 10.10.101.0/24|subnet: 10.10.101.1/24|service.dhcp.subnet|host bits",
        "rangeTo: 10.10.101.200|rangeTo: 10.10.102.200|service.dhcp.rangeTo|not a host address",
        "rangeTo: 10.10.101.200|rangeTo: 10.10.101.50|service.dhcp.rangeTo|comes before",
        "rangeTo: 10.10.101.200|rangeTo: 10.10.101.255|service.dhcp.rangeTo|not a host address",
        "router: 10.10.101.254|router: 10.10.101.150|service.dhcp.router|inside the range",
        "dns: [10.10.101.53]|dns: [10.10.101.53, dns.example]|service.dhcp.dns[1]|IPv4",
        "leaseSeconds: 3600|leaseSeconds: 10|service.dhcp.leaseSeconds|under 60",
    })
    void everyRuleNamesItsField(String original, String replacement, String field, String words) {
        String yaml = EXAMPLE.replace(original, replacement);
        assertTrue(!yaml.equals(EXAMPLE), "the test's replacement must change the example: " + original);
        SetupSpecException e = assertThrows(SetupSpecException.class, () -> SetupSpecReader.read(yaml));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    @Test
    void noFencingOnlyWhenAcknowledged() {
        String none = EXAMPLE.replaceAll("(?s)  kind: ipmi.*?delayNode: node1\n", "  kind: none\n");
        SetupSpecException e = assertThrows(SetupSpecException.class, () -> SetupSpecReader.read(none));
        assertEquals("fencing.acknowledgeNoFencing", e.field());
        assertTrue(e.getMessage().contains("split brain"), e.getMessage());
        SetupSpec spec = SetupSpecReader.read(none.replace("  # acknowledgeNoFencing: false",
                "  acknowledgeNoFencing: true"));
        assertEquals("none", spec.fencing().kind());
        // nothing to fence with, so nothing to test
        e = assertThrows(SetupSpecException.class, () -> SetupSpecReader.read(none.replace("  # acknowledgeNoFencing: false",
                "  acknowledgeNoFencing: true").replace("  test: false", "  test: true")));
        assertEquals("fencing", e.field());
        assertTrue(e.getMessage().contains("no test"), e.getMessage());

        e = assertThrows(SetupSpecException.class, () -> SetupSpecReader.read(EXAMPLE.replace(
                "  # acknowledgeNoFencing: false", "  acknowledgeNoFencing: true")));
        assertEquals("fencing.acknowledgeNoFencing", e.field());
    }

    @Test
    void sbdsDeviceIsOneSharedDevicePath() {
        String sbd = "  kind: sbd\n  parameters:\n    node1: {devices: /dev/sdc}\n    node2: {devices: %s}\n";
        SetupSpecException e = assertThrows(SetupSpecException.class, () -> Specs.fencing(sbd.formatted("/dev/sdd")));
        assertEquals("fencing.parameters", e.field());
        e = assertThrows(SetupSpecException.class, () -> Specs.fencing(sbd.formatted("'/dev/sdc\\\"; reboot'")));
        assertEquals("fencing.parameters.node2.devices", e.field());
        assertEquals("sbd", Specs.fencing(sbd.formatted("/dev/sdc")).fencing().kind());
    }

    @Test
    void aSecondLinkNeedsEveryManagementAddress() {
        SetupSpecException e = assertThrows(SetupSpecException.class,
                () -> SetupSpecReader.read(EXAMPLE.replace("    management: 192.168.122.12\n", "")));
        assertEquals("nodes[1].management", e.field());
    }

    @Test
    void resyncRatesAreReadAsDrbdDoes() {
        assertEquals(40 << 10, SetupSpecRules.resyncRateKiB("40M"));
        assertEquals(250, SetupSpecRules.resyncRateKiB("250"));
        assertEquals(250, SetupSpecRules.resyncRateKiB("250K"));
        assertEquals(4L << 20, SetupSpecRules.resyncRateKiB("4G"));
    }
}
