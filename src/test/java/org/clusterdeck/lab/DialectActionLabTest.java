package org.clusterdeck.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.clusterdeck.cluster.command.CibAdmin;
import org.clusterdeck.cluster.command.NewConstraint;
import org.clusterdeck.cluster.xml.SafeXml;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Every kind of action (but the window's and the hostile-input ones, see {@link ActionLabTest}) in
 * each dialect, on one lab: with pcs only, crmsh only and neither (the
 * other tools hidden by a bind mount of /dev/null over their binaries inside the nodes), the node
 * picks the dialect on its own. Each action is applied as the admin types it and its effect read
 * back from crm_mon's and cibadmin's XML by XPath; where the prediction applies, the placement
 * afterwards is the predicted one, and no cli-prefer/cli-ban constraint is left behind. Each case
 * starts from the lab's reference state and puts it back, whatever happened.
 */
class DialectActionLabTest extends ActionLabTestBase {
    private static final Map<String, List<String>> HIDDEN = Map.of("pcs", List.of("crm"), "crmsh", List.of("pcs"),
            "pacemaker", List.of("crm", "pcs"));
    /** A different value per dialect, so each case proves its own change. */
    private static final Map<String, String> RECHECK = Map.of("pcs", "4min", "crmsh", "5min", "pacemaker", "6min");

    /** What one action is called in each dialect. */
    record Spelling(String pcs, String crmsh, String pacemaker) {
        String in(String dialect) {
            return switch (dialect) {
                case "pcs" -> pcs;
                case "crmsh" -> crmsh;
                default -> pacemaker;
            };
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pcs", "crmsh", "pacemaker"})
    void everyActionInTheDialectTheNodeHas(String dialect) throws Exception {
        try {
            HIDDEN.get(dialect).forEach(this::hide);
            ClusterView start = view();
            assertTrue(start.everythingActive(), start.toString());
            String home = start.serviceNode();
            assertNotNull(home, start.toString());
            String away = lab.other(home);

            moveAndItsPreview(dialect, away);
            standbyOnlineAndEvacuate(dialect, away);
            banAndClear(dialect);
            demoteAndPromote(dialect);
            cleanup(dialect);
            stopAndStart(dialect);
            maintenance(dialect);
            property(dialect);
            unmanageAndManage(dialect);
            constraintAddAndRemove(dialect);
            resourceCreateAndDelete(dialect);
            secondVipAddedEditedDeleted(dialect);
            groupAndCloneMadeAndUndone(dialect);
            groupMetaAndFencingDevice(dialect);
            if (dialect.equals("pcs")) {
                // the other dialects' fence is stonith_admin's, which ActionLabTest runs
                fenceTest(node -> "pcs stonith fence " + node);
            }
        } finally {
            HIDDEN.get(dialect).forEach(this::unhide);
            restore();
        }
    }

    private void moveAndItsPreview(String dialect, String to) throws Exception {
        String from = lab.other(to);
        Spelling move = new Spelling("pcs resource move-with-constraint g_dhcp " + to, "crm resource move g_dhcp " + to,
                "crm_resource --move --resource g_dhcp --node " + to);
        Spelling clear = new Spelling("pcs resource clear g_dhcp", "crm resource clear g_dhcp",
                "crm_resource --clear --resource g_dhcp");

        // the plan as people read it: the commands and the prediction's stages exactly as typed, no wrapper
        Run text = cliText("move", "g_dhcp", to, "--dry-run");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("Commands:\n  " + move.in(dialect) + "\nOnce it has landed:\n  "
                + clear.in(dialect) + "\n"), text.out());
        assertTrue(text.out().contains("  then, after " + clear.in(dialect) + ":\n    nothing changes\n"), text.out());
        assertFalse(text.out().contains("Note:"), "no staging note: the change is staged as shown\n" + text.out());

        JsonNode plan = apply(dialect, move, "move", "g_dhcp", to).get("plan");
        assertEquals(clear.in(dialect), plan.get("afterLanding").asText());
        List<String> stages = new ArrayList<>();
        plan.get("prediction").get("transitions").forEach(t -> stages.add(t.get("stage").asText()));
        assertEquals(List.of(move.in(dialect), clear.in(dialect)), stages);
        assertEquals(to, view().serviceNode());

        // what really ran on the copy is in the audit log: pcs with the copy named, the others as shown
        JsonNode planned = lastAudited("planned");
        List<String> onCopy = new ArrayList<>();
        planned.get("stagedOnCopy").forEach(c -> onCopy.add(c.asText()));
        assertEquals(2, onCopy.size(), onCopy.toString());
        for (int i = 0; i < 2; i++) {
            String shown = stages.get(i);
            if (dialect.equals("pcs")) {
                assertTrue(onCopy.get(i).startsWith("sh -c 'exec pcs -f \"$CIB_file\" \"$@\"' ")
                        && onCopy.get(i).endsWith(" " + shown), onCopy.get(i));
            } else {
                assertEquals(shown, onCopy.get(i));
            }
        }

        if (dialect.equals("pcs")) {
            // pcs ignores CIB_file: a preview whose staged clear reached the live CIB would remove this ban
            CommandResult ban = lab.ssh("node1", Duration.ofSeconds(15), "crm_resource", "--ban", "--resource",
                    "g_dhcp", "--node", from);
            assertEquals(0, ban.exitCode(), ban.stderr());
            Run preview = cli("move", "g_dhcp", from, "--dry-run");
            assertEquals(0, preview.code(), preview.err());
            assertEquals(1, cliConstraints(), "the preview left the live CIB alone");
            assertEquals(0, lab.ssh("node1", Duration.ofSeconds(15), "crm_resource", "--clear", "--resource",
                    "g_dhcp").exitCode());
            assertEquals(0, cliConstraints());
        }
        // asking for a hidden tool is an error naming it, before anything changes
        for (String missing : List.of("crmsh", "pcs")) {
            if (!missing.equals(dialect)) {
                Run forced = cli("stop", "p_vip", "--dialect", missing, "--dry-run");
                assertEquals(1, forced.code(), forced.out());
                assertTrue(forced.err().contains("has no " + missing), forced.err());
            }
        }
    }

    private void standbyOnlineAndEvacuate(String dialect, String active) throws Exception {
        String other = lab.other(active);
        apply(dialect, new Spelling("pcs node standby " + active, "crm node standby " + active,
                "crm_attribute --node " + active + " --name standby --update on --lifetime forever"), "standby", active);
        ClusterView away = view();
        assertEquals(other, away.serviceNode());
        assertFalse(away.nodesRunningAnything().contains(active), away.toString());
        assertEquals(1, count(crmMonXml(), "/pacemaker-result/nodes/node[@name='" + active + "' and @standby='true']"));

        apply(dialect, new Spelling("pcs node unstandby " + active, "crm node online " + active,
                "crm_attribute --node " + active + " --name standby --update off --lifetime forever"), "online", active);
        assertEquals(0, count(crmMonXml(), "//node[@standby='true']"));
        assertEquals(other, view().serviceNode(), "stickiness keeps the stack where it is");

        // evacuating the node without the stack still takes its fencing device and DRBD instance off it
        apply(dialect, new Spelling("pcs node standby " + active, "crm node standby " + active,
                "crm_attribute --node " + active + " --name standby --update on --lifetime forever"), "evacuate", active);
        assertFalse(view().nodesRunningAnything().contains(active), view().toString());
        apply(dialect, new Spelling("pcs node unstandby " + active, "crm node online " + active,
                "crm_attribute --node " + active + " --name standby --update off --lifetime forever"), "online", active);
        assertEquals(0, count(crmMonXml(), "//node[@standby='true']"));
        assertTrue(view().everythingActive(), view().toString());
    }

    private void banAndClear(String dialect) throws Exception {
        String from = view().serviceNode();
        String to = lab.other(from);
        Run ban = run(dialect, new Spelling("pcs resource ban g_dhcp " + from, "crm resource ban g_dhcp " + from,
                "crm_resource --ban --resource g_dhcp --node " + from), "ban", "g_dhcp", from);
        assertPredictedEqualsActual(ban.json().get("plan"), view());
        assertEquals(to, view().serviceNode());
        assertEquals(1, count(constraintsXml(), "/constraints/rsc_location[starts-with(@id,'cli-ban-g_dhcp')"
                + " and @rsc='g_dhcp' and @node='" + from + "' and @score='-INFINITY']"), "the ban stays until cleared");

        apply(dialect, new Spelling("pcs resource clear g_dhcp", "crm resource clear g_dhcp",
                "crm_resource --clear --resource g_dhcp"), "clear", "g_dhcp");
        assertEquals(to, view().serviceNode());
    }

    private void demoteAndPromote(String dialect) throws Exception {
        String from = view().serviceNode();
        String to = lab.other(from);
        String plainBan = "crm_resource --ban --resource ms_drbd_r0 --node " + from + " --promoted";
        JsonNode demote = apply(dialect, new Spelling("pcs resource ban ms_drbd_r0 " + from + " --promoted", plainBan,
                plainBan), "demote", "ms_drbd_r0");
        assertEquals(new Spelling("pcs resource clear ms_drbd_r0", "crm resource clear ms_drbd_r0",
                "crm_resource --clear --resource ms_drbd_r0").in(dialect), demote.get("plan").get("afterLanding").asText());
        assertEquals(to, view().serviceNode(), "the stack follows the promoted role");
        assertEquals(1, count(crmMonXml(), "//resource[@id='p_drbd_r0' and @role='Promoted']/node[@name='" + to + "']"));

        String plainMove = "crm_resource --move --resource ms_drbd_r0 --node " + from + " --promoted";
        apply(dialect, new Spelling("pcs resource move-with-constraint ms_drbd_r0 " + from + " --promoted", plainMove,
                plainMove), "promote", "ms_drbd_r0", from);
        assertEquals(from, view().serviceNode(), "the stack follows the promoted role back");
        assertEquals(1, count(crmMonXml(), "//resource[@id='p_drbd_r0' and @role='Promoted']/node[@name='" + from + "']"));
    }

    private void cleanup(String dialect) throws Exception {
        String active = view().serviceNode();
        // the cluster's own way to report a failure: recorded, recovered, listed by crm_mon
        CommandResult fail = lab.ssh(active, Duration.ofSeconds(15), "crm_resource", "--fail", "--resource", "p_vip",
                "--node", active);
        assertEquals(0, fail.exitCode(), fail.stderr());
        Lab.await("crm_mon lists the failure", Duration.ofSeconds(30), () -> {
            try {
                return count(crmMonXml(), "/pacemaker-result/failures/failure[starts-with(@op_key,'p_vip_')]") > 0
                        ? true : null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, () -> "no failure");
        Lab.await("p_vip recovered", Duration.ofSeconds(30), () -> view().everythingActive() ? true : null,
                () -> view());
        apply(dialect, new Spelling("pcs resource cleanup p_vip", "crm_resource --cleanup --resource p_vip",
                "crm_resource --cleanup --resource p_vip"), "cleanup", "p_vip");
        assertEquals(0, count(crmMonXml(), "/pacemaker-result/failures/failure"));
        assertEquals(active, view().serviceNode());
    }

    private void stopAndStart(String dialect) throws Exception {
        String active = view().serviceNode();
        apply(dialect, new Spelling("pcs resource disable p_dhcpd", "crm resource stop p_dhcpd",
                "crm_resource --resource p_dhcpd --meta --set-parameter target-role --parameter-value Stopped"),
                "stop", "p_dhcpd");
        assertEquals(1, count(crmMonXml(), "//resource[@id='p_dhcpd' and @active='false' and @role='Stopped']"));
        apply(dialect, new Spelling("pcs resource enable p_dhcpd", "crm resource start p_dhcpd",
                "crm_resource --resource p_dhcpd --meta --set-parameter target-role --parameter-value Started"),
                "start", "p_dhcpd");
        assertEquals(1, count(crmMonXml(), "//resource[@id='p_dhcpd' and @active='true']/node[@name='" + active + "']"));
    }

    private void maintenance(String dialect) throws Exception {
        String clusterOn = "crm_attribute --type crm_config --name maintenance-mode --update=true";
        String clusterOff = "crm_attribute --type crm_config --name maintenance-mode --update=false";
        apply(dialect, new Spelling("pcs property set maintenance-mode=true", clusterOn, clusterOn), "maintenance", "on");
        assertEquals(1, count(crmMonXml(), "/pacemaker-result/summary/cluster_options[@maintenance-mode='true']"));
        assertEquals(1, count(cibXml(), "/cib/configuration/crm_config//nvpair[@name='maintenance-mode' and @value='true']"));
        apply(dialect, new Spelling("pcs property set maintenance-mode=false", clusterOff, clusterOff), "maintenance",
                "off");
        assertEquals(1, count(crmMonXml(), "/pacemaker-result/summary/cluster_options[@maintenance-mode='false']"));

        String node = lab.other(view().serviceNode());
        String nodeOn = "crm_attribute --node " + node + " --name maintenance --update on --lifetime forever";
        String nodeOff = "crm_attribute --node " + node + " --name maintenance --update off --lifetime forever";
        apply(dialect, new Spelling("pcs node maintenance " + node, nodeOn, nodeOn), "maintenance", "on", "--node", node);
        assertEquals(1, count(crmMonXml(), "/pacemaker-result/nodes/node[@name='" + node + "' and @maintenance='true']"));
        apply(dialect, new Spelling("pcs node unmaintenance " + node, nodeOff, nodeOff), "maintenance", "off", "--node",
                node);
        assertEquals(0, count(crmMonXml(), "/pacemaker-result/nodes/node[@maintenance='true']"));
        assertTrue(view().everythingActive(), view().toString());
    }

    private void property(String dialect) throws Exception {
        String value = RECHECK.get(dialect);
        String plain = "crm_attribute --type crm_config --name cluster-recheck-interval --update=" + value;
        apply(dialect, new Spelling("pcs property set cluster-recheck-interval=" + value, plain, plain), "property",
                "cluster-recheck-interval=" + value);
        assertEquals(1, count(cibXml(), "/cib/configuration/crm_config/cluster_property_set/nvpair"
                + "[@name='cluster-recheck-interval' and @value='" + value + "']"));
    }

    private void unmanageAndManage(String dialect) throws Exception {
        apply(dialect, new Spelling("pcs resource unmanage p_dhcpd", "crm resource unmanage p_dhcpd",
                "crm_resource --resource p_dhcpd --meta --set-parameter is-managed --parameter-value false"),
                "unmanage", "p_dhcpd");
        assertEquals(1, count(crmMonXml(), "//resource[@id='p_dhcpd' and @managed='false' and @active='true']"));
        apply(dialect, new Spelling("pcs resource manage p_dhcpd", "crm resource manage p_dhcpd",
                "crm_resource --resource p_dhcpd --meta --set-parameter is-managed --parameter-value true"),
                "manage", "p_dhcpd");
        assertEquals(1, count(crmMonXml(), "//resource[@id='p_dhcpd' and @managed='true' and @active='true']"));
    }

    private void constraintAddAndRemove(String dialect) throws Exception {
        String to = lab.other(view().serviceNode());
        String id = "l_" + dialect;
        // cibadmin in every dialect (pcs's and crmsh's constraint syntax is a language of its own); the
        // XML it wrote is checked below in the CIB
        String add = CibAdmin.createConstraint(new NewConstraint.Location(id, "g_dhcp", to, "INFINITY", null)).display();
        apply(dialect, new Spelling(add, add, add), "constraint", "add", "location", id, "g_dhcp", to,
                "--score", "INFINITY");
        assertEquals(to, view().serviceNode());
        assertEquals(1, count(constraintsXml(), "/constraints/rsc_location[@id='" + id + "' and @rsc='g_dhcp' and @node='"
                + to + "' and @score='INFINITY']"));
        String remove = CibAdmin.deleteConstraint(id).display();
        apply(dialect, new Spelling(remove, remove, remove), "constraint", "remove", id);
        assertEquals(0, count(constraintsXml(), "//*[@id='" + id + "']"));
        assertEquals(to, view().serviceNode(), "stickiness keeps the stack where the constraint put it");
    }

    /**
     * A Dummy into the DHCP group, with a hostile value, and the operations its metadata on the node
     * advises: where the dialect can, after the VIP (the plain tools append only); it starts with the
     * group, where predicted, and crm_verify finds the configuration clean.
     */
    private void resourceCreateAndDelete(String dialect) throws Exception {
        String id = "p_new_" + dialect;
        String resourcesBefore = section("resources");
        String constraintsBefore = section("constraints");
        String value = "it's $(id) `id`; & <x>";
        List<String> args = new ArrayList<>(List.of("resource", "create", id, "ocf:pacemaker:Dummy", "fake=" + value,
                "--group", "g_dhcp"));
        if (!dialect.equals("pacemaker")) {
            args.addAll(List.of("--after", "p_vip"));
        }
        args.add("--yes");
        Run r = cli(args.toArray(String[]::new));
        assertEquals(0, r.code(), dialect + ": " + r.err() + r.out());
        JsonNode plan = r.json().get("plan");
        assertEquals(dialect, plan.get("dialect").asText());
        String shown = plan.get("commands").get(0).asText();
        assertTrue(shown.startsWith(new Spelling("pcs resource create " + id + " ocf:pacemaker:Dummy",
                "crm configure <<'END'\nprimitive " + id + " ocf:pacemaker:Dummy",
                "cibadmin --modify --scope resources --xml-pipe <<'END'\n<group id=\"g_dhcp\"><primitive").in(dialect)), shown);
        assertTrue(r.json().get("asPredicted").asBoolean(), r.out());
        assertPredictedEqualsActual(plan, view());
        String where = view().serviceNode();
        assertTrue(view().resources().stream().anyMatch(p -> p.id().equals(id) && p.active() && p.nodes().contains(where)),
                view().toString());

        Document resources = SafeXml.parse(lab.ssh("node1", Duration.ofSeconds(15), "cibadmin", "--query", "--scope",
                "resources").stdout(), "resources");
        String at = "/resources/group[@id='g_dhcp']/primitive";
        assertEquals(dialect.equals("pacemaker") ? "p_dhcpd" : "p_vip",
                XPathFactory.newInstance().newXPath().evaluate(at + "[@id='" + id + "']/preceding-sibling::primitive[1]/@id",
                        resources));
        assertEquals(value, XPathFactory.newInstance().newXPath().evaluate(at + "[@id='" + id
                + "']/instance_attributes/nvpair[@name='fake']/@value", resources));
        // Dummy's own advice: a monitor every 10 s, 20 s to answer
        assertEquals(1, count(resources, at + "[@id='" + id + "']/operations/op[@name='monitor' and @interval='10s'"
                + " and @timeout='20s']"));
        CommandResult verify = lab.ssh("node1", Duration.ofSeconds(30), "crm_verify", "--live-check");
        assertEquals(0, verify.exitCode(), verify.stderr() + verify.stdout());

        // a constraint that names it goes with it; the configuration is then what it was
        Run located = cli("constraint", "add", "location", "l_" + id, id, where, "--score", "10", "--yes");
        assertEquals(0, located.code(), located.err() + located.out());
        Run deleted = cli("resource", "delete", id, "--yes");
        assertEquals(0, deleted.code(), dialect + ": " + deleted.err() + deleted.out());
        JsonNode deletion = deleted.json().get("plan");
        assertEquals(List.of("l_" + id), List.of(deletion.get("action").get("constraints").get(0).asText()));
        assertEquals(new Spelling("pcs resource delete " + id, "crm resource stop " + id,
                "cibadmin --delete --xpath '/cib/configuration/constraints/*[@id='\\''l_" + id + "'\\'']'").in(dialect),
                deletion.get("commands").get(0).asText());
        assertTrue(deleted.json().get("asPredicted").asBoolean(), deleted.out());
        assertEquals(resourcesBefore, section("resources"), "the resources as before the create");
        assertEquals(constraintsBefore, section("constraints"), "the constraints as before");
        CommandResult clean = lab.ssh("node1", Duration.ofSeconds(30), "crm_verify", "--live-check");
        assertEquals(0, clean.exitCode(), clean.stderr() + clean.stdout());
    }

    /**
     * The acceptance walk on the command line: a second VIP (IPaddr2) into the DHCP group, started
     * where the group runs; its netmask changed (the plan shows the XML before and after); deleted.
     * The address is really on the node, then with the new mask; the CIB ends as it began.
     */
    private void secondVipAddedEditedDeleted(String dialect) throws Exception {
        String id = "p_vip2_" + dialect;
        String ip = "10.99.0." + Map.of("pcs", 101, "crmsh", 102, "pacemaker", 103).get(dialect);
        String resourcesBefore = section("resources");
        List<String> args = new ArrayList<>(List.of("resource", "create", id, "ocf:heartbeat:IPaddr2", "ip=" + ip,
                "cidr_netmask=24", "--group", "g_dhcp"));
        if (!dialect.equals("pacemaker")) {
            args.addAll(List.of("--after", "p_vip"));
        }
        args.add("--yes");
        Run created = cli(args.toArray(String[]::new));
        assertEquals(0, created.code(), dialect + ": " + created.err() + created.out());
        assertTrue(created.json().get("asPredicted").asBoolean(), created.out());
        String where = view().serviceNode();
        assertTrue(address(where).contains(ip + "/24"), address(where));

        Run edited = cli("resource", "update", id, "cidr_netmask=25", "--yes");
        assertEquals(0, edited.code(), dialect + ": " + edited.err() + edited.out());
        JsonNode plan = edited.json().get("plan");
        assertEquals(dialect, plan.get("dialect").asText());
        assertTrue(plan.get("commands").get(0).asText().startsWith(new Spelling("pcs resource update " + id
                + " cidr_netmask=25", "crm configure load xml update - <<'END'\n<cib><configuration><resources><primitive",
                "cibadmin --replace --scope resources --xml-pipe <<'END'\n<primitive").in(dialect)), plan.toString());
        List<String> diff = new ArrayList<>();
        plan.get("action").get("diff").forEach(l -> diff.add(l.asText()));
        assertEquals(1, diff.stream().filter(l -> l.startsWith("- ") && l.contains("name=\"cidr_netmask\" value=\"24\""))
                .count(), diff.toString());
        assertEquals(1, diff.stream().filter(l -> l.startsWith("+ ") && l.contains("name=\"cidr_netmask\" value=\"25\""))
                .count(), diff.toString());
        assertEquals(2, diff.stream().filter(l -> !l.startsWith("  ")).count(), "only the netmask changes: " + diff);
        assertTrue(edited.json().get("asPredicted").asBoolean(), edited.out());
        assertPredictedEqualsActual(plan, view());
        Document resources = SafeXml.parse(section("resources"), "resources");
        assertEquals("25", XPathFactory.newInstance().newXPath().evaluate("//primitive[@id='" + id
                + "']/instance_attributes/nvpair[@name='cidr_netmask']/@value", resources));
        assertTrue(address(view().serviceNode()).contains(ip + "/25"), address(view().serviceNode()));
        CommandResult verify = lab.ssh("node1", Duration.ofSeconds(30), "crm_verify", "--live-check");
        assertEquals(0, verify.exitCode(), verify.stderr() + verify.stdout());

        Run deleted = cli("resource", "delete", id, "--yes");
        assertEquals(0, deleted.code(), dialect + ": " + deleted.err() + deleted.out());
        assertTrue(deleted.json().get("asPredicted").asBoolean(), deleted.out());
        assertEquals(resourcesBefore, section("resources"), "the resources as before the second VIP");
        assertFalse(address(view().serviceNode()).contains(ip + "/"), address(view().serviceNode()));
    }

    /**
     * The DHCP group's stickiness set and removed again, and a second fencing device for node2
     * added, pointed at node1 and deleted: each as predicted, crm_verify clean, the resources as
     * before at the end (but for the empty meta attribute set pcs keeps in the group).
     */
    private void groupMetaAndFencingDevice(String dialect) throws Exception {
        String resourcesBefore = lab.canonicalCib("node1", "resources");
        String stickiness = Map.of("pcs", "101", "crmsh", "102", "pacemaker", "103").get(dialect);
        Run set = cli("resource", "update", "g_dhcp", "--meta", "resource-stickiness=" + stickiness, "--yes");
        assertEquals(0, set.code(), dialect + ": " + set.err() + set.out());
        assertTrue(set.json().get("asPredicted").asBoolean(), set.out());
        assertTrue(set.json().get("plan").get("commands").get(0).asText().startsWith(new Spelling(
                "pcs resource meta g_dhcp resource-stickiness=" + stickiness,
                "crm configure load xml update - <<'END'\n<cib><configuration><resources><group id=\"g_dhcp\">",
                "cibadmin --replace --scope resources --xml-pipe <<'END'\n<group id=\"g_dhcp\">").in(dialect)), set.out());
        assertEquals(stickiness, XPathFactory.newInstance().newXPath().evaluate("//group[@id='g_dhcp']/meta_attributes"
                + "/nvpair[@name='resource-stickiness']/@value", SafeXml.parse(section("resources"), "resources")));
        Run unset = cli("resource", "update", "g_dhcp", "--meta", "resource-stickiness=", "--yes");
        assertEquals(0, unset.code(), dialect + ": " + unset.err() + unset.out());
        assertTrue(unset.json().get("asPredicted").asBoolean(), unset.out());

        String device = "st_extra_" + dialect;
        Run created = cli("stonith", "create", device, "fence_lab", "plug=node2", "pcmk_host_list=node2", "--yes");
        assertEquals(0, created.code(), dialect + ": " + created.err() + created.out());
        assertTrue(created.json().get("asPredicted").asBoolean(), created.out());
        assertEquals(1, count(crmMonXml(), "//resource[@id='" + device + "' and @active='true']"), "the fencer runs it");
        Run pointed = cli("stonith", "update", device, "plug=node1", "pcmk_host_list=node1", "--yes");
        assertEquals(0, pointed.code(), dialect + ": " + pointed.err() + pointed.out());
        assertTrue(pointed.json().get("asPredicted").asBoolean(), pointed.out());
        assertEquals("node1", XPathFactory.newInstance().newXPath().evaluate("//primitive[@id='" + device
                + "']/instance_attributes/nvpair[@name='pcmk_host_list']/@value", SafeXml.parse(section("resources"),
                "resources")));
        CommandResult verify = lab.ssh("node1", Duration.ofSeconds(30), "crm_verify", "--live-check");
        assertEquals(0, verify.exitCode(), verify.stderr() + verify.stdout());
        Run deleted = cli("stonith", "delete", device, "--yes");
        assertEquals(0, deleted.code(), dialect + ": " + deleted.err() + deleted.out());
        assertTrue(deleted.json().get("asPredicted").asBoolean(), deleted.out());

        String after = lab.canonicalCib("node1", "resources");
        if (dialect.equals("pcs")) {
            String emptied = "<meta_attributes id=\"g_dhcp-meta_attributes\"/>";
            assertTrue(after.contains(emptied), after);
            after = after.replace(emptied, "");
        }
        assertEquals(resourcesBefore, after, dialect + ": the resources as before");
    }

    /**
     * Two Dummies on their own made a new group, reordered, cloned (a copy on each node), the clone
     * taken away and the group undone: each change as predicted, the group refused to go while a
     * constraint names it, and the resources and constraints as before at the end.
     */
    private void groupAndCloneMadeAndUndone(String dialect) throws Exception {
        String a = "p_a_" + dialect;
        String b = "p_b_" + dialect;
        String g = "g_" + dialect;
        String resourcesBefore = lab.canonicalCib("node1", "resources");
        String constraintsBefore = lab.canonicalCib("node1", "constraints");
        for (String id : List.of(a, b)) {
            CommandResult made = lab.ssh("node1", Duration.ofSeconds(15), "cibadmin", "--create", "--scope", "resources",
                    "--xml-text", "<primitive id=\"" + id + "\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"/>");
            assertEquals(0, made.exitCode(), made.stderr());
        }
        changed(dialect, "resource", "group", "add", g, a, b);
        assertEquals(List.of(a, b), members(g));
        changed(dialect, "resource", "group", "add", g, b, "--before", a);
        assertEquals(List.of(b, a), members(g));

        Run located = cli("constraint", "add", "location", "l_" + g, g, "node1", "--score", "5", "--yes");
        assertEquals(0, located.code(), located.err() + located.out());
        Run refused = cli("resource", "group", "remove", g, a, b, "--yes");
        assertFalse(refused.code() == 0, refused.out());
        assertTrue(refused.err().contains("the constraints l_" + g + " name it"), refused.err());
        Run unlocated = cli("constraint", "remove", "l_" + g, "--yes");
        assertEquals(0, unlocated.code(), unlocated.err() + unlocated.out());

        changed(dialect, "resource", "clone", g, "--meta", "interleave=true");
        assertEquals(2, view().resources().stream().filter(p -> p.id().startsWith(a) && p.active()).count(),
                "a copy on each node: " + view());
        changed(dialect, "resource", "unclone", g + "-clone");
        changed(dialect, "resource", "group", "remove", g, a, b);
        assertEquals(0, count(SafeXml.parse(section("resources"), "resources"), "//group[@id='" + g + "']"));

        for (String id : List.of(a, b)) {
            Run deleted = cli("resource", "delete", id, "--yes");
            assertEquals(0, deleted.code(), dialect + ": " + deleted.err() + deleted.out());
        }
        assertEquals(resourcesBefore, lab.canonicalCib("node1", "resources"), "the resources as before the group");
        assertEquals(constraintsBefore, lab.canonicalCib("node1", "constraints"), "the constraints as before");
        CommandResult verify = lab.ssh("node1", Duration.ofSeconds(30), "crm_verify", "--live-check");
        assertEquals(0, verify.exitCode(), verify.stderr() + verify.stdout());
    }

    /** A configuration change applied in the node's dialect, with its diff in the plan, done as predicted. */
    private void changed(String dialect, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(args));
        argv.add("--yes");
        Run r = cli(argv.toArray(String[]::new));
        assertEquals(0, r.code(), dialect + ": " + shown(args) + "\n" + r.err() + r.out());
        JsonNode plan = r.json().get("plan");
        assertEquals(dialect, plan.get("dialect").asText());
        assertTrue(plan.get("action").get("diff").size() > 0, plan.toString());
        assertTrue(r.json().get("asPredicted").asBoolean(), shown(args) + "\n" + r.out());
        assertPredictedEqualsActual(plan, view());
    }

    /** A group's members in the live CIB, in order. */
    private List<String> members(String group) throws Exception {
        Document resources = SafeXml.parse(section("resources"), "resources");
        NodeList ids = (NodeList) XPathFactory.newInstance().newXPath().evaluate("//group[@id='" + group
                + "']/primitive/@id", resources, XPathConstants.NODESET);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ids.getLength(); i++) {
            out.add(ids.item(i).getNodeValue());
        }
        return out;
    }

    /** The node's IPv4 addresses as {@code ip -o -4 addr show} prints them. */
    private String address(String node) {
        CommandResult r = lab.ssh(node, Duration.ofSeconds(15), "ip", "-o", "-4", "addr", "show");
        assertEquals(0, r.exitCode(), r.stderr());
        return r.stdout();
    }

    /** One section of the live CIB's configuration, as cibadmin prints it. */
    private String section(String scope) {
        CommandResult r = lab.ssh("node1", Duration.ofSeconds(15), "cibadmin", "--query", "--scope", scope);
        assertEquals(0, r.exitCode(), r.stderr());
        return r.stdout();
    }

    /** {@link #run}, then the cluster read back by XPath equals the prediction. */
    private JsonNode apply(String dialect, Spelling expected, String... args) throws Exception {
        Run r = run(dialect, expected, args);
        assertPredictedEqualsActual(r.json().get("plan"), view());
        assertEquals(0, cliConstraints(), "no cli-prefer/cli-ban constraint left: " + shown(args));
        return r.json();
    }

    /**
     * Applies the subcommand without naming a dialect: the plan must be in the dialect the node has,
     * spelled as expected, shown without any wrapper, done as predicted, and what ran is what was shown.
     */
    private Run run(String dialect, Spelling expected, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(args));
        argv.add("--yes");
        Run r = cli(argv.toArray(String[]::new));
        String what = dialect + ": " + shown(args);
        assertEquals(0, r.code(), what + "\n" + r.err() + r.out());
        JsonNode outcome = r.json();
        JsonNode plan = outcome.get("plan");
        assertEquals(dialect, plan.get("dialect").asText(), what);
        assertEquals(expected.in(dialect), plan.get("commands").get(0).asText(), what);
        assertFalse(plan.toString().contains("sh -c") || plan.toString().contains("CIB_file"), plan.toString());
        assertTrue(outcome.get("asPredicted").asBoolean(), what + "\n" + r.out());
        assertEquals(plan.get("commands").get(0).asText(),
                lastAudited("done").get("outcome").get("commands").get(0).get("command").asText(),
                "the audit log records the command that ran, as shown");
        return r;
    }

    /** The subcommand as typed, for failure messages. */
    private static String shown(String... args) {
        return Command.of("clusterdeck", List.of(args)).display();
    }

    private JsonNode lastAudited(String step) throws Exception {
        List<JsonNode> lines = auditedActions().stream().filter(n -> step.equals(n.get("step").asText())).toList();
        assertFalse(lines.isEmpty(), "no " + step + " line in the audit log");
        return lines.get(lines.size() - 1);
    }

    private Document cibXml() {
        CommandResult r = lab.ssh("node1", Duration.ofSeconds(15), "cibadmin", "--query");
        assertEquals(0, r.exitCode(), r.stderr());
        return SafeXml.parse(r.stdout(), "cibadmin --query");
    }

    /**
     * Back to the reference state with the plain tools, whatever a case left: no standby, no
     * maintenance, no move/ban or test constraint, every resource managed and started, no failures.
     */
    private void restore() {
        String script = String.join("\n",
                "for n in $(crm_node --list | awk '{print $2}'); do",
                "  crm_attribute --node \"$n\" --name standby --delete",
                "  crm_attribute --node \"$n\" --name maintenance --delete",
                "done",
                "crm_attribute --type crm_config --name maintenance-mode --delete",
                "crm_attribute --type crm_config --name cluster-recheck-interval --delete",
                "crm_resource --clear --resource g_dhcp",
                "for a in target-role is-managed; do crm_resource --resource p_dhcpd --meta --delete-parameter $a; done",
                "for id in l_pcs l_crmsh l_pacemaker; do",
                "  cibadmin --delete --xpath \"/cib/configuration/constraints/*[@id='$id']\"",
                "done",
                // the cluster stops a primitive whose configuration is gone
                "crm_resource --resource g_dhcp --meta --delete-parameter resource-stickiness",
                // pcs keeps the set it emptied; the reference group has none
                "cibadmin --delete --xpath \"//group[@id='g_dhcp']/meta_attributes[not(*)]\" || true",
                "for id in p_new_pcs p_new_crmsh p_new_pacemaker st_extra_pcs st_extra_crmsh st_extra_pacemaker; do",
                "  cibadmin --delete --xpath \"/cib/configuration/resources//primitive[@id='$id']\"",
                "done",
                "crm_resource --cleanup",
                "crm_resource --wait --timeout=60s");
        lab.ssh("node1", Duration.ofSeconds(90), "sh", "-c", script);
        Lab.await("the lab's reference state", Duration.ofSeconds(60), () -> {
            ClusterView v = view();
            return v.everythingActive() && v.serviceNode() != null ? v : null;
        }, () -> view());
    }
}
