package org.clusterdeck.cluster.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.command.NewPrimitive;
import org.clusterdeck.transport.LocalProcessRunner;
import org.junit.jupiter.api.Test;

/** Forms for new primitives of the agents installed here, as their metadata describes them. */
class PrimitiveFormTest {
    private static PrimitiveForm form(String agent) throws Exception {
        return PrimitiveForm.of(new AgentReader(new LocalProcessRunner()).metadata(AgentName.parse(agent)));
    }

    @Test
    void aVirtualIpAsksForItsAddressChecksTypesAndWritesOnlyWhatDiffersFromTheDefault() throws Exception {
        PrimitiveForm ip = form("ocf:heartbeat:IPaddr2");
        assertEquals(List.of("ip"), ip.parameters(PrimitiveForm.Section.REQUIRED).stream().map(AgentParameter::name).toList());
        assertEquals(Map.of("ip", "required: IPv4 or IPv6 address"), ip.problems(Map.of()));

        Map<String, String> values = new LinkedHashMap<>();
        values.put("ip", "10.99.0.101");
        values.put("cidr_netmask", "24");
        values.put("lvs_support", "maybe");
        values.put("arp_count", "5");
        values.put("nic", "");
        values.put("no_such", "1");
        assertEquals(Map.of("lvs_support", "expected true or false (also yes/no, on/off, 1/0)",
                "no_such", "ocf:heartbeat:IPaddr2 has no parameter no_such"), ip.problems(values));
        values.put("lvs_support", "false");
        values.remove("no_such");
        // 5 and false are the agent's defaults, the blank nic is not given
        assertEquals(Map.of("ip", "10.99.0.101", "cidr_netmask", "24"), ip.changed(values));

        assertEquals(List.of(new NewPrimitive.Op("start", "0s", null, "20s"), new NewPrimitive.Op("stop", "0s", null, "20s"),
                new NewPrimitive.Op("monitor", "10s", null, "20s")), ip.advisedOperations(true));
    }

    @Test
    void drbdsMonitorsPerRoleInTheNodesRoleNames() throws Exception {
        PrimitiveForm drbd = form("ocf:linbit:drbd");
        List<NewPrimitive.Op> monitors = drbd.advisedOperations(true).stream().filter(o -> o.name().equals("monitor")).toList();
        assertEquals(List.of("Unpromoted", "Promoted"), monitors.stream().map(NewPrimitive.Op::role).toList());
        assertEquals(List.of("Slave", "Master"), drbd.advisedOperations(false).stream()
                .filter(o -> o.name().equals("monitor")).map(NewPrimitive.Op::role).toList());
        assertTrue(drbd.advisedOperations(true).stream().anyMatch(o -> o.name().equals("promote") && o.timeout().equals("90")));
    }

    @Test
    void aFenceAgentsOldParameterNamesAreFoldedAwayAndNotRequired() throws Exception {
        PrimitiveForm virsh = form("stonith:fence_virsh");
        List<String> deprecated = virsh.parameters(PrimitiveForm.Section.DEPRECATED).stream().map(AgentParameter::name).toList();
        assertTrue(deprecated.containsAll(List.of("ipaddr", "login")), deprecated.toString());
        List<String> required = virsh.parameters(PrimitiveForm.Section.REQUIRED).stream().map(AgentParameter::name).toList();
        assertTrue(required.containsAll(List.of("ip", "username")) && !required.contains("ipaddr"), required.toString());
    }

    @Test
    void metaAttributesAreCheckedAsTheirTypesSay() {
        assertEquals(Map.of(), PrimitiveForm.metaProblems(Map.of("target-role", "Stopped", "resource-stickiness", "INFINITY",
                "failure-timeout", "10min", "migration-threshold", "3")));
        Map<String, String> bad = PrimitiveForm.metaProblems(Map.of("target-role", "Running", "failure-timeout", "soon",
                "colour", "red"));
        assertEquals("expected one of Started, Stopped, Promoted, Unpromoted", bad.get("target-role"));
        assertEquals("expected a time such as 30s, 90, 5min, 2h or 500ms (a number alone is seconds)", bad.get("failure-timeout"));
        assertTrue(bad.get("colour").startsWith("not a meta attribute ClusterDeck knows: target-role, is-managed"), bad.get("colour"));
    }

    private static List<org.clusterdeck.cluster.cib.Primitive> primitives(String resources) {
        String cib = "<cib><configuration><crm_config/><nodes/><resources>" + resources
                + "</resources><constraints/></configuration><status/></cib>";
        return org.clusterdeck.cluster.cib.CibParser.parse(cib, "test").allResources().stream()
                .map(r -> (org.clusterdeck.cluster.cib.Primitive) r).toList();
    }

    private static List<org.clusterdeck.cluster.cib.Operation> operationsOf(String primitive) {
        return primitives(primitive).get(0).operations();
    }

