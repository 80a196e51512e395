package org.clusterdeck.ui.action;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.clusterdeck.app.action.ClusterActions;
import org.clusterdeck.app.agents.AgentCatalog;
import org.clusterdeck.cluster.PacemakerBoolean;
import org.clusterdeck.cluster.cib.Cib;
import org.clusterdeck.cluster.cib.CibResource;
import org.clusterdeck.cluster.cib.Primitive;
import org.clusterdeck.cluster.cib.Constraint;
import org.clusterdeck.cluster.command.ClusterAction;
import org.clusterdeck.cluster.command.InvalidInputException;
import org.clusterdeck.cluster.command.PrimitiveEdit;
import org.clusterdeck.cluster.status.ClusterNode;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.ui.Background;
import org.clusterdeck.ui.DialogService;

/**
 * The actions an admin can take on one cluster from the window: on the selected resource, the
 * selected node, or the whole cluster. Possible only while a live cluster is connected (never on a
 * CIB file). Each action opens the plan dialog; nothing is applied without the admin's confirmation
 * there. Call on the UI thread.
 */
public final class ActionsViewModel {
    /** The kinds whose meta attributes alone the form edits. */
    private static final Set<String> EDITABLE_META = Set.of("group", "clone", "promotable");

    private final Background background;
    private final DialogService dialogs;
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(false);
    private final StringProperty resource = new SimpleStringProperty();
    private final StringProperty node = new SimpleStringProperty();
    private final BooleanBinding onResource = live.and(resource.isNotNull());
    private final BooleanBinding onNode = live.and(node.isNotNull());

    private final AgentCatalog agents = new AgentCatalog();
    private ClusterActions actions;
    private ClusterFacts facts = ClusterFacts.NONE;

    public ActionsViewModel(Background background, DialogService dialogs) {
        this.background = background;
        this.dialogs = dialogs;
    }

    /** Connected: actions go through the session's nodes (the first that can be reached plans). */
    public void connected(ClusterActions session) {
        actions = session;
        live.set(!session.isEmpty());
    }

    public void disconnected() {
        actions = null;
        live.set(false);
    }

    /** The cluster as last seen: which nodes there are, where resources run, cluster properties. */
    public void update(ClusterStatus newStatus, Cib newCib) {
        facts = new ClusterFacts(newStatus, newCib != null ? newCib : facts.cib());
    }

    /**
     * The resource actions act on; crm_mon's instance suffix (legacy "p_drbd:1") is dropped, since
     * actions name the resource, not an instance.
     */
    public void selectResource(String id) {
        resource.set(id == null ? null : id.replaceFirst(":\\d+$", ""));
    }

    // ---- what the menus offer

    /** Nodes the selected resource can be moved to: online nodes it does not run on now. */
    public List<String> moveTargets() {
        Set<String> on = facts.runningOn(resource.get());
        return facts.onlineNodes().stream().filter(n -> !on.contains(n)).toList();
    }

    /** Nodes to keep the selected resource away from: where it runs, else every node. */
    public List<String> banTargets() {
        Set<String> on = facts.runningOn(resource.get());
        return on.isEmpty() ? facts.nodes().stream().map(ClusterNode::name).toList() : List.copyOf(on);
    }

    /** The selected node as crm_mon last saw it; empty when none is selected or it is gone. */
    public Optional<ClusterNode> selectedNode() {
        return facts.nodes().stream().filter(n -> n.name().equals(node.get())).findFirst();
    }

    /** Whether the whole cluster is in maintenance mode, as the CIB says. */
    public boolean clusterInMaintenance() {
        return facts.cib() != null && PacemakerBoolean.isTrue(facts.cib().clusterProperty("maintenance-mode"));
    }

    /** Whether the cluster manages the selected resource; empty when crm_mon does not list it. */
    public Optional<Boolean> selectedManaged() {
        return facts.managed(resource.get());
    }

    /** The promotable clone the selection stands for (the clone or one of its instances); empty otherwise. */
    public Optional<String> selectedPromotable() {
        return facts.promotableClone(resource.get());
    }

    /** Online nodes where the selected promotable clone could be promoted: where it is not promoted now. */
    public List<String> promoteTargets() {
        return selectedPromotable().map(c -> {
            Set<String> promoted = facts.promotedOn(c);
            return facts.onlineNodes().stream().filter(n -> !promoted.contains(n)).toList();
        }).orElse(List.of());
    }

    /** Where the selected promotable clone is promoted now. */
    public Set<String> promotedOn() {
        return selectedPromotable().map(facts::promotedOn).orElse(Set.of());
    }

    /** Every constraint naming the selected resource, for removal; in CIB order. */
    public List<Constraint> selectedConstraints() {
        return facts.constraintsOf(resource.get());
    }

    // ---- the actions

