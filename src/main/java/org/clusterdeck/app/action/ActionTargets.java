package org.clusterdeck.app.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clusterdeck.cluster.cib.Cib;
import org.clusterdeck.cluster.cib.CibResource;
import org.clusterdeck.cluster.cib.Clone;
import org.clusterdeck.cluster.cib.Constraint;
import org.clusterdeck.cluster.cib.Group;
import org.clusterdeck.cluster.cib.Primitive;
import org.clusterdeck.cluster.command.CloneEdit;
import org.clusterdeck.cluster.command.ClusterAction;
import org.clusterdeck.cluster.command.GroupEdit;
import org.clusterdeck.cluster.command.InvalidInputException;
import org.clusterdeck.cluster.command.NewConstraint;
import org.clusterdeck.cluster.command.PrimitiveEdit;
import org.clusterdeck.cluster.status.ClusterNode;
import org.clusterdeck.cluster.status.ClusterStatus;

/**
 * What an action names, checked against the cluster before anything is planned: resources,
 * nodes and constraints must exist (a new constraint's id must not), and a demote without a node
 * is resolved to the node where the resource is promoted.
 */
final class ActionTargets {
    private ActionTargets() {
    }

    /** A demote without a node means the node where the resource is promoted now. */
    static ClusterAction resolve(ClusterAction action, ClusterStatus status) {
        if (!(action instanceof ClusterAction.Demote d) || d.node() != null) {
            return action;
        }
        List<String> promoted = status.resources().stream()
                .filter(r -> "Promoted".equals(r.role()) && (d.resource().equals(r.parent())
                        || d.resource().equals(r.id().replaceFirst(":\\d+$", ""))))
                .flatMap(r -> r.nodes().stream()).distinct().toList();
        if (promoted.size() != 1) {
            throw new InvalidInputException("resource", d.resource(), promoted.isEmpty()
                    ? "it is promoted nowhere (is it a promotable clone?)"
                    : "it is promoted on " + String.join(", ", promoted) + ": name the node to demote it on");
        }
        return new ClusterAction.Demote(d.resource(), promoted.get(0), d.keepConstraint());
    }

    /**
     * What a delete takes along, from the CIB: the constraints that name the primitive. Only a
     * primitive is deleted this way, and not the last member of a group (which would leave an
     * empty group the schema refuses) nor one inside a clone or bundle.
     */
    static ClusterAction.DeleteResource deletion(ClusterAction.DeleteResource d, Cib cib) {
        CibResource r = cib.resource(d.resource()).orElseThrow(() -> new InvalidInputException("resource", d.resource(),
                "the cluster has no resource with this id"));
        if (!(r instanceof Primitive p)) {
            throw new InvalidInputException("resource", d.resource(), "it is a " + r.kind()
                    + "; ClusterDeck deletes primitives (delete its members one by one; a group goes with its last)");
        }
        Optional<CibResource> parent = cib.parent(d.resource());
        if (parent.isPresent() && !(parent.get() instanceof Group)) {
            throw new InvalidInputException("resource", d.resource(), "it is inside the " + parent.get().kind() + " "
                    + parent.get().id() + "; ClusterDeck deletes primitives on their own or in groups");
        }
        if (parent.isPresent() && parent.get().children().size() == 1) {
            throw new InvalidInputException("resource", d.resource(), "it is the only member of the group "
                    + parent.get().id() + ", which cannot be left empty");
        }
        List<String> naming = cib.constraints().stream().filter(c -> c.names(d.resource())).map(Constraint::id).toList();
        return new ClusterAction.DeleteResource(d.resource(), naming, "stonith".equals(p.resourceClass()));
    }

    /**
     * An edit made on the resource as the CIB has it now: its XML before and after, whether it
     * fences. A group's or clone's meta attributes are edited; a bundle's are not.
     */
    static ClusterAction.UpdateResource update(ClusterAction.UpdateResource u, Cib cib, String cibText, String source) {
        CibResource r = cib.resource(u.resource()).orElseThrow(() -> new InvalidInputException("resource", u.resource(),
                "the cluster has no resource with this id"));
        if (r.kind().equals("bundle")) {
            throw new InvalidInputException("resource", u.resource(), "it is a bundle; ClusterDeck edits primitives,"
                    + " and the meta attributes of groups and clones");
        }
        PrimitiveEdit.Result edited = u.edit().applyTo(cibText, u.resource(), source);
        return new ClusterAction.UpdateResource(u.resource(), u.edit(), edited.before(), edited.after(),
                edited.fenceDevice());
    }