    @Test
    void aValueTheAgentWantsUniqueThatAnotherOfItsPrimitivesHasIsAClash() throws Exception {
        List<org.clusterdeck.cluster.cib.Primitive> others = primitives(
                "<primitive id=\"p_ping\" class=\"ocf\" provider=\"pacemaker\" type=\"ping\"><instance_attributes id=\"i1\">"
                + "<nvpair id=\"i1-n\" name=\"name\" value=\"connected\"/></instance_attributes></primitive>"
                + "<primitive id=\"p_dummy\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"><instance_attributes id=\"i2\">"
                + "<nvpair id=\"i2-n\" name=\"state\" value=\"/run/x\"/></instance_attributes></primitive>");
        PrimitiveForm ping = form("ocf:pacemaker:ping");
        assertEquals(Map.of("name", "unique, and p_ping has connected already"),
                ping.clashes(Map.of("name", "connected", "host_list", "10.0.0.1"), others), "ping's unique-group of one");
        assertEquals(Map.of(), ping.clashes(Map.of("name", "reachable"), others));
        assertEquals(Map.of(), form("ocf:pacemaker:Dummy").clashes(Map.of("state", "/run/y"), others));
        assertEquals(Map.of("state", "unique, and p_dummy has /run/x already"),
                form("ocf:pacemaker:Dummy").clashes(Map.of("state", "/run/x"), others), "only p_dummy is a Dummy");
    }

    @Test
    void aPrimitivesOwnOperationsComeFirstWithTheirOtherSettingsThenWhatTheAgentAdvisesThatItLacks() throws Exception {
        PrimitiveForm drbd = form("ocf:linbit:drbd");
        List<PrimitiveForm.OperationRow> rows = drbd.operationRows(operationsOf(
                "<primitive id=\"p\" class=\"ocf\" provider=\"linbit\" type=\"drbd\"><operations>"
                + "<op id=\"p-m1\" name=\"monitor\" interval=\"29s\" role=\"Master\" timeout=\"20s\" on-fail=\"fence\"/>"
                + "<op id=\"p-s1\" name=\"start\" interval=\"0s\" timeout=\"240s\"/>"
                + "<op id=\"p-s2\" name=\"stop\" interval=\"0\" timeout=\"100s\"/>"
                + "<op id=\"p-s3\" name=\"stop\" interval=\"0\" timeout=\"120s\"/>"
                + "<op id=\"p-d\" name=\"monitor\" interval=\"60s\" role=\"Slave\"><instance_attributes id=\"p-d-i\">"
                + "<nvpair id=\"p-d-i-l\" name=\"OCF_CHECK_LEVEL\" value=\"10\"/></instance_attributes></op>"
                + "</operations></primitive>"));
        PrimitiveForm.OperationRow promoted = rows.get(0);
        assertEquals(new NewPrimitive.Op("monitor", "29s", "Promoted", "20s", Map.of("on-fail", "fence")), promoted.configured(),
                "the role in 2.1's name, on-fail kept with it");
        assertEquals(null, promoted.locked());
        assertEquals("2 operations share its name and role", rows.get(2).locked());
        assertEquals("2 operations share its name and role", rows.get(3).locked());
        assertEquals("it has attribute sets of its own", rows.get(4).locked());
        List<String> advisedOnly = rows.subList(5, rows.size()).stream()
                .map(r -> r.name() + (r.role() == null ? "" : "/" + r.role())).toList();
        assertTrue(advisedOnly.containsAll(List.of("promote", "demote", "notify")), advisedOnly.toString());
        assertTrue(!advisedOnly.contains("start") && !advisedOnly.contains("stop") && !advisedOnly.contains("monitor/Promoted")
                && !advisedOnly.contains("monitor/Unpromoted"), "what it has is not offered again: " + advisedOnly);
        assertTrue(rows.subList(5, rows.size()).stream().allMatch(r -> r.configured() == null && r.advised() != null));
    }

    @Test
    void operationsGivenForANewPrimitiveAreKeptWithTheirRolesAsTheNodeNamesThem() throws Exception {
        PrimitiveForm drbd = form("ocf:linbit:drbd");
        NewPrimitive given = new NewPrimitive("p", AgentName.parse("ocf:linbit:drbd"), Map.of("drbd_resource", "r0"),
                List.of(new NewPrimitive.Op("monitor", "15s", "Promoted", "30s"), new NewPrimitive.Op("start", "0s", null, "300s")),
                Map.of());
        assertEquals(List.of("Master", "null"), drbd.complete(given, false).ops().stream()
                .map(o -> String.valueOf(o.role())).toList(), "a node before Pacemaker 2.1");
        assertEquals(given.ops(), drbd.complete(given, true).ops(), "the admin's operations, not the advice");
        assertEquals(drbd.advisedOperations(true), drbd.complete(new NewPrimitive("p", given.agent(), given.params(), List.of(),
                Map.of()), true).ops(), "none given: the advice");
        assertEquals(drbd.advisedOperations(true), drbd.operationRows().stream().map(PrimitiveForm.OperationRow::advised).toList());
    }
}
