package org.clusterdeck.ui.action;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.clusterdeck.cluster.status.ClusterNode;

/**
 * The action menu items for one cluster, the same in the window's Actions menu and in the context
 * menus of the graph and the overview tables. Built when a menu opens, so node lists and labels
 * follow the cluster as it is now.
 */
public final class ActionMenus {
    private ActionMenus() {
    }

    /**
     * Move, ban, clear, start, stop, cleanup, manage/unmanage and promote/demote of the selected
     * resource, its group, clone and deletion, and its constraints; only what applies to it is enabled.
     */
    public static List<MenuItem> resource(ActionsViewModel a) {
        String r = a.resourceProperty().get();
        boolean can = a.canActOnResourceProperty().get();
        String name = r == null ? "resource" : literal(r);
        Menu move = new Menu("_Move " + name + " to");
        move.setId("action-move");
        a.moveTargets().forEach(n -> move.getItems().add(item(literal(n), "action-move-" + n, can, () -> a.moveTo(n))));
        move.setDisable(!can || move.getItems().isEmpty());
        Menu ban = new Menu("_Ban " + name + " from");
        ban.setId("action-ban");
        a.banTargets().forEach(n -> ban.getItems().add(item(literal(n), "action-ban-" + n, can, () -> a.banFrom(n))));
        ban.setDisable(!can || ban.getItems().isEmpty());
        List<MenuItem> out = new ArrayList<>(List.of(move, ban,
                item("C_lear move/ban constraints of " + name, "action-clear", can, a::clear),
                new SeparatorMenuItem(),
                item("_Start " + name, "action-start", can, a::start),
                item("S_top " + name, "action-stop", can, a::stop),
                item("Clean _up failures of " + name, "action-cleanup", can, a::cleanup)));
        // unknown to crm_mon (not seen yet): neither is offered
        boolean managed = a.selectedManaged().orElse(false);
        boolean unmanaged = !a.selectedManaged().orElse(true);
        out.add(item("Unma_nage " + name + " (the cluster leaves it alone)", "action-unmanage", can && managed,
                () -> a.manage(false)));
        out.add(item("Mana_ge " + name + " again", "action-manage", can && unmanaged, () -> a.manage(true)));
        out.addAll(promotion(a, can));
        out.add(new SeparatorMenuItem());
        out.addAll(configuration(a, can, name));
        out.add(new SeparatorMenuItem());
        out.add(item("Add _constraint from " + name + "\u2026", "action-constraint-add", can,
                a::addConstraintFromSelected));
        Menu remove = new Menu("_Remove constraint of " + name);
        remove.setId("action-constraint-remove");
        a.selectedConstraints().forEach(c -> remove.getItems().add(item(literal(c.id()) + " (" + c.kind() + ")",
                "action-constraint-remove-" + c.id(), can, () -> a.removeConstraint(c.id()))));
        remove.setDisable(!can || remove.getItems().isEmpty());
        out.add(remove);
        return out;
    }

    /**
     * Changes of the configuration around the selected resource: edited or copied, into or out of
     * a group, a clone made or taken away, deleted; each enabled only where it applies to what the resource is.
     */
    private static List<MenuItem> configuration(ActionsViewModel a, boolean can, String name) {
        String kind = a.selectedKind().orElse("");
        String parent = a.selectedParent().map(p -> p.kind()).orElse("");
        boolean primitive = kind.equals("primitive");
        boolean alone = a.selectedParent().isEmpty();
        // a primitive on its own or in a group; one in a clone goes with its clone
        boolean free = primitive && (alone || parent.equals("group"));
        Menu group = new Menu("Add " + name + " to _group");
        group.setId("action-group-add");
        a.groupTargets().forEach(g -> group.getItems().add(item(literal(g), "action-group-add-" + g, can,
                () -> a.addToGroup(g))));
        group.getItems().add(item("New group\u2026", "action-group-new", can, a::addToNewGroup));
        group.setDisable(!can || !free);
        boolean cloneable = (primitive || kind.equals("group")) && alone;
        boolean cloned = kind.equals("clone") || kind.equals("promotable") || parent.equals("clone")
                || parent.equals("promotable");
        return List.of(item("_Edit " + name + "\u2026", "action-edit", can && a.editable(), a::edit),
                item("C_opy " + name + " as a new resource\u2026", "action-copy", can && primitive, a::copy), group,
                item("Take " + name + " out of its group", "action-group-remove", can && primitive
                        && parent.equals("group"), a::removeFromGroup),
                item("Make " + name + " a c_lone", "action-clone", can && cloneable, () -> a.makeClone(false)),
                item("Make " + name + " a promotable clone", "action-clone-promotable", can && cloneable && primitive,
                        () -> a.makeClone(true)),
                item("Take the clone away (" + name + " on its own)", "action-unclone", can && cloned, a::unclone),
                item("_Delete " + name + "\u2026", "action-delete", can && free, a::delete));
    }