    /** A group's or clone's change made on the resources section as the CIB has it now. */
    static ClusterAction grouping(ClusterAction action, Cib cib, String cibText, String source) {
        if (action instanceof ClusterAction.GroupAdd g) {
            return new ClusterAction.GroupAdd(g.group(), g.resources(), g.before(), g.after(), GroupEdit.add(cibText,
                    source, g.group(), g.resources(), g.before() != null ? g.before() : g.after(), g.before() != null));
        }
        if (action instanceof ClusterAction.GroupRemove g) {
            GroupEdit edit = GroupEdit.remove(cibText, source, g.group(), g.resources());
            if (edit.groupGone()) {
                // the tools differ here (pcs deletes them, crmsh points them at the first member): the admin decides
                refuseNamed(cib, g.group(), "taking out its last members removes the group: remove or change them first");
            }
            return new ClusterAction.GroupRemove(g.group(), g.resources(), edit);
        }
        if (action instanceof ClusterAction.Clone c) {
            CloneEdit edit = CloneEdit.wrap(cibText, source, c.resource(), c.promotable(), c.meta());
            refuseNamed(cib, c.resource(), "its copies would be placed by the clone's constraints: change them to name "
                    + edit.cloneId() + " after, or remove them first");
            return new ClusterAction.Clone(c.resource(), c.promotable(), c.meta(), edit);
        }
        if (action instanceof ClusterAction.Unclone u) {
            // the admin may name the clone or the resource in it
            String clone = cib.parent(u.resource()).filter(p -> p instanceof Clone).map(CibResource::id).orElse(u.resource());
            refuseNamed(cib, clone, "without it they would name nothing: remove or change them first");
            return new ClusterAction.Unclone(clone, CloneEdit.unwrap(cibText, source, clone));
        }
        return action;
    }

    private static void refuseNamed(Cib cib, String resource, String why) {
        List<String> naming = cib.constraints().stream().filter(c -> c.names(resource)).map(Constraint::id).toList();
        if (!naming.isEmpty()) {
            throw new InvalidInputException("resource", resource, "the constraints " + String.join(", ", naming)
                    + " name it; " + why);
        }
    }

    static void requireKnown(ClusterAction action, Cib cib, ClusterStatus status) {
        List<String> resources = new ArrayList<>();
        if (action instanceof ClusterAction.OnResource r) {
            resources.add(r.resource());
        }
        if (action instanceof ClusterAction.AddConstraint a) {
            resources.addAll(a.constraint().resources());
            if (cib.constraint(a.constraint().id()).isPresent() || cib.resource(a.constraint().id()).isPresent()) {
                throw new InvalidInputException("constraint id", a.constraint().id(), "the CIB already has this id");
            }
            if (a.constraint() instanceof NewConstraint.Location l) {
                requireNode(l.node(), status);
            }
        }
        if (action instanceof ClusterAction.CreateResource c) {
            String id = c.primitive().id();
            if (cib.resource(id).isPresent() || cib.constraint(id).isPresent()) {
                throw new InvalidInputException("resource id", id, "the CIB already has this id");
            }
            if (c.group() != null) {
                CibResource group = cib.resource(c.group()).orElseThrow(() -> new InvalidInputException("group",
                        c.group(), "the cluster has no resource with this id"));
                if (!(group instanceof Group)) {
                    throw new InvalidInputException("group", c.group(), "it is a " + group.kind() + ", not a group");
                }
                String member = c.before() != null ? c.before() : c.after();
                if (member != null && group.children().stream().noneMatch(m -> m.id().equals(member))) {
                    throw new InvalidInputException("group member", member, c.group() + "'s members are "
                            + String.join(", ", group.children().stream().map(CibResource::id).toList()));
                }
            }
        }
        if (action instanceof ClusterAction.RemoveConstraint r && cib.constraint(r.id()).isEmpty()) {
            throw new InvalidInputException("constraint id", r.id(), "the cluster has no constraint with this id");
        }
        for (String id : resources) {
            if (cib.resource(id).isEmpty()) {
                throw new InvalidInputException("resource", id, "the cluster has no resource with this id");
            }
        }
        if (action instanceof ClusterAction.OnNode n) {
            requireNode(n.node(), status);
        }
    }

    private static void requireNode(String nodeName, ClusterStatus status) {
        if (nodeName != null && status.nodes().stream().map(ClusterNode::name).noneMatch(nodeName::equals)) {
            throw new InvalidInputException("node", nodeName, "the cluster has no node of this name ("
                    + String.join(", ", status.nodes().stream().map(ClusterNode::name).toList()) + ")");
        }
    }
}