    /** Previews an action in the plan dialog, where the admin may apply it. */
    public void run(ClusterAction action) {
        if (!live.get()) {
            return;
        }
        ActionPlanViewModel plan = new ActionPlanViewModel(action, actions, background);
        plan.plan();
        dialogs.showActionPlan(plan);
        plan.dismiss();
    }

    public void moveTo(String target) {
        onSelectedResource(r -> new ClusterAction.Move(r, target, null, false, false));
    }

    public void banFrom(String target) {
        onSelectedResource(r -> new ClusterAction.Ban(r, target, null, false));
    }

    public void clear() {
        onSelectedResource(r -> new ClusterAction.Clear(r, null));
    }

    public void start() {
        onSelectedResource(ClusterAction.Start::new);
    }

    public void stop() {
        onSelectedResource(ClusterAction.Stop::new);
    }

    public void cleanup() {
        onSelectedResource(r -> new ClusterAction.Cleanup(r, null));
    }

    /** {@code managed} false: the cluster leaves the resource alone (unmanage). */
    public void manage(boolean managed) {
        onSelectedResource(r -> new ClusterAction.Manage(r, managed));
    }

    /** Promotes the selected promotable clone on a node: a move of its promoted role, cleared once it has landed. */
    public void promote(String target) {
        selectedPromotable().ifPresent(c -> run(() -> new ClusterAction.Move(c, target, null, true, false)));
    }

    /**
     * Demotes the selected promotable clone where it is promoted, so another node is promoted. The
     * node is named when there is one, so the plan says where; the core finds it otherwise.
     */
    public void demote() {
        Set<String> on = promotedOn();
        String where = on.size() == 1 ? on.iterator().next() : null;
        selectedPromotable().ifPresent(c -> run(() -> new ClusterAction.Demote(c, where, false)));
    }

    /**
     * Asks for a constraint from one resource to another (drawn in the graph, or chosen in the
     * dialog when {@code to} is null), then previews adding it.
     */
    public void addConstraint(String from, String to) {
        if (!live.get() || from == null) {
            return;
        }
        NewConstraintViewModel draft = new NewConstraintViewModel(facts.constrainable(from),
                to == null ? null : facts.constrainable(to), facts.constrainableIds(), facts.promotableClones(),
                facts.takenIds());
        if (dialogs.chooseConstraint(draft) && draft.constraint() != null) {
            run(new ClusterAction.AddConstraint(draft.constraint()));
        }
    }

    /** The menu's way: a constraint from the selected resource, its target chosen in the dialog. */
    public void addConstraintFromSelected() {
        addConstraint(resource.get(), null);
    }

    /** Previews removing a constraint (any kind, also a leftover cli-prefer/cli-ban). */
    public void removeConstraint(String id) {
        if (id != null) {
            run(() -> new ClusterAction.RemoveConstraint(id));
        }
    }

    /** What the selection is in the configuration: primitive, group, clone, promotable ...; empty when unknown. */
    public Optional<String> selectedKind() {
        return facts.configured(resource.get()).map(CibResource::kind);
    }

    /** The group or clone the selection is in; empty for one on its own. */
    public Optional<CibResource> selectedParent() {
        return facts.parent(resource.get());
    }

    /** Groups the selected primitive could go into: every group but its own. */
    public List<String> groupTargets() {
        String own = selectedParent().map(CibResource::id).orElse(null);
        return facts.groups().stream().filter(g -> !g.equals(own)).toList();
    }

    /** Previews deleting the selected primitive with the constraints that name it. */
    public void delete() {
        onSelectedResource(ClusterAction.DeleteResource::new);
    }

    /** Previews putting the selected primitive at the end of a group. */
    public void addToGroup(String group) {
        onSelectedResource(r -> new ClusterAction.GroupAdd(group, List.of(r), null, null));
    }

    /** Asks for the new group's id, then previews making it of the selected primitive. */
    public void addToNewGroup() {
        if (!live.get() || resource.get() == null) {
            return;
        }
        dialogs.askText("New group", "Id of the new group to put " + resource.get() + " in:", "g_" + resource.get())
                .ifPresent(id -> addToGroup(id.strip()));
    }

    /** Previews taking the selected primitive out of its group. */
    public void removeFromGroup() {
        selectedParent().filter(p -> p.kind().equals("group"))
                .ifPresent(g -> onSelectedResource(r -> new ClusterAction.GroupRemove(g.id(), List.of(r))));
    }

    /** Previews making the selected primitive or group a clone, promotable or not. */
    public void makeClone(boolean promotable) {
        onSelectedResource(r -> new ClusterAction.Clone(r, promotable, Map.of()));
    }

    /** Previews taking away the clone the selection is (or is in). */
    public void unclone() {
        onSelectedResource(ClusterAction.Unclone::new);
    }

    /** Previews a fence of the selected node (a fence test): a reboot, or off. */
    public void fence(boolean off) {
        if (node.get() != null) {
            run(() -> new ClusterAction.Fence(node.get(), off));
        }
    }