    /** Promote and demote, for a promotable clone or one of its instances only. */
    private static List<MenuItem> promotion(ActionsViewModel a, boolean can) {
        String clone = a.selectedPromotable().orElse(null);
        if (clone == null) {
            return List.of();
        }
        String name = literal(clone);
        Menu promote = new Menu("_Promote " + name + " on");
        promote.setId("action-promote");
        a.promoteTargets().forEach(n -> promote.getItems().add(item(literal(n), "action-promote-" + n, can,
                () -> a.promote(n))));
        promote.setDisable(!can || promote.getItems().isEmpty());
        String where = a.promotedOn().isEmpty() ? "" : " on " + literal(String.join(", ", a.promotedOn()));
        return List.of(promote, item("_Demote " + name + where + " (promote it elsewhere)", "action-demote",
                can && !a.promotedOn().isEmpty(), a::demote));
    }

    /** Removal of one constraint, for a constraint's edge in the graph or a leftover's row. */
    public static List<MenuItem> constraint(ActionsViewModel a, String id, String what) {
        return List.of(item("_Remove " + literal(what) + " " + literal(id) + "\u2026", "action-constraint-remove-" + id,
                a.liveProperty().get(), () -> a.removeConstraint(id)));
    }

    /** Standby, online, maintenance and a fence test of the selected node; only the changes that apply are enabled. */
    public static List<MenuItem> node(ActionsViewModel a) {
        String n = a.nodeProperty().get();
        boolean can = a.canActOnNodeProperty().get();
        ClusterNode node = a.selectedNode().orElse(null);
        boolean standby = node != null && node.standby();
        boolean maintenance = node != null && node.maintenance();
        String name = n == null ? "node" : literal(n);
        return List.of(
                // standby is Pacemaker's own "move everything away" (the CLI's evacuate): no constraints left behind
                item("Move everything away from " + name + " (stan_dby)", "action-standby", can && !standby,
                        () -> a.standby(true)),
                item("Bring " + name + " _online (out of standby)", "action-online", can && standby, () -> a.standby(false)),
                item("Maintenance o_n for " + name, "action-node-maintenance-on", can && !maintenance,
                        () -> a.nodeMaintenance(true)),
                item("Maintenance o_ff for " + name, "action-node-maintenance-off", can && maintenance,
                        () -> a.nodeMaintenance(false)),
                new SeparatorMenuItem(),
                // a fence test kills what runs there: the plan says so and asks for an explicit "I understand"
                item("_Fence " + name + " now (reboot)\u2026", "action-fence", can, () -> a.fence(false)),
                item("Fence " + name + " now (power off)\u2026", "action-fence-off", can, () -> a.fence(true)));
    }

    /** Maintenance mode of the whole cluster, cluster properties, and new resources and fencing devices. */
    public static List<MenuItem> cluster(ActionsViewModel a) {
        boolean can = a.liveProperty().get();
        boolean maintenance = a.clusterInMaintenance();
        List<MenuItem> out = new ArrayList<>(List.of(
                item("Cluster maintenance mode on", "action-cluster-maintenance-on", can && !maintenance,
                        () -> a.clusterMaintenance(true)),
                item("Cluster maintenance mode off", "action-cluster-maintenance-off", can && maintenance,
                        () -> a.clusterMaintenance(false)),
                item("Set cluster _property\u2026", "action-property", can, a::setProperty),
                new SeparatorMenuItem()));
        out.addAll(creation(a));
        return out;
    }

    /** New resources and fencing devices (into the selection's group at first). */
    private static List<MenuItem> creation(ActionsViewModel a) {
        boolean can = a.liveProperty().get();
        return List.of(item("_New resource\u2026", "action-resource-new", can, () -> a.newResource(false)),
                item("New _fencing device\u2026", "action-stonith-new", can, () -> a.newResource(true)));
    }

    /** The context menu of a resource in the graph or the overview: its actions, and new ones next to it. */
    public static List<MenuItem> resourceContext(ActionsViewModel a) {
        List<MenuItem> out = new ArrayList<>(resource(a));
        out.add(new SeparatorMenuItem());
        out.addAll(creation(a));
        return out;
    }

    /** Every action: resource, node, cluster, in groups. */
    public static List<MenuItem> all(ActionsViewModel a) {
        List<MenuItem> out = new ArrayList<>(resource(a));
        out.add(new SeparatorMenuItem());
        out.addAll(node(a));
        out.add(new SeparatorMenuItem());
        out.addAll(cluster(a));
        return out;
    }

    /** A context menu whose items are made afresh each time it opens. */
    public static ContextMenu contextMenu(Supplier<List<MenuItem>> items) {
        ContextMenu menu = new ContextMenu(new MenuItem());
        menu.setOnShowing(e -> menu.getItems().setAll(items.get()));
        return menu;
    }

    /** Resource ids are full of underscores, which menu labels would take for mnemonics. */
    private static String literal(String name) {
        return name.replace("_", "__");
    }

    private static MenuItem item(String text, String id, boolean enabled, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setId(id);
        i.setDisable(!enabled);
        i.setOnAction(e -> action.run());
        return i;
    }
}
