package org.clusterdeck.cluster.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Locale;

/**
 * What an admin asks the cluster to do, independent of the tool that does it. Every name and
 * value is checked when the record is made ({@link ActionInput}), so an action that exists is one
 * whose names can reach a node.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public sealed interface ClusterAction {

    /** A short word for JSON and the audit log: the record's name (move, ban, clear, start, ...). */
    @JsonProperty("kind")
    default String kind() {
        return getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    /** One line for people, e.g. "move g_dhcp to node2". */
    String describe();

    /** An action on one resource; its id must exist in the CIB. */
    interface OnResource {
        String resource();
    }

    /**
     * An action that rewrites part of the configuration's XML: the plan shows it before and after,
     * line by line with {@code "- "}, {@code "+ "} or two spaces in front, secrets masked.
     */
    interface RewritesConfiguration {
        @JsonProperty("diff")
        List<String> diff();
    }

    /** A rewrite of the resources section, made on the CIB when the plan is made (null before). */
    interface EditsResources extends RewritesConfiguration {
        ResourcesEdit edit();

        @Override
        default List<String> diff() {
            return edit() == null ? List.of() : edit().diff();
        }
    }

    /** An action that names a node (null for "every node"); the name must be a node of the cluster. */
    interface OnNode {
        String node();
    }

    private static void placement(String resource, String node, String lifetime) {
        ActionInput.id("resource id", resource);
        ActionInput.nodeName(node);
        if (lifetime != null) {
            ActionInput.lifetime(lifetime);
        }
    }

    private static String placementText(String verb, boolean promoted, String resource, String where, String lifetime) {
        return verb + " " + (promoted ? "the promoted role of " : "") + resource + where
                + (lifetime == null ? "" : " for " + lifetime);
    }

    private static void resourceOnOptionalNode(String resource, String node) {
        ActionInput.id("resource id", resource);
        if (node != null) {
            ActionInput.nodeName(node);
        }
    }

    /** @param promoted move the promoted role of a promotable clone; {@code keepConstraint} leaves cli-prefer-* in place */
    @JsonPropertyOrder({"kind", "resource", "node", "lifetime", "promoted", "keepConstraint"})
    record Move(String resource, String node, String lifetime, boolean promoted, boolean keepConstraint)
            implements ClusterAction, OnResource, OnNode {
        public Move {
            placement(resource, node, lifetime);
        }

        @Override
        public String describe() {
            return placementText("move", promoted, resource, " to " + node, lifetime);
        }
    }

    @JsonPropertyOrder({"kind", "resource", "node", "lifetime", "promoted"})
    record Ban(String resource, String node, String lifetime, boolean promoted)
            implements ClusterAction, OnResource, OnNode {
        public Ban {
            placement(resource, node, lifetime);
        }

        @Override
        public String describe() {
            return placementText("keep", promoted, resource, " away from " + node, lifetime);
        }
    }

    /** @param node null: the constraints for every node */
    @JsonPropertyOrder({"kind", "resource", "node"})
    record Clear(String resource, String node) implements ClusterAction, OnResource, OnNode {
        public Clear {
            resourceOnOptionalNode(resource, node);
        }

        @Override
        public String describe() {
            return "remove the move/ban constraints of " + resource + (node == null ? "" : " on " + node);
        }
    }

    @JsonPropertyOrder({"kind", "resource"})
    record Start(String resource) implements ClusterAction, OnResource {
        public Start {
            ActionInput.id("resource id", resource);
        }

        @Override
        public String describe() {
            return "start " + resource;
        }
    }

    @JsonPropertyOrder({"kind", "resource"})
    record Stop(String resource) implements ClusterAction, OnResource {
        public Stop {
            ActionInput.id("resource id", resource);
        }

        @Override
        public String describe() {
            return "stop " + resource;
        }
    }

    /** @param node null: on every node */
    @JsonPropertyOrder({"kind", "resource", "node"})
    record Cleanup(String resource, String node) implements ClusterAction, OnResource, OnNode {
        public Cleanup {
            resourceOnOptionalNode(resource, node);
        }

        @Override
        public String describe() {
            return "clean up the failures of " + resource + (node == null ? "" : " on " + node);
        }
    }

    /** {@code on} false is the {@code online} command. */
    @JsonPropertyOrder({"kind", "node", "on"})
    record Standby(String node, boolean on) implements ClusterAction, OnNode {
        public Standby {
            ActionInput.nodeName(node);
        }

        @Override
        public String kind() {
            return on ? "standby" : "online";
        }

        @Override
        public String describe() {
            return (on ? "put " + node + " in standby" : "bring " + node + " online (out of standby)");
        }
    }

    /** @param node null: the whole cluster ({@code maintenance-mode}) */
    @JsonPropertyOrder({"kind", "node", "on"})
    record Maintenance(String node, boolean on) implements ClusterAction, OnNode {
        public Maintenance {
            if (node != null) {
                ActionInput.nodeName(node);
            }
        }

        @Override
        public String describe() {
            return "switch maintenance " + (on ? "on" : "off") + (node == null ? " for the whole cluster" : " for " + node);
        }
    }

    @JsonPropertyOrder({"kind", "name", "value"})
    record Property(String name, String value) implements ClusterAction {
        public Property {
            ActionInput.id("property name", name);
            ActionInput.value("value of " + name, value);
        }

        @Override
        public String describe() {
            return "set cluster property " + name + "=" + value;
        }
    }

    /** {@code managed} false is the {@code unmanage} command: the cluster leaves the resource alone, running or not. */
    @JsonPropertyOrder({"kind", "resource", "managed"})
    record Manage(String resource, boolean managed) implements ClusterAction, OnResource {
        public Manage {
            ActionInput.id("resource id", resource);
        }

        @Override
        public String kind() {
            return managed ? "manage" : "unmanage";
        }

        @Override
        public String describe() {
            return (managed ? "let the cluster manage " : "stop the cluster managing ") + resource;
        }
    }

    /**
     * Takes the promoted role of a promotable clone away from a node: a ban of the promoted role
     * there, so another node is promoted, and (unless kept) the ban is cleared once that has happened.
     *
     * @param node null: wherever it is promoted now (the plan names the node)
     */
    @JsonPropertyOrder({"kind", "resource", "node", "keepConstraint"})
    record Demote(String resource, String node, boolean keepConstraint) implements ClusterAction, OnResource, OnNode {
        public Demote {
            resourceOnOptionalNode(resource, node);
        }

        @Override
        public String describe() {
            return "demote " + resource + (node == null ? "" : " on " + node) + " (promote it elsewhere)";
        }
    }

    /** A new colocation, order or location constraint, see {@link NewConstraint}. */
    @JsonPropertyOrder({"kind", "constraint"})
    record AddConstraint(NewConstraint constraint) implements ClusterAction {
        public AddConstraint {
            if (constraint == null) {
                throw new IllegalArgumentException("no constraint");
            }
        }

        @Override
        public String kind() {
            return "constraint-add";
        }

        @Override
        public String describe() {
            return "add " + constraint.describe();
        }
    }

    /**
     * A new primitive, on its own or into an existing group: at its end, or before or after one of
     * its members.
     *
     * @param group  null: on its own
     * @param before a member of the group to put it before; null for none
     * @param after  a member of the group to put it after; null for none
     */
    @JsonPropertyOrder({"kind", "primitive", "group", "before", "after", "diff"})
    record CreateResource(NewPrimitive primitive, String group, String before, String after)
            implements ClusterAction, RewritesConfiguration {
        public CreateResource {
            if (primitive == null) {
                throw new IllegalArgumentException("no primitive");
            }
            if (group != null) {
                ActionInput.id("group id", group);
                if (primitive.agent().isFencing()) {
                    throw new InvalidInputException("group", group, "a fence device cannot be in a group");
                }
            }
            if (before != null && after != null) {
                throw new InvalidInputException("position", before + "/" + after, "give --before or --after, not both");
            }
            for (String member : java.util.Arrays.asList(before, after)) {
                if (member != null) {
                    ActionInput.id("group member", member);
                    if (group == null) {
                        throw new InvalidInputException("position", member, "a position is one in a group: give the group");
                    }
                }
            }
        }

        @Override
        public String kind() {
            return "resource-create";
        }

        /** The new primitive's XML, secrets masked, as it will be in the CIB. */
        @Override
        public List<String> diff() {
            return org.clusterdeck.cluster.xml.LineDiff.added(primitive.masked().xml());
        }

        @Override
        public String describe() {
            return "create " + primitive.id() + " (" + primitive.agent() + ")" + (group == null ? ""
                    : " in group " + group + (before != null ? " before " + before : after != null ? " after " + after : ""));
        }
    }

    /**
     * Deletes a primitive (on its own or a member of a group with other members) and the
     * constraints that name it, which would otherwise name nothing; the cluster stops it first.
     *
     * @param constraints the ids of the constraints that name it, found in the CIB when the plan is made
     * @param fenceDevice it is a fence device (pcs deletes those with its stonith command), found there too
     */
    @JsonPropertyOrder({"kind", "resource", "constraints", "fenceDevice"})
    record DeleteResource(String resource, List<String> constraints, boolean fenceDevice)
            implements ClusterAction, OnResource {
        public DeleteResource {
            ActionInput.id("resource id", resource);
            constraints = List.copyOf(constraints);
            constraints.forEach(c -> ActionInput.id("constraint id", c));
        }

        /** As the admin asks it, before the plan looks into the CIB. */
        public DeleteResource(String resource) {
            this(resource, List.of(), false);
        }

        @Override
        public String kind() {
            return "resource-delete";
        }

        @Override
        public String describe() {
            return "delete " + resource + (constraints.isEmpty() ? "" : " and the constraints naming it ("
                    + String.join(", ", constraints) + ")");
        }
    }

    /**
     * Changes an existing primitive's parameters, meta attributes and operations ({@link
     * PrimitiveEdit}); the plan shows its XML before and after.
     *
     * @param before      the primitive's XML in the CIB when the plan is made; null as the admin asks it
     * @param after       the same with the edit made, what the plain and crmsh spellings load
     * @param fenceDevice it is a fence device (pcs edits those with its stonith command)
     */
    @JsonPropertyOrder({"kind", "resource", "edit", "fenceDevice", "diff"})
    record UpdateResource(String resource, PrimitiveEdit edit, @JsonIgnore String before, @JsonIgnore String after,
            boolean fenceDevice)
            implements ClusterAction, OnResource, RewritesConfiguration {
        public UpdateResource {
            ActionInput.id("resource id", resource);
            if (edit == null) {
                throw new IllegalArgumentException("no edit");
            }
        }

        /** As the admin asks it, before the plan reads the primitive from the CIB. */
        public UpdateResource(String resource, PrimitiveEdit edit) {
            this(resource, edit, null, null, false);
        }

        /** The primitive's XML whole, before and after. */
        @Override
        public List<String> diff() {
            return before == null ? List.of()
                    : org.clusterdeck.cluster.xml.LineDiff.ofXml(Secrets.maskedXml(before), Secrets.maskedXml(after));
        }

        /** Whether it edits a primitive (else a group's or clone's meta attributes); true before it is planned. */
        public boolean primitive() {
            return after == null || after.startsWith("<primitive");
        }

        /** How many operations of this name the primitive has in the CIB, whatever their roles. */
        public int operationsNamed(String name) {
            return before == null ? 0 : PrimitiveEdit.operationsNamed(before, name);
        }

        @Override
        public String kind() {
            return "resource-update";
        }

        @Override
        public String describe() {
            List<String> parts = new java.util.ArrayList<>();
            edit.shownParams().forEach((n, v) -> parts.add(v.isEmpty() ? "remove " + n : n + "=" + v));
            edit.meta().forEach((n, v) -> parts.add(v.isEmpty() ? "remove meta " + n : "meta " + n + "=" + v));
            edit.ops().forEach(o -> parts.add("op " + o.name() + " " + String.join(" ", o.settings().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList())));
            return "change " + resource + ": " + String.join(", ", parts);
        }
    }

    /**
     * Puts primitives into a group, made when none has the id: from the top level or another
     * group, at its end or before or after a member; naming members already in it reorders them.
     *
     * @param before a member to put them before; null for none
     * @param after  a member to put them after; null for none
     * @param edit   the resources section before and after, found in the CIB when the plan is made; null before
     */
    @JsonPropertyOrder({"kind", "group", "resources", "before", "after", "edit", "diff"})
    record GroupAdd(String group, List<String> resources, String before, String after, GroupEdit edit)
            implements ClusterAction, EditsResources {
        public GroupAdd {
            ActionInput.id("group id", group);
            resources = List.copyOf(resources);
            resources.forEach(r -> ActionInput.id("resource id", r));
            if (before != null && after != null) {
                throw new InvalidInputException("position", before + "/" + after, "give --before or --after, not both");
            }
            if (before != null) {
                ActionInput.id("group member", before);
            }
            if (after != null) {
                ActionInput.id("group member", after);
            }
        }

        /** As the admin asks it, before the plan reads the CIB. */
        public GroupAdd(String group, List<String> resources, String before, String after) {
            this(group, resources, before, after, null);
        }

        @Override
        public String kind() {
            return "group-add";
        }

        @Override
        public String describe() {
            return "put " + String.join(", ", resources) + " into " + (edit != null && edit.newGroup() ? "the new group "
                    : "group ") + group + (before != null ? " before " + before : after != null ? " after " + after : "");
        }
    }

    /**
     * Takes members out of a group, to the top level where the group is; with its last members the
     * group goes (refused while constraints name it).
     *
     * @param edit the resources section before and after, found in the CIB when the plan is made; null before
     */
    @JsonPropertyOrder({"kind", "group", "resources", "edit", "diff"})
    record GroupRemove(String group, List<String> resources, GroupEdit edit) implements ClusterAction, EditsResources {
        public GroupRemove {
            ActionInput.id("group id", group);
            resources = List.copyOf(resources);
            resources.forEach(r -> ActionInput.id("resource id", r));
        }

        /** As the admin asks it, before the plan reads the CIB. */
        public GroupRemove(String group, List<String> resources) {
            this(group, resources, null);
        }

        @Override
        public String kind() {
            return "group-remove";
        }

        @Override
        public String describe() {
            return "take " + String.join(", ", resources) + " out of group " + group
                    + (edit != null && edit.groupGone() ? " (the group goes with its last members)" : "");
        }
    }

    /**
     * Makes a primitive or group standing on its own a clone, {@code RESOURCE-clone}: a copy on
     * every node, or promotable (one copy promoted) for an agent that can promote.
     *
     * @param meta the clone's meta attributes (notify, clone-max, interleave ...), in the order given
     * @param edit the resources section before and after, found in the CIB when the plan is made; null before
     */
    @JsonPropertyOrder({"kind", "resource", "promotable", "meta", "edit", "diff"})
    record Clone(String resource, boolean promotable, java.util.Map<String, String> meta, CloneEdit edit)
            implements ClusterAction, OnResource, EditsResources {
        public Clone {
            ActionInput.id("resource id", resource);
            java.util.Map<String, String> checked = new java.util.LinkedHashMap<>();
            meta.forEach((name, value) -> checked.put(ActionInput.id("meta attribute name", name),
                    ActionInput.value("meta attribute " + name, value)));
            if (checked.containsKey("promotable")) {
                throw new InvalidInputException("meta attribute", "promotable", "ask for a promotable clone instead");
            }
            meta = java.util.Collections.unmodifiableMap(checked);
        }

        /** As the admin asks it, before the plan reads the CIB. */
        public Clone(String resource, boolean promotable, java.util.Map<String, String> meta) {
            this(resource, promotable, meta, null);
        }

        @Override
        public String kind() {
            return "clone";
        }

        @Override
        public String describe() {
            return "make " + resource + " " + (promotable ? "a promotable clone " : "a clone ") + CloneEdit.idFor(resource)
                    + (meta.isEmpty() ? "" : " (" + String.join(", ", meta.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue()).toList()) + ")");
        }
    }

    /**
     * Takes a clone away, its resource left standing on its own where the clone was (refused while
     * constraints name the clone).
     *
     * @param resource the clone, or the resource in it, as the admin names it; the clone once planned
     * @param edit     the resources section before and after, found in the CIB when the plan is made; null before
     */
    @JsonPropertyOrder({"kind", "resource", "edit", "diff"})
    record Unclone(String resource, CloneEdit edit) implements ClusterAction, OnResource, EditsResources {
        public Unclone {
            ActionInput.id("clone id", resource);
        }

        /** As the admin asks it, before the plan reads the CIB. */
        public Unclone(String resource) {
            this(resource, null);
        }

        @Override
        public String kind() {
            return "unclone";
        }

        @Override
        public String describe() {
            return "take the clone " + resource + " away" + (edit == null ? "" : ", leaving " + edit.inside() + " on its own");
        }
    }

    /**
     * Fences a node through the cluster's fencer, as if it were lost: a fence test, and destructive:
     * the node is rebooted (or powered off) at once, what runs there is killed and fails over.
     *
     * @param off power it off and leave it off, instead of a reboot
     */
    @JsonPropertyOrder({"kind", "node", "off"})
    record Fence(String node, boolean off) implements ClusterAction, OnNode {
        public Fence {
            ActionInput.nodeName(node);
        }

        @Override
        public String describe() {
            return "fence " + node + " (" + (off ? "power it off" : "reboot it") + ": a real fence, what runs there is"
                    + " killed and fails over)";
        }
    }

    /** Removes any constraint by id (also a cli-prefer/cli-ban one). */
    @JsonPropertyOrder({"kind", "id"})
    record RemoveConstraint(String id) implements ClusterAction {
        public RemoveConstraint {
            ActionInput.id("constraint id", id);
        }

        @Override
        public String kind() {
            return "constraint-remove";
        }

        @Override
        public String describe() {
            return "remove constraint " + id;
        }
    }
}