    /**
     * Asks for a new resource (into the selection's group, or the selected group, at first) or
     * fencing device in the form made from the agent's metadata, then previews creating it.
     */
    public void newResource(boolean fencing) {
        if (!live.get()) {
            return;
        }
        String group = selectedKind().filter("group"::equals).map(k -> resource.get())
                .orElse(selectedParent().filter(p -> p.kind().equals("group")).map(CibResource::id).orElse(null));
        NewResourceViewModel draft = new NewResourceViewModel(actions, background, agents, fencing, facts.formContext(),
                group);
        ask(draft);
    }

    /**
     * Asks for the selected primitive's new values in its agent's form, or a group's or clone's
     * meta attributes, then previews the edit.
     */
    public void edit() {
        Optional<Primitive> primitive = selectedAgentPrimitive();
        if (primitive.isPresent()) {
            ask(NewResourceViewModel.edit(actions, background, agents, facts.formContext(), primitive.get()));
        } else if (live.get() && facts.configured(resource.get()).filter(r -> EDITABLE_META.contains(r.kind())).isPresent()) {
            ask(NewResourceViewModel.editMeta(actions, background, agents, facts.formContext(),
                    facts.configured(resource.get()).get()));
        }
    }

    /** Whether Edit… applies to the selection: a primitive with an agent, a group or a clone. */
    public boolean editable() {
        return selectedAgentPrimitive().isPresent()
                || facts.configured(resource.get()).filter(r -> EDITABLE_META.contains(r.kind())).isPresent();
    }

    /** Asks for a new primitive like the selected one (its id new, its unique values changed), then previews creating it. */
    public void copy() {
        selectedAgentPrimitive().ifPresent(p -> ask(NewResourceViewModel.copy(actions, background, agents,
                facts.formContext(), p, facts.parent(p.id()).filter(g -> g.kind().equals("group")).map(CibResource::id)
                        .orElse(null))));
    }

    /**
     * Previews values changed in place in the details pane: a resource's parameters and meta
     * attributes, "" removing one, as Edit… would.
     */
    public void changeInPlace(String resource, Map<String, String> params, Map<String, String> meta) {
        run(() -> new ClusterAction.UpdateResource(resource, new PrimitiveEdit(params, meta, List.of())));
    }

    /** The selected resource when it is a primitive with an agent of its own (not a template's), live. */
    private Optional<Primitive> selectedAgentPrimitive() {
        return live.get() && facts.configured(resource.get()).orElse(null) instanceof Primitive p && p.resourceClass() != null
                ? Optional.of(p) : Optional.empty();
    }

    private void ask(NewResourceViewModel draft) {
        if (dialogs.chooseNewResource(draft) && draft.validProperty().get()) {
            run(draft.action());
        }
    }

    /** {@code on} false brings the node out of standby. */
    public void standby(boolean on) {
        if (node.get() != null) {
            run(() -> new ClusterAction.Standby(node.get(), on));
        }
    }

    public void nodeMaintenance(boolean on) {
        if (node.get() != null) {
            run(() -> new ClusterAction.Maintenance(node.get(), on));
        }
    }

    public void clusterMaintenance(boolean on) {
        run(() -> new ClusterAction.Maintenance(null, on));
    }

    /** Asks for NAME=VALUE, then previews setting it. */
    public void setProperty() {
        if (!live.get()) {
            return;
        }
        dialogs.askText("Set cluster property", "Property to set, as NAME=VALUE (e.g. stonith-timeout=60s):", "")
                .ifPresent(text -> {
                    int eq = text.indexOf('=');
                    if (eq < 0) {
                        dialogs.showError("Set cluster property", "\"" + text + "\" is not NAME=VALUE");
                        return;
                    }
                    run(() -> new ClusterAction.Property(text.substring(0, eq).strip(), text.substring(eq + 1).strip()));
                });
    }

    private void onSelectedResource(Function<String, ClusterAction> make) {
        String r = resource.get();
        if (r != null) {
            run(() -> make.apply(r));
        }
    }

    /** Names are checked as the action is made: a bad one is shown, never sent. */
    private void run(Supplier<ClusterAction> make) {
        ClusterAction action;
        try {
            action = make.get();
        } catch (InvalidInputException e) {
            dialogs.showError("Not a valid action", e.getMessage());
            return;
        }
        run(action);
    }

    // ---- state for the menus

    /** A live cluster is connected: the cluster actions are possible. */
    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    /** The resource the resource actions act on (graph or overview selection); null for none. */
    public StringProperty resourceProperty() {
        return resource;
    }

    /** The node the node actions act on (overview selection); null for none. */
    public StringProperty nodeProperty() {
        return node;
    }

    public BooleanBinding canActOnResourceProperty() {
        return onResource;
    }

    public BooleanBinding canActOnNodeProperty() {
        return onNode;
    }
}
