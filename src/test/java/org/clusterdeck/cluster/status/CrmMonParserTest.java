package org.clusterdeck.cluster.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.FormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Versions the corpus does not have (samples built from the schemas, see the comment inside each
 * file) and hostile input.
 */
class CrmMonParserTest {

    private static String resource(String name) {
        try (InputStream in = CrmMonParserTest.class.getResourceAsStream("/crm_mon/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void legacy11SampleAgreesWithXPathAndSpeaksPacemaker2() throws Exception {
        String text = resource("legacy-1.1-from-schema.xml");
        CrmMonParserCorpusTest.assertAgreesWithXPath(text, "legacy sample");
        ClusterStatus s = CrmMonParser.parse(text, "legacy sample");

        assertEquals(Summary.OutputFormat.LEGACY, s.summary().format());
        assertEquals("1.1.24", s.summary().formatVersion());
        assertEquals(new ClusterOptions(false, true, "ignore", false, null), s.summary().options());
        assertEquals(List.of("Promoted", "Unpromoted"),
                s.resources().stream().filter(r -> r.id().equals("p_drbd")).map(Resource::role).toList());
        assertEquals("Started", s.resources().stream().filter(r -> r.id().equals("p_dhcpd")).findFirst()
                .orElseThrow().targetRole());
        assertEquals(List.of(false, true), s.bans().stream().map(Ban::promotedOnly).toList());
        assertEquals(Map.of("master-p_drbd", "1000"), s.nodes().get(1).attributes());

        assertEquals("{\"nodes\":[{\"name\":\"vm1\",\"online\":true,\"standby\":false,\"maintenance\":false,\"dc\":true},"
                + "{\"name\":\"vm2\",\"online\":true,\"standby\":true,\"maintenance\":false,\"dc\":false}],"
                + "\"resources\":["
                + "{\"id\":\"p_drbd\",\"agent\":\"ocf::linbit:drbd\",\"role\":\"Promoted\",\"nodes\":[\"vm1\"],"
                + "\"parent\":\"ms_drbd\",\"managed\":true,\"failed\":false},"
                + "{\"id\":\"p_drbd\",\"agent\":\"ocf::linbit:drbd\",\"role\":\"Unpromoted\",\"nodes\":[\"vm2\"],"
                + "\"parent\":\"ms_drbd\",\"managed\":true,\"failed\":false},"
                + "{\"id\":\"p_fs\",\"agent\":\"ocf::heartbeat:Filesystem\",\"role\":\"Started\",\"nodes\":[\"vm1\"],"
                + "\"parent\":\"g_dhcp\",\"managed\":true,\"failed\":false},"
                + "{\"id\":\"p_ip\",\"agent\":\"ocf::heartbeat:IPaddr2\",\"role\":\"Started\",\"nodes\":[\"vm1\"],"
                + "\"parent\":\"g_dhcp\",\"managed\":true,\"failed\":false},"
                + "{\"id\":\"p_dhcpd\",\"agent\":\"ocf::heartbeat:dhcpd\",\"role\":\"Started\",\"nodes\":[\"vm1\"],"
                + "\"parent\":\"g_dhcp\",\"managed\":true,\"failed\":true},"
                + "{\"id\":\"p_old\",\"agent\":\"ocf::heartbeat:Dummy\",\"role\":\"Stopped\",\"nodes\":[],"
                + "\"parent\":null,\"managed\":false,\"failed\":false}],"
                + "\"failures\":["
                + "{\"resource\":\"p_dhcpd\",\"node\":\"vm1\",\"operation\":\"monitor\",\"exitReason\":\"dhcpd is not running\"},"
                + "{\"resource\":\"p_drbd:1\",\"node\":\"vm2\",\"operation\":\"migrate_from\",\"exitReason\":null}]}",
                new ObjectMapper().writeValueAsString(s));
        assertEquals(10000L, s.failures().get(0).intervalMs());
    }

    @Test
    void pacemaker3SampleReadsRenamedAndNewFields() {
        String text = resource("pacemaker-3-from-schema.xml");
        CrmMonParserCorpusTest.assertAgreesWithXPath(text, "3.x sample");
        ClusterStatus s = CrmMonParser.parse(text, "3.x sample");

        assertEquals("2.42", s.summary().formatVersion());
        assertEquals("3.0.2-1.fc43", s.summary().pacemakerVersion());
        assertEquals(Boolean.FALSE, s.summary().quorum());
        assertEquals(new ClusterOptions(true, false, "stop", false, true), s.summary().options());
        Resource gone = s.resources().get(3);
        assertEquals("gone_rsc_1", gone.id());
        assertTrue(gone.removed() && gone.blocked() && !gone.managed());
        assertEquals(Arrays.asList("web-bundle", "web-bundle", null, null),
                s.resources().stream().map(Resource::parent).toList());
        assertEquals(new FenceEvent("node-b", "off", "failed", null, "stonith_admin.99", "node-a", null,
                "fence_ipmilan timed out", "error"), s.fenceHistory().get(1));
        assertEquals("remote", s.nodes().get(2).type());
        assertTrue(s.nodes().get(1).unclean());
        assertNull(s.failures().get(0).exitReason());
        assertEquals("Timed out", s.failures().get(0).status());
        assertTrue(s.warnings().isEmpty());
    }

    @Test
    void fencingEnabledWinsOverStonithEnabledWhenTheyDisagree() {
        // Built from crm_mon-2.42.rng: a 3.0.2 crm_mon prints both names of the same option.
        String text = resource("pacemaker-3-from-schema.xml")
                .replace("stonith-enabled=\"true\"", "stonith-enabled=\"false\"");
        assertEquals(Boolean.TRUE, CrmMonParser.parse(text, "t").summary().options().fencingEnabled());
        String onlyNew = text.replace(" stonith-enabled=\"false\"", "");
        assertEquals(Boolean.TRUE, CrmMonParser.parse(onlyNew, "t").summary().options().fencingEnabled());
    }

    /**
     * The group-by-node layout of the versions that cannot run here (each file's comment names the
     * source it follows; CrmMonParserGroupByNodeTest has 2.1.5's real output): bare resources inside
     * the nodes, their parents nowhere.
     */
    @ParameterizedTest
    @CsvSource({
        "pacemaker-3-group-by-node-from-source.xml, node-a, "
                + "/pacemaker-result/nodes/node[@id='1']/resource[@id='web-bundle-podman-0']",
        "legacy-1.1-group-by-node-from-source.xml, vm1, /crm_mon/nodes/node[@id='1']/resource[@id='p_drbd']"})
    void groupByNodeLayoutIsRefusedNamingNodeAndResource(String file, String node, String path) {
        FormatException e = assertThrows(FormatException.class, () -> CrmMonParser.parse(resource(file), file));
        assertFalse(e instanceof PacemakerResultError, e.getMessage());
        assertEquals(file + ": crm_mon --group-by-node output: <node name=\"" + node + "\"> lists the resources "
                + "active there (" + path + ") without the group, clone or bundle each belongs to, and crm_mon "
                + "leaves fully active resources out of <resources>, so their parents cannot be known; save "
                + "crm_mon's output without --group-by-node", e.getMessage());
    }

    @Test
    void otherUnknownElementsInsideANodeAreIgnored() {
        // Only the schema's resource list means group-by-node; anything newer stays tolerated.
        String text = resource("pacemaker-3-from-schema.xml").replace("type=\"member\"/>",
                "type=\"member\"><future_node_detail value=\"x\"/></node>");
        assertTrue(text.contains("<future_node_detail"));
        assertEquals(CrmMonParser.parse(resource("pacemaker-3-from-schema.xml"), "t").nodes(),
                CrmMonParser.parse(text, "t").nodes());
    }

    @Test
    void errorsPrintedBesideAStatusAreKeptAsWarnings() {
        String text = resource("pacemaker-3-from-schema.xml").replace("<status code=\"0\" message=\"OK\"/>",
                "<status code=\"0\" message=\"OK\"><errors><error>some warning</error></errors></status>");
        assertEquals(List.of("some warning"), CrmMonParser.parse(text, "t").warnings());
    }

    @Test
    void errorStatusIsATypedErrorWithCodeAndMessages() {
        // The shape crm_mon 2.1.5 prints when no cluster runs (see StatusReaderTest for the real run).
        String text = "<pacemaker-result api-version=\"2.25\" request=\"crm_mon -1 --output-as=xml\">\n"
                + "  <status code=\"102\" message=\"Not connected\">\n    <errors>\n"
                + "      <error>crm_mon: Connection to cluster failed: Connection refused</error>\n"
                + "    </errors>\n  </status>\n</pacemaker-result>\n";
        PacemakerResultError e = assertThrows(PacemakerResultError.class, () -> CrmMonParser.parse(text, "vm1: crm_mon"));
        assertEquals(102, e.code());
        assertEquals(List.of("crm_mon: Connection to cluster failed: Connection refused"), e.errors());
        assertEquals("vm1: crm_mon: crm_mon failed with exit code 102 (Not connected: the cluster stack "
                + "(pacemaker, corosync) is not running on this node or cannot be reached): "
                + "crm_mon: Connection to cluster failed: Connection refused", e.getMessage());
    }

    @Test
    void disconnectedElementIsAnError() {
        // Built from crm_mon-2.42.rng (element-crm-mon-disconnected).
        String text = "<pacemaker-result api-version=\"2.42\" request=\"crm_mon\">"
                + "<crm-mon-disconnected description=\"Pacemaker daemons are starting\" pacemakerd-state=\"starting\"/>"
                + "<status code=\"0\" message=\"OK\"/></pacemaker-result>";
        PacemakerResultError e = assertThrows(PacemakerResultError.class, () -> CrmMonParser.parse(text, "t"));
        assertTrue(e.getMessage().contains("Pacemaker daemons are starting"), e.getMessage());
    }

    @Test
    void hostileInputGivesClearFormatExceptions() {
        String real = Corpus.read("pacemaker/crm_mon/bundle-order-fencing.xml");
        Map<String, String> expectations = Map.of(
                "", "empty output",
                "  \n\t", "empty output",
                real.substring(0, real.length() / 2), "truncated",
                "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body></body></html>", "DTD",
                "<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>", "<html>",
                "\u0000\u0001\u00ffgarbage", "not XML",
                "crm_mon: command not found", "not XML",
                Corpus.read("pacemaker/cib/bundle-order-fencing.xml"), "root element is <cib>");
        expectations.forEach((input, expected) -> {
            FormatException e = assertThrows(FormatException.class, () -> CrmMonParser.parse(input, "vm1: crm_mon"),
                    () -> "accepted: " + input.substring(0, Math.min(40, input.length())));
            assertTrue(e.getMessage().startsWith("vm1: crm_mon: "), e.getMessage());
            assertTrue(e.getMessage().contains(expected), e.getMessage());
        });
    }

    @Test
    void missingRequiredIdNamesTheElement() {
        String text = resource("pacemaker-3-from-schema.xml").replace("<resource id=\"fence-b\"", "<resource");
        FormatException e = assertThrows(FormatException.class, () -> CrmMonParser.parse(text, "t"));
        assertEquals("t: /pacemaker-result/resources/resource: required attribute 'id' is missing", e.getMessage());
    }

    @Test
    void unparsableOperationKeyNamesTheFailure() {
        String text = resource("pacemaker-3-from-schema.xml")
                .replace("op_key=\"gone_rsc_1_monitor_10000\"", "op_key=\"nonsense\"");
        FormatException e = assertThrows(FormatException.class, () -> CrmMonParser.parse(text, "t"));
        assertTrue(e.getMessage().contains("failure") && e.getMessage().contains("\"nonsense\""), e.getMessage());
    }

    @Test
    void operationKeysWithUnderscoresSplitLikePacemaker() {
        // Keys are real ones from the corpus; the task is not printed beside them there.
        assertEquals(new OperationKey("rsc3", "migrate_from", 0), OperationKey.parse("rsc3_migrate_from_0", null).orElseThrow());
        assertEquals(new OperationKey("group-1-child_192.168.100.181", "monitor", 5000),
                OperationKey.parse("group-1-child_192.168.100.181_monitor_5000", null).orElseThrow());
        assertEquals(new OperationKey("prmDummy1:0", "monitor", 10000),
                OperationKey.parse("prmDummy1:0_monitor_10000", null).orElseThrow());
        assertEquals(new OperationKey("drbd_r0", "post_notify_start", 0),
                OperationKey.parse("drbd_r0_post_notify_start_0", null).orElseThrow());
        // With the task known, a resource id that ends like a task still splits right.
        assertEquals(new OperationKey("a_stop", "stop", 0), OperationKey.parse("a_stop_stop_0", "stop").orElseThrow());
        assertFalse(OperationKey.parse("no-interval_monitor", null).isPresent());
    }
}
