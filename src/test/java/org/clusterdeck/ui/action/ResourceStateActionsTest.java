package org.clusterdeck.ui.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import org.clusterdeck.ui.action.ActionPlanViewModel.Phase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * Manage/unmanage, promote/demote and "move everything away" from the window's menus, on the lab's
 * configuration run by the real Pacemaker tools ({@link SimulatedCluster}): the menus offer only
 * what applies, and what an applied plan did is read back from the CIB and crm_mon by XPath.
 */
class ResourceStateActionsTest {
    @TempDir
    Path dir;

    private ActionFixture f;

    /** Menu items need the toolkit (headless Monocle here), not a window. */
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

    private Map<String, MenuItem> resourceMenu() {
        return byId(ActionMenus.resource(f.actions));
    }

    private static Map<String, MenuItem> byId(List<MenuItem> items) {
        return items.stream().filter(i -> i.getId() != null).collect(Collectors.toMap(MenuItem::getId, Function.identity()));
    }

    private boolean enabled(Map<String, MenuItem> menu, String id) {
        return !menu.get(id).isDisable();
    }

    private List<String> promotedOn() {
        return f.crmMon("//clone[@id='ms_drbd_r0']/resource[@role='Promoted']/node/@name");
    }

    @Test
    void unmanageThenManageAgainEachOfferedOnlyWhereItApplies() {
        f.actions.selectResource("g_dhcp");
        Map<String, MenuItem> menu = resourceMenu();
        assertTrue(enabled(menu, "action-unmanage"));
        assertFalse(enabled(menu, "action-manage"), "the cluster manages it already");

        f.dialogs.planAnswers.add(f::applyWhenReady);
        menu.get("action-unmanage").fire();
        assertEquals(List.of("false"), f.cib("//group[@id='g_dhcp']/meta_attributes/nvpair[@name='is-managed']/@value"));
        assertEquals(List.of("false", "false", "false"), f.crmMon("//group[@id='g_dhcp']/resource/@managed"));

        f.refresh();
        menu = resourceMenu();
        assertFalse(enabled(menu, "action-unmanage"));
        assertTrue(enabled(menu, "action-manage"));
        f.dialogs.planAnswers.add(f::applyWhenReady);
        menu.get("action-manage").fire();
        assertEquals(List.of("true", "true", "true"), f.crmMon("//group[@id='g_dhcp']/resource/@managed"));
        assertEquals(2, f.dialogs.plansShown.size());
    }

    @Test
    void aPromotableClonePromotedOnTheOtherNodeAndDemotedBackLeavesNoConstraint() {
        assertEquals(List.of("node1"), promotedOn());
        // the instance's box inside the clone stands for the clone
        f.actions.selectResource("p_drbd_r0");
        assertEquals(Optional.of("ms_drbd_r0"), f.actions.selectedPromotable());
        Map<String, MenuItem> menu = resourceMenu();
        Menu promote = (Menu) menu.get("action-promote");
        assertEquals(List.of("action-promote-node2"), promote.getItems().stream().map(MenuItem::getId).toList(),
                "promoted on node1 already: node2 is where it can be promoted");
        assertTrue(enabled(menu, "action-demote"));

        f.dialogs.planAnswers.add(plan -> {
            f.until(plan, Phase.READY);
            assertTrue(plan.commandsProperty().get().startsWith("crm_resource --move --resource ms_drbd_r0 --node node2 --promoted"),
                    plan.commandsProperty().get());
            f.applyWhenReady(plan);
        });
        promote.getItems().get(0).fire();
        assertEquals(List.of("node2"), promotedOn());
        assertEquals(List.of(), f.cliConstraints(), "the move of the promoted role is cleared once it has landed");

        f.refresh();
        f.dialogs.planAnswers.add(plan -> {
            f.until(plan, Phase.READY);
            assertTrue(plan.commandsProperty().get().startsWith("crm_resource --ban --resource ms_drbd_r0 --node node2"),
                    "demoted where it is promoted now: " + plan.commandsProperty().get());
            f.applyWhenReady(plan);
        });
        resourceMenu().get("action-demote").fire();
        assertEquals(List.of("node1"), promotedOn());
        assertEquals(List.of(), f.cliConstraints());
    }

    @Test
    void promotionIsOfferedOnlyForPromotableClones() {
        f.actions.selectResource("g_dhcp");
        Map<String, MenuItem> menu = resourceMenu();
        assertFalse(menu.containsKey("action-promote"));
        assertFalse(menu.containsKey("action-demote"));
    }

    @Test
    void moveEverythingAwayIsStandbyAndOfferedOnlyForANodeInService() {
        f.actions.nodeProperty().set("node1");
        Map<String, MenuItem> menu = byId(ActionMenus.node(f.actions));
        MenuItem away = menu.get("action-standby");
        assertTrue(away.getText().startsWith("Move everything away from node1"), away.getText());
        assertTrue(enabled(menu, "action-standby"));
        assertFalse(enabled(menu, "action-online"));

        f.dialogs.planAnswers.add(f::applyWhenReady);
        away.fire();
        assertEquals(List.of(), f.crmMon("//resource[@active='true' and @role!='Stopped']/node[@name='node1']/@name"),
                "nothing runs on node1 any more");
        f.refresh();
        menu = byId(ActionMenus.node(f.actions));
        assertFalse(enabled(menu, "action-standby"), "already away");
        assertTrue(enabled(menu, "action-online"));
    }

    @Test
    void eachConstraintOfAResourceIsOfferedForRemovalIncludingALeftoverBan() {
        org.clusterdeck.ui.Snapshots.run(List.of("crm_resource", "--ban", "--resource", "g_dhcp", "--node", "node2"),
                f.cluster.cib().toString());
        f.refresh();
        f.actions.selectResource("g_dhcp");
        Menu remove = (Menu) resourceMenu().get("action-constraint-remove");
        assertEquals(f.cib("//constraints/*[@rsc='g_dhcp' or @with-rsc='g_dhcp' or @first='g_dhcp' or @then='g_dhcp']/@id")
                .stream().map(id -> "action-constraint-remove-" + id).toList(),
                remove.getItems().stream().map(MenuItem::getId).toList());
        f.dialogs.planAnswers.add(f::applyWhenReady);
        remove.getItems().stream().filter(i -> i.getId().equals("action-constraint-remove-cli-ban-g_dhcp-on-node2"))
                .findFirst().orElseThrow().fire();
        assertEquals(List.of(), f.cliConstraints());
    }
}
