package org.clusterdeck.ui.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import org.clusterdeck.app.offline.CibSnapshot;
import org.clusterdeck.cluster.agents.AgentName;
import org.clusterdeck.cluster.command.ClusterAction;
import org.clusterdeck.cluster.command.NewPrimitive;
import org.clusterdeck.cluster.graph.layout.NodeBox;
import org.clusterdeck.ui.action.ActionPlanViewModel.Phase;
import org.clusterdeck.ui.graph.GraphViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * Groups, clones, deletion and the fence test from the window's menus, on the lab's configuration
 * run by the real Pacemaker tools ({@link SimulatedCluster}): each offered only where it applies,
 * the plan dialog showing the configuration before and after, and the result read back by XPath.
 */
class ConfigurationActionsTest {
    @TempDir
    Path dir;

    private ActionFixture f;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void cluster() throws Exception {
        f = new ActionFixture(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private Map<String, MenuItem> menu(List<MenuItem> items) {
        return items.stream().filter(i -> i.getId() != null)
                .collect(Collectors.toMap(MenuItem::getId, Function.identity()));
    }

    private static boolean enabled(Map<String, MenuItem> menu, String id) {
        return !menu.get(id).isDisable();
    }

    private List<String> members() {
        return f.cib("//group[@id='g_dhcp']/primitive/@id");
    }

    @Test
    void eachChangeIsOfferedWhereItAppliesToWhatTheResourceIs() {
        f.actions.selectResource("p_dhcpd");
        Map<String, MenuItem> member = menu(ActionMenus.resource(f.actions));
        assertTrue(enabled(member, "action-group-remove"));
        assertTrue(enabled(member, "action-delete"));
        assertFalse(enabled(member, "action-clone"), "a group member is cloned with its group");
        assertFalse(enabled(member, "action-unclone"));

        f.actions.selectResource("g_dhcp");
        Map<String, MenuItem> group = menu(ActionMenus.resource(f.actions));
        assertTrue(enabled(group, "action-clone"));
        assertFalse(enabled(group, "action-clone-promotable"), "only a primitive whose agent promotes");
        assertFalse(enabled(group, "action-delete"), "ClusterDeck deletes primitives");
        assertTrue(enabled(group, "action-edit"), "its meta attributes");
        assertFalse(enabled(group, "action-copy"));
        assertFalse(enabled(group, "action-group-add"));

        f.actions.selectResource("p_drbd_r0");
        Map<String, MenuItem> instance = menu(ActionMenus.resource(f.actions));
        assertTrue(enabled(instance, "action-unclone"));
        assertFalse(enabled(instance, "action-group-add"));
        assertFalse(enabled(instance, "action-delete"));
    }

    @Test
    void aMemberTakenOutOfItsGroupAndPutBackWithTheConfigurationShownBeforeAndAfter() {
        assertEquals(List.of("p_fs_data", "p_vip", "p_dhcpd"), members());
        f.actions.selectResource("p_dhcpd");
        f.dialogs.planAnswers.add(plan -> {
            f.until(plan, Phase.READY);
            String diff = plan.configurationProperty().get();
            assertTrue(diff.contains("-     <primitive class=\"ocf\" id=\"p_dhcpd\"")
                    && diff.contains("+   <primitive class=\"ocf\" id=\"p_dhcpd\""), diff);
            assertTrue(plan.commandsProperty().get().startsWith("cibadmin --replace --scope resources --xml-pipe <<'END'"),
                    plan.commandsProperty().get());
            f.applyWhenReady(plan);
        });
        menu(ActionMenus.resource(f.actions)).get("action-group-remove").fire();
        assertEquals(List.of("p_fs_data", "p_vip"), members());
        assertEquals(List.of("p_dhcpd"), f.cib("/cib/configuration/resources/primitive[@id='p_dhcpd']/@id"));

        f.refresh();
        Menu add = (Menu) menu(ActionMenus.resource(f.actions)).get("action-group-add");
        assertEquals(List.of("action-group-add-g_dhcp", "action-group-new"),
                add.getItems().stream().map(MenuItem::getId).toList());
        f.dialogs.planAnswers.add(f::applyWhenReady);
        add.getItems().get(0).fire();
        assertEquals(List.of("p_fs_data", "p_vip", "p_dhcpd"), members());
        assertEquals(List.of("node1"), f.crmMon("//resource[@id='p_dhcpd']/node/@name"));
        assertEquals(2, f.dialogs.plansShown.size());
    }

    /**
     * The acceptance's form: a second VIP from the node's IPaddr2 metadata into the DHCP group (the
     * selection's group), the required address asked for, only what was typed written; applied, it
     * starts where the group runs and the graph shows it inside the group's box.
     */
    @Test
    void aSecondVipFromTheFormIntoTheDhcpGroupStartsThereAndTheGraphShowsIt() {
        f.actions.selectResource("p_vip");
        f.dialogs.resourceAnswers.add(draft -> {
            f.ui.runUntil(() -> !draft.agents().isEmpty(), ActionFixture.WAIT);
            assertTrue(draft.agents().contains("ocf:heartbeat:IPaddr2"), draft.agents().toString());
            assertEquals("g_dhcp", draft.groupProperty().get(), "the selection's group");
            draft.agentProperty().set("ocf:heartbeat:IPaddr2");
            f.ui.runUntil(() -> !draft.fields().isEmpty(), ActionFixture.WAIT);
            assertEquals("p_ipaddr2", draft.idProperty().get(), "an id suggested from the agent");
            NewResourceViewModel.Field ip = draft.fields().get(0);
            assertEquals("ip", ip.parameter().name(), "required parameters first");
            assertTrue(draft.problemProperty().get().startsWith("ip: required"), draft.problemProperty().get());
            assertFalse(draft.validProperty().get());
            ip.valueProperty().set("10.10.101.2");
            field(draft, "cidr_netmask").valueProperty().set("24");
            draft.idProperty().set("p_vip2");
            assertTrue(draft.validProperty().get(), draft.problemProperty().get());
            // a meta attribute is checked by its type too, and written only when set
            NewResourceViewModel.Field stickiness = draft.metaFields().stream()
                    .filter(x -> x.parameter().name().equals("resource-stickiness")).findFirst().orElseThrow();
            stickiness.valueProperty().set("lots");
            assertTrue(draft.problemProperty().get().startsWith("meta resource-stickiness: "),
                    draft.problemProperty().get());
            stickiness.valueProperty().set("200");
            assertTrue(draft.validProperty().get(), draft.problemProperty().get());
            return true;
        });
        f.dialogs.planAnswers.add(plan -> {
            f.until(plan, Phase.READY);
            assertTrue(plan.commandsProperty().get().startsWith("cibadmin --modify --scope resources --xml-pipe <<'END'\n"
                    + "<group id=\"g_dhcp\"><primitive class=\"ocf\" id=\"p_vip2\" provider=\"heartbeat\""
                    + " type=\"IPaddr2\">"), plan.commandsProperty().get());
            f.applyWhenReady(plan);
        });
        menu(ActionMenus.cluster(f.actions)).get("action-resource-new").fire();
        assertEquals(List.of("p_fs_data", "p_vip", "p_dhcpd", "p_vip2"), members());
        assertEquals(List.of("node1"), f.crmMon("//resource[@id='p_vip2']/node/@name"));
        assertEquals(List.of("ip", "cidr_netmask"), f.cib("//primitive[@id='p_vip2']/instance_attributes/nvpair/@name"),
                "only what was typed: the defaults stay the agent's");
        assertEquals(List.of("200"), f.cib("//primitive[@id='p_vip2']/meta_attributes/nvpair[@name='resource-stickiness']"
                + "/@value"));
        assertEquals(1, f.cib("//primitive[@id='p_vip2']/meta_attributes/nvpair").size(), "the meta attribute set, only");
        assertEquals(List.of("monitor"), f.cib("//primitive[@id='p_vip2']/operations/op[@interval!='0s' and"
                + " @interval!='0']/@name"), "the monitor IPaddr2 advises");

        GraphViewModel graph = new GraphViewModel(f.background, f.dialogs);
        CibSnapshot now = f.refresh();
        graph.update(now.status(), now.cib());
        f.ui.runUntil(() -> graph.layoutProperty().get() != null, ActionFixture.WAIT);
        NodeBox vip2 = graph.layoutProperty().get().box("p_vip2").orElseThrow();
        NodeBox group = graph.layoutProperty().get().box("g_dhcp").orElseThrow();
        assertTrue(vip2.x() >= group.x() && vip2.y() >= group.y() && vip2.x() + vip2.width() <= group.x() + group.width()
                && vip2.y() + vip2.height() <= group.y() + group.height(), "inside the group's box: " + vip2 + " " + group);
    }

    /**
     * The graph after a change: laid out again, the box the admin was looking at stays where it was
     * on screen, though the new layout moved it.
     */
    @Test
    void afterAResourceIsAddedTheSelectedBoxStaysWhereItWasOnScreen() {
        GraphViewModel graph = new GraphViewModel(f.background, f.dialogs);
        graph.viewportWidthProperty().set(1200);
        graph.viewportHeightProperty().set(800);
        CibSnapshot before = f.refresh();
        graph.update(before.status(), before.cib());
        f.ui.runUntil(() -> graph.layoutProperty().get() != null, ActionFixture.WAIT);
        // the new Dummy on the top rank moves the DHCP group's column a little in the new layout
        String watched = "p_dhcpd";
        graph.select(watched);
        NodeBox was = graph.layoutProperty().get().box(watched).orElseThrow();
        double screenX = was.x() * graph.scaleProperty().get() + graph.offsetXProperty().get();
        double screenY = was.y() * graph.scaleProperty().get() + graph.offsetYProperty().get();

        f.dialogs.planAnswers.add(f::applyWhenReady);
        f.actions.run(new ClusterAction.CreateResource(new NewPrimitive("p_a_first", AgentName.parse("ocf:pacemaker:Dummy"),
                Map.of(), List.of()), null, null, null));
        CibSnapshot after = f.refresh();
        graph.update(after.status(), after.cib());
        f.ui.runUntil(() -> graph.layoutsDoneProperty().get() == 2, ActionFixture.WAIT);
        NodeBox now = graph.layoutProperty().get().box(watched).orElseThrow();
        assertTrue(Math.abs(now.x() - was.x()) + Math.abs(now.y() - was.y()) > 1,
                "the new layout moved " + watched + " (" + was + " -> " + now + "), else this shows nothing");
        assertEquals(screenX, now.x() * graph.scaleProperty().get() + graph.offsetXProperty().get(), 0.5);
        assertEquals(screenY, now.y() * graph.scaleProperty().get() + graph.offsetYProperty().get(), 0.5);
    }

    @Test
    void editingTheVipsNetmaskInItsFormChangesOnlyThatValue() {
        f.actions.selectResource("p_vip");
        f.dialogs.resourceAnswers.add(draft -> {
            assertTrue(draft.editing());
            f.ui.runUntil(() -> !draft.fields().isEmpty(), ActionFixture.WAIT);
            assertEquals("10.10.101.1", field(draft, "ip").valueProperty().get(), "the value the CIB has");
            assertEquals("nothing changed yet", draft.problemProperty().get());
            field(draft, "cidr_netmask").valueProperty().set("25");
            assertTrue(draft.validProperty().get(), draft.problemProperty().get());
            return true;
        });
        f.dialogs.planAnswers.add(plan -> {
            f.until(plan, Phase.READY);
            assertTrue(plan.configurationProperty().get().contains("-     <nvpair id=\"p_vip-instance_attributes-cidr_netmask\""
                    + " name=\"cidr_netmask\" value=\"24\"/>"), plan.configurationProperty().get());
            f.applyWhenReady(plan);
        });
        menu(ActionMenus.resource(f.actions)).get("action-edit").fire();
        assertEquals(List.of("25"), f.cib("//primitive[@id='p_vip']/instance_attributes/nvpair[@name='cidr_netmask']/@value"));
        assertEquals(List.of("10.10.101.1"), f.cib("//primitive[@id='p_vip']/instance_attributes/nvpair[@name='ip']/@value"));
        assertEquals(List.of("node1"), f.crmMon("//resource[@id='p_vip']/node/@name"));
    }

    /**
     * The form's operations: the VIP's own monitor first, then what IPaddr2 advises that it lacks
     * (start, stop), empty; a monitor changed is replaced, a stop timeout typed is added, and a
     * configured monitor cannot be emptied away in the form.
     */
    @Test
    void theVipsMonitorChangedAndAStopTimeoutAddedInItsForm() {
        f.actions.selectResource("p_vip");
        f.dialogs.resourceAnswers.add(draft -> {
            f.ui.runUntil(() -> !draft.operations().isEmpty(), ActionFixture.WAIT);
            List<String> rows = draft.operations().stream().map(op -> op.label() + " " + op.intervalProperty().get() + " "
                    + op.timeoutProperty().get()).toList();
            assertEquals("monitor 10s ", rows.get(0), rows.toString());
            assertTrue(rows.contains("stop  ") && rows.contains("start  "), "advised, not configured: empty " + rows);
            NewResourceViewModel.OpField monitor = draft.operations().get(0);
            monitor.intervalProperty().set("");
            assertTrue(draft.problemProperty().get().startsWith("operation monitor: the form changes and adds operations"),
                    draft.problemProperty().get());
            monitor.intervalProperty().set("15 seconds");
            assertTrue(draft.problemProperty().get().startsWith("operation monitor: "), draft.problemProperty().get());
            monitor.intervalProperty().set("15s");
            draft.operations().stream().filter(op -> op.label().equals("stop")).findFirst().orElseThrow()
                    .timeoutProperty().set("30s");
            assertTrue(draft.validProperty().get(), draft.problemProperty().get());
            return true;
        });
        f.dialogs.planAnswers.add(plan -> {
            f.until(plan, Phase.READY);
            String diff = plan.configurationProperty().get();
            assertTrue(diff.contains("-     <op id=\"p_vip-monitor-interval-10s\" interval=\"10s\" name=\"monitor\"/>")
                    && diff.contains("+     <op id=\"p_vip-monitor-interval-15s\" interval=\"15s\" name=\"monitor\"/>"), diff);
            f.applyWhenReady(plan);
        });
        menu(ActionMenus.resource(f.actions)).get("action-edit").fire();
        assertEquals(List.of("monitor", "stop"), f.cib("//primitive[@id='p_vip']/operations/op/@name"));
        assertEquals(List.of("15s", "0s"), f.cib("//primitive[@id='p_vip']/operations/op/@interval"));
        assertEquals(List.of("30s"), f.cib("//primitive[@id='p_vip']/operations/op/@timeout"), "only the stop's");
        assertEquals(List.of("node1"), f.crmMon("//resource[@id='p_vip']/node/@name"));
    }

    /**
     * Pacemaker renames nothing; a copy is how an admin gets a second VIP like the first: the same
     * agent, values, meta attributes and operations under a new id in the same group, refused while
     * the address, which IPaddr2 wants unique, is still the first VIP's.
     */
    @Test
    void aCopyOfTheVipNeedsAnAddressOfItsOwnAndLandsLikeTheFirst() {
        f.actions.selectResource("p_vip");
        f.dialogs.resourceAnswers.add(draft -> {
            assertFalse(draft.editing());
            assertEquals("p_vip2", draft.idProperty().get());
            assertEquals("g_dhcp", draft.groupProperty().get());
            f.ui.runUntil(() -> !draft.fields().isEmpty(), ActionFixture.WAIT);
            assertEquals("10.10.101.1", field(draft, "ip").valueProperty().get());
            assertEquals("ip: unique, and p_vip has 10.10.101.1 already", draft.problemProperty().get());
            field(draft, "ip").valueProperty().set("10.10.101.3");
            assertTrue(draft.validProperty().get(), draft.problemProperty().get());
            return true;
        });
        f.dialogs.planAnswers.add(f::applyWhenReady);
        menu(ActionMenus.resource(f.actions)).get("action-copy").fire();
        assertEquals(List.of("p_fs_data", "p_vip", "p_dhcpd", "p_vip2"), members());
        assertEquals(List.of("ip", "nic", "cidr_netmask"), f.cib("//primitive[@id='p_vip2']/instance_attributes/nvpair/@name"),
                "in the agent's order");
        assertEquals(List.of("10.10.101.3", "eth0", "24"),
                f.cib("//primitive[@id='p_vip2']/instance_attributes/nvpair/@value"));
        assertEquals(List.of("monitor"), f.cib("//primitive[@id='p_vip2']/operations/op/@name"));
        assertEquals(List.of("10s"), f.cib("//primitive[@id='p_vip2']/operations/op/@interval"),
                "p_vip's one monitor, nothing added");
        assertEquals(List.of("node1"), f.crmMon("//resource[@id='p_vip2']/node/@name"));
    }

    /**
     * Edit… on a group is its meta attributes (Pacemaker passes them to the members); on a clone,
     * the clone's own first. The members are untouched.
     */
    @Test
    void theDhcpGroupsStickinessFromItsFormAndTheClonesOwnAttributesFirst() {
        f.actions.selectResource("g_dhcp");
        f.dialogs.resourceAnswers.add(draft -> {
            assertTrue(draft.metaOnly());
            assertEquals("Edit group g_dhcp", draft.title());
            assertEquals("nothing changed yet", draft.problemProperty().get());
            draft.metaFields().stream().filter(m -> m.parameter().name().equals("resource-stickiness")).findFirst()
                    .orElseThrow().valueProperty().set("200");
            assertTrue(draft.validProperty().get(), draft.problemProperty().get());
            return true;
        });
        f.dialogs.planAnswers.add(plan -> {
            f.until(plan, Phase.READY);
            assertTrue(plan.commandsProperty().get().startsWith("cibadmin --replace --scope resources --xml-pipe <<'END'\n"
                    + "<group id=\"g_dhcp\"><meta_attributes id=\"g_dhcp-meta_attributes\"><nvpair"
                    + " id=\"g_dhcp-meta_attributes-resource-stickiness\" name=\"resource-stickiness\" value=\"200\"/>"
                    + "</meta_attributes><primitive"), plan.commandsProperty().get());
            f.applyWhenReady(plan);
        });
        menu(ActionMenus.resource(f.actions)).get("action-edit").fire();
        assertEquals(List.of("200"), f.cib("//group[@id='g_dhcp']/meta_attributes/nvpair[@name='resource-stickiness']/@value"));
        assertEquals(List.of("p_fs_data", "p_vip", "p_dhcpd"), members());
        assertEquals(List.of("node1"), f.crmMon("//resource[@id='p_dhcpd']/node/@name"));

        f.refresh();
        f.actions.selectResource("ms_drbd_r0");
        f.dialogs.resourceAnswers.add(draft -> {
            assertEquals("clone-max", draft.metaFields().get(0).parameter().name(), "the clone's own first");
            assertEquals("true", draft.metaFields().stream().filter(m -> m.parameter().name().equals("notify")).findFirst()
                    .orElseThrow().valueProperty().get(), "as the CIB has it");
            draft.metaFields().get(0).valueProperty().set("three");
            assertTrue(draft.problemProperty().get().startsWith("meta clone-max: "), draft.problemProperty().get());
            return false;
        });
        menu(ActionMenus.resource(f.actions)).get("action-edit").fire();
        assertEquals(1, f.dialogs.plansShown.size(), "the clone's form was left: no second plan");
    }

    private boolean declined() {
        try {
            return java.nio.file.Files.readAllLines(f.audit.file()).stream().anyMatch(l -> l.contains("\"step\":\"declined\""));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static NewResourceViewModel.Field field(NewResourceViewModel draft, String name) {
        return draft.fields().stream().filter(x -> x.parameter().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aFenceTestNeedsTheAdminsIUnderstandAndSaysWhatItKills() {
        f.actions.nodeProperty().set("node2");
        Map<String, MenuItem> node = menu(ActionMenus.node(f.actions));
        assertTrue(enabled(node, "action-fence") && enabled(node, "action-fence-off"));
        f.dialogs.planAnswers.add(plan -> {
            f.until(plan, Phase.READY);
            assertEquals("stonith_admin --reboot node2 --timeout 180", plan.commandsProperty().get());
            assertTrue(plan.acknowledgementNeededProperty().get());
            assertFalse(plan.canApplyProperty().get(), "not before the admin ticks I understand");
            assertTrue(plan.warnings().get(0).startsWith("node2 will be rebooted at once, as if it had failed"),
                    plan.warnings().toString());
            assertTrue(plan.prediction().stream().anyMatch(l -> l.text().startsWith("Fence (reboot) node2")),
                    plan.prediction().toString());
        });
        node.get("action-fence").fire();
        assertEquals(1, f.dialogs.plansShown.size());
        // the dialog closed without applying: nothing fenced, and the audit log says the plan was declined
        f.ui.runUntil(() -> declined(), ActionFixture.WAIT);
        assertTrue(declined());
        assertEquals(List.of("true", "true"), f.crmMon("//node/@online"));
    }
}
