package org.clusterdeck.cluster.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.cluster.status.CrmMonParser;
import org.clusterdeck.cluster.status.Resource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CIB fragment staged as the plan stages it, on an empty CIB with the local Pacemaker 2.1.5
 * tools: cibadmin takes it, crm_verify finds nothing wrong, and crm_simulate, with both nodes up,
 * starts the stack with DRBD promoted on one node and the group beside it.
 */
class CibResourcesTest {
    private static final NodeGeneration PCMK_2 = new NodeGeneration(false, "2.1.5", NodeGeneration.PackageManager.APT, 1L << 30, 0);
    private static final NodeGeneration PCMK_3 = new NodeGeneration(true, "3.0.2", NodeGeneration.PackageManager.DNF, 1L << 30, 0);

    @TempDir
    Path dir;

    static Stream<Arguments> specs() {
        return Stream.of(Arguments.of("ipmi", Specs.example()), Arguments.of("lab", Specs.lab()),
                Arguments.of("sbd", Specs.sbd()), Arguments.of("none", Specs.none()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void stagedOnAnEmptyCibTheStackStartsWithDrbdPromotedOnOneNode(String kind, SetupSpec spec) throws Exception {
        Path cib = dir.resolve("cib.xml");
        Files.writeString(cib, RealTools.ok(null, "cibadmin", "--empty").stdout());
        // as the plan pushes them: fencing first, then the whole fragment over it
        Path fencing = dir.resolve("fencing.xml");
        Files.writeString(fencing, CibResources.fencingFragment(spec, PCMK_2));
        RealTools.ok(cib, "cibadmin", "--modify", "--scope", "configuration", "--xml-file", fencing.toString());
        RealTools.ok(cib, "crm_verify", "--live-check", "-V");
        Path fragment = dir.resolve("fragment.xml");
        Files.writeString(fragment, CibResources.fragment(spec, PCMK_2));
        RealTools.ok(cib, "cibadmin", "--modify", "--scope", "configuration", "--xml-file", fragment.toString());
        RealTools.ok(cib, "crm_verify", "--live-check", "-V");
        String staged = RealTools.ok(cib, "cibadmin", "--query", "--scope", "resources").stdout();
        for (String device : CibResources.fenceDevices(spec)) {
            assertEquals(1, staged.split(" id=\"" + device + "\"", -1).length - 1, device + " once: " + staged);
        }

        // both nodes up and quorate: crm_simulate carries out the first transition
        Path running = dir.resolve("running.xml");
        RealTools.ok(null, "crm_simulate", "-x", cib.toString(), "-u", "node1", "-u", "node2", "-q", "1",
                "-S", "-O", running.toString());
        // what ocf:linbit:drbd sets on both nodes once both disks are UpToDate: either may be promoted
        for (String node : List.of("node1", "node2")) {
            RealTools.ok(running, "crm_attribute", "-N", node, "-n", "master-" + CibResources.drbdPrimitive(spec),
                    "-v", "10000", "-l", "reboot");
        }
        Path settled = dir.resolve("settled.xml");
        RealTools.ok(null, "crm_simulate", "-x", running.toString(), "-S", "-O", settled.toString());
        RealTools.ok(settled, "crm_verify", "--live-check");

        ClusterStatus status = CrmMonParser.parse(RealTools.ok(settled, "crm_mon", "--output-as=xml").stdout(),
                "crm_mon on the simulated CIB");
        Map<String, List<Resource>> byId = status.resources().stream()
                .collect(Collectors.groupingBy(Resource::id));
        List<Resource> drbd = byId.get(CibResources.drbdPrimitive(spec));
        assertEquals(2, drbd.size(), status.resources().toString());
        List<String> promoted = drbd.stream().filter(r -> r.role().equals("Promoted")).flatMap(r -> r.nodes().stream())
                .toList();
        assertEquals(1, promoted.size(), "one Promoted instance: " + drbd);
        assertTrue(drbd.stream().anyMatch(r -> r.role().equals("Unpromoted")), drbd.toString());
        for (String member : List.of("p_fs", "p_vip", "p_dhcpd")) {
            Resource r = byId.get(member).get(0);
            assertEquals("Started", r.role(), member);
            assertEquals(promoted, r.nodes(), member + " runs beside the Promoted DRBD");
        }
        for (String device : CibResources.fenceDevices(spec)) {
            assertEquals("Started", byId.get(device).get(0).role(), device);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void fencingAsTheKindWants(String kind, SetupSpec spec) {
        String xml = CibResources.fragment(spec, PCMK_2);
        assertTrue(xml.contains("name=\"stonith-enabled\" value=\"" + !kind.equals("none") + "\""), xml);
        assertFalse(xml.contains("no-quorum-policy"), xml);
        switch (kind) {
            case "ipmi" -> {
                assertTrue(xml.contains("type=\"fence_ipmilan\""), xml);
                assertTrue(xml.contains("name=\"pcmk_host_list\" value=\"node2\""), xml);
                // only the device that fences node1 (the delayNode) waits
                assertEquals(1, xml.split("name=\"pcmk_delay_base\" value=\"15s\"", -1).length - 1, xml);
                assertTrue(xml.contains("id=\"st_node1-instance_attributes-pcmk_delay_base\""), xml);
                assertTrue(xml.contains("loc_st_node1_avoid_node1"), xml);
            }
            case "lab" -> assertTrue(xml.contains("class=\"stonith\" id=\"st_node1\" type=\"fence_lab\""), xml);
            case "sbd" -> assertTrue(xml.contains("name=\"pcmk_delay_base\" value=\"node1:15s\""), xml);
            default -> assertFalse(xml.contains("class=\"stonith\""), xml);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void pacemaker302NamesTheFencingPropertyAnew(String kind, SetupSpec spec) {
        String xml = CibResources.fragment(spec, PCMK_3);
        assertTrue(xml.contains("name=\"fencing-enabled\""), xml);
        assertFalse(xml.contains("stonith-enabled"), xml);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void dhcpdsLeasesLieOnTheReplicatedFilesystem(String kind, SetupSpec spec) {
        String xml = CibResources.fragment(spec, PCMK_2);
        // the agent passes -lf chrooted_path/leases even when not chrooted
        assertTrue(xml.contains("name=\"chrooted\" value=\"false\""), xml);
        assertTrue(xml.contains("name=\"chrooted_path\" value=\"/data\""), xml);
        assertTrue(xml.contains("name=\"leases\" value=\"dhcp/dhcpd.leases\""), xml);
        assertEquals("/data/dhcp/dhcpd.leases", CibResources.leasesPath(spec));
        assertFalse(xml.contains("allow-two-primaries"), xml);
    }
}
