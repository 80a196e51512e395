package org.clusterdeck.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.agents.AgentName;
import org.clusterdeck.cluster.command.ActionInput;
import org.clusterdeck.cluster.command.ClusterAction;
import org.clusterdeck.cluster.command.InvalidInputException;
import org.clusterdeck.cluster.command.NewConstraint;
import org.clusterdeck.cluster.command.NewPrimitive;
import org.clusterdeck.cluster.command.PrimitiveEdit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The action subcommands: each only turns its arguments into a {@link ClusterAction}. */
final class ActionCommands {
    private ActionCommands() {
    }

    /** Subcommands whose first argument is a resource. */
    abstract static class OnResource extends ActionCommand {
        @Parameters(index = "0", paramLabel = "RESOURCE")
        String resource;
    }

    /** move and ban: a resource, a node, and how long the constraint lasts. */
    abstract static class Placement extends OnResource {
        @Parameters(index = "1", paramLabel = "NODE")
        String node;

        @Option(names = "--lifetime", paramLabel = "ISO8601", description = "Let the constraint expire, e.g. PT1H.")
        String lifetime;

        @Option(names = "--promoted", description = "Only the promoted role of a promotable clone.")
        boolean promoted;
    }

    /** standby and online: the node is all they need. */
    abstract static class OnNode extends ActionCommand {
        @Parameters(index = "0", paramLabel = "NODE")
        String node;

        /** Whether the node goes into standby (true) or comes out of it. */
        abstract boolean standby();

        @Override
        ClusterAction action() {
            return new ClusterAction.Standby(node, standby());
        }
    }

    /** start and stop: the resource is all they need. */
    abstract static class TargetRole extends OnResource {
        /** Whether the resource is to run (true) or to stop. */
        abstract boolean started();

        @Override
        ClusterAction action() {
            return started() ? new ClusterAction.Start(resource) : new ClusterAction.Stop(resource);
        }
    }

    @Command(name = "move", mixinStandardHelpOptions = true,
            description = "Move a resource to a node; its cli-prefer constraint is cleared once it has landed.")
    static final class Move extends Placement {
        @Option(names = "--keep-constraint", description = "Leave the cli-prefer constraint in place after the move.")
        boolean keepConstraint;

        @Override
        ClusterAction action() {
            return new ClusterAction.Move(resource, node, lifetime, promoted, keepConstraint);
        }
    }

    @Command(name = "ban", mixinStandardHelpOptions = true, description = "Keep a resource away from a node.")
    static final class Ban extends Placement {
        @Override
        ClusterAction action() {
            return new ClusterAction.Ban(resource, node, lifetime, promoted);
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true,
            description = "Remove the constraints move and ban left for a resource.")
    static final class Clear extends OnResource {
        @Option(names = "--node", paramLabel = "NODE", description = "Only the constraints for this node.")
        String node;

        @Override
        ClusterAction action() {
            return new ClusterAction.Clear(resource, node);
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Start a resource (target-role Started).")
    static final class Start extends TargetRole {
        @Override
        boolean started() {
            return true;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop a resource (target-role Stopped).")
    static final class Stop extends TargetRole {
        @Override
        boolean started() {
            return false;
        }
    }

    @Command(name = "cleanup", mixinStandardHelpOptions = true,
            description = "Forget a resource's failures (on one node or all) so the cluster probes it again.")
    static final class Cleanup extends OnResource {
        @Parameters(index = "1", paramLabel = "NODE", arity = "0..1")
        String node;

        @Override
        ClusterAction action() {
            return new ClusterAction.Cleanup(resource, node);
        }
    }

    // evacuate is standby: Pacemaker's own "everything away, and keep it away until online"; it leaves
    // no constraints behind, and the last-online-node rule guards it
    @Command(name = "standby", aliases = "evacuate", mixinStandardHelpOptions = true,
            description = "Move every resource off a node and keep them off until 'online' (alias: evacuate).")
    static final class Standby extends OnNode {
        @Override
        boolean standby() {
            return true;
        }
    }

    @Command(name = "online", mixinStandardHelpOptions = true, description = "Take a node out of standby.")
    static final class Online extends OnNode {
        @Override
        boolean standby() {
            return false;
        }
    }

    @Command(name = "maintenance", mixinStandardHelpOptions = true,
            description = "Maintenance mode on or off, for the whole cluster or one node (--node).")
    static final class Maintenance extends ActionCommand {
        @Parameters(index = "0", paramLabel = "on|off")
        String state;

        @Option(names = "--node", paramLabel = "NODE", description = "Only this node.")
        String node;

        @Override
        ClusterAction action() {
            if (!state.equals("on") && !state.equals("off")) {
                throw new InvalidInputException("maintenance state", state, "expected on or off");
            }
            return new ClusterAction.Maintenance(node, state.equals("on"));
        }
    }

    @Command(name = "property", mixinStandardHelpOptions = true, description = "Set a cluster property.")
    static final class Property extends ActionCommand {
        @Parameters(index = "0", paramLabel = "NAME=VALUE")
        String assignment;

        @Override
        ClusterAction action() {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException("property", assignment, "expected NAME=VALUE");
            }
            return new ClusterAction.Property(assignment.substring(0, eq), assignment.substring(eq + 1));
        }
    }

    /** manage and unmanage: the resource is all they need. */
    abstract static class ManagedState extends OnResource {
        /** Whether the cluster is to manage the resource (true) or leave it alone. */
        abstract boolean managed();

        @Override
        ClusterAction action() {
            return new ClusterAction.Manage(resource, managed());
        }
    }

    @Command(name = "manage", mixinStandardHelpOptions = true,
            description = "Let the cluster manage a resource again (is-managed=true).")
    static final class Manage extends ManagedState {
        @Override
        boolean managed() {
            return true;
        }
    }

    @Command(name = "unmanage", mixinStandardHelpOptions = true,
            description = "Leave a resource alone: not started, stopped or recovered (is-managed=false).")
    static final class Unmanage extends ManagedState {
        @Override
        boolean managed() {
            return false;
        }
    }

    @Command(name = "promote", mixinStandardHelpOptions = true,
            description = "Promote a promotable clone on a node: a move of its promoted role, cleared once it has landed.")
    static final class Promote extends OnResource {
        @Parameters(index = "1", paramLabel = "NODE")
        String node;

        @Option(names = "--keep-constraint", description = "Leave the cli-prefer constraint in place afterwards.")
        boolean keepConstraint;

        @Override
        ClusterAction action() {
            return new ClusterAction.Move(resource, node, null, true, keepConstraint);
        }
    }

    @Command(name = "demote", mixinStandardHelpOptions = true,
            description = "Demote a promotable clone where it is promoted (or on NODE), so another node is promoted:"
                    + " a ban of its promoted role, cleared once that has happened.")
    static final class Demote extends OnResource {
        @Parameters(index = "1", paramLabel = "NODE", arity = "0..1")
        String node;

        @Option(names = "--keep-constraint", description = "Leave the cli-ban constraint in place afterwards.")
        boolean keepConstraint;

        @Override
        ClusterAction action() {
            return new ClusterAction.Demote(resource, node, keepConstraint);
        }
    }

    /** A group of subcommands: on its own it is a usage error naming them. */
    abstract static class Group implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new ParameterException(spec.commandLine(), "expected one of: "
                    + String.join(", ", spec.subcommands().keySet()));
        }
    }

    @Command(name = "constraint", mixinStandardHelpOptions = true, description = "Add or remove constraints.",
            subcommands = {ConstraintAdd.class, ConstraintRemove.class})
    static final class Constraint extends Group {
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a colocation, order or location constraint.",
            subcommands = {Colocation.class, Order.class, Location.class})
    static final class ConstraintAdd extends Group {
    }

    @Command(name = "resource", mixinStandardHelpOptions = true, description = "Add, change or delete resources.",
            subcommands = {ResourceCreate.class, ResourceUpdate.class, ResourceDelete.class, ResourceGroup.class,
                    ResourceClone.class, ResourceUnclone.class})
    static final class Resource extends Group {
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a primitive and the constraints that name it; the cluster stops it first.")
    static class ResourceDelete extends OnResource {
        @Override
        ClusterAction action() {
            return new ClusterAction.DeleteResource(resource);
        }
    }

    /** The parameters, operations and meta attributes of a primitive, new or changed, as the command line gives them. */
    abstract static class PrimitiveSettings extends ActionCommand {
        @Option(names = "--op", paramLabel = "NAME:interval=I[,timeout=T][,role=R][,on-fail=…]",
                description = "An operation (repeatable), e.g. monitor:interval=30s,timeout=20s; in an update it replaces"
                        + " the operation of that name and role whole, or is added.")
        List<String> ops = new ArrayList<>();

        @Option(names = "--meta", paramLabel = "NAME=VALUE", description = "A meta attribute (repeatable), e.g."
                + " target-role=Stopped; in an update, NAME= removes one.")
        List<String> meta = new ArrayList<>();

        @Option(names = "--secret", paramLabel = "NAME", description = "The parameter NAME (a password) takes its value"
                + " from standard input, so it is on no command line, here or on the node.")
        String secret;

        abstract List<String> paramWords();

        /** The parameters given, the secret's read from standard input (one line, its newline dropped). */
        Map<String, String> params() {
            Map<String, String> params = pairs("parameter", paramWords());
            if (secret != null) {
                ActionInput.id("parameter name", secret);
                if (params.containsKey(secret)) {
                    throw new InvalidInputException("parameter", secret, "give it with --secret or as NAME=VALUE, not both");
                }
                params.put(secret, InputText.read("-").replaceFirst("\\r?\\n\\z", ""));
            }
            return params;
        }

        List<NewPrimitive.Op> operations() {
            return ops.stream().map(ActionCommands::operation).toList();
        }
    }

    /** A new primitive: its id, its agent and the agent's parameters, then the settings every primitive has. */
    abstract static class NewPrimitiveCommand extends PrimitiveSettings {
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Parameters(index = "1", paramLabel = "AGENT", description = "e.g. ocf:heartbeat:IPaddr2; a fencing device's"
                + " fence_ipmilan or stonith:fence_ipmilan")
        String agent;

        @Parameters(index = "2..*", paramLabel = "NAME=VALUE", description = "The agent's parameters (a fencing"
                + " device's also the fencer's: pcmk_host_list=NODE…, pcmk_host_map=NODE:PORT;…, pcmk_delay_base=…).")
        List<String> params = new ArrayList<>();

        @Override
        List<String> paramWords() {
            return params;
        }

        NewPrimitive primitive(AgentName name) {
            return new NewPrimitive(id, name, params(), operations(), pairs("meta attribute", meta));
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "A new primitive from an agent (see agents show AGENT), on its own or into an existing group;"
                    + " checked against the agent's metadata on the node, with the operations it advises where no --op"
                    + " is given.")
    static final class ResourceCreate extends NewPrimitiveCommand {
        @Option(names = "--group", paramLabel = "GROUP", description = "Into this existing group, at its end.")
        String group;

        @Option(names = "--before", paramLabel = "MEMBER", description = "Into the group before this member.")
        String before;

        @Option(names = "--after", paramLabel = "MEMBER", description = "Into the group after this member.")
        String after;

        @Override
        ClusterAction action() {
            return new ClusterAction.CreateResource(primitive(AgentName.parse(agent)), group, before, after);
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Change a primitive's parameters, meta attributes and operations (NAME= removes one), or a"
                    + " group's or clone's meta attributes; the plan shows its XML before and after. Checked against the"
                    + " agent's metadata on the node.")
    static class ResourceUpdate extends PrimitiveSettings {
        @Parameters(index = "0", paramLabel = "RESOURCE")
        String resource;

        @Parameters(index = "1..*", paramLabel = "NAME=VALUE", description = "Parameters to set; NAME= removes one.")
        List<String> params = new ArrayList<>();

        @Override
        List<String> paramWords() {
            return params;
        }

        @Override
        ClusterAction action() {
            return new ClusterAction.UpdateResource(resource, new PrimitiveEdit(params(), pairs("meta attribute", meta),
                    operations()));
        }
    }

    @Command(name = "stonith", mixinStandardHelpOptions = true, description = "Add, change or delete fencing devices.",
            subcommands = {StonithCreate.class, StonithUpdate.class, StonithDelete.class, StonithFence.class})
    static final class Stonith extends Group {
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "A new fencing device from a fence agent"
            + " (see agents list --standard stonith), e.g. stonith create st_node1 fence_ipmilan ip=10.0.0.21"
            + " username=admin lanplus=1 pcmk_host_list=node1 --secret password.")
    static final class StonithCreate extends NewPrimitiveCommand {
        @Override
        ClusterAction action() {
            AgentName name = AgentName.parse(agent.contains(":") ? agent : "stonith:" + agent);
            if (!name.isFencing()) {
                throw new InvalidInputException("agent", agent, "a fencing device's agent is a stonith one, e.g. fence_ipmilan");
            }
            return new ClusterAction.CreateResource(primitive(name), null, null, null);
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, description = "Change a fencing device's parameters"
            + " (NAME= removes one), e.g. pcmk_host_list, or its password with --secret password.")
    static final class StonithUpdate extends ResourceUpdate {
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a fencing device and the"
            + " constraints that name it; the last one while fencing is on only with --i-understand.")
    static final class StonithDelete extends ResourceDelete {
    }

    @Command(name = "fence", mixinStandardHelpOptions = true, description = "Fence NODE now, as if it had failed (a"
            + " fence test): it is rebooted, or with --off powered off and left off; what runs there is killed and"
            + " recovered elsewhere. Needs --i-understand besides the confirmation.")
    static final class StonithFence extends ActionCommand {
        @Parameters(index = "0", paramLabel = "NODE")
        String node;

        @Option(names = "--off", description = "Power it off and leave it off, instead of a reboot.")
        boolean off;

        @Override
        ClusterAction action() {
            return new ClusterAction.Fence(node, off);
        }
    }

    @Command(name = "group", mixinStandardHelpOptions = true, description = "Put primitives into a group, reorder"
            + " its members or take them out.", subcommands = {GroupAdd.class, GroupRemove.class})
    static final class ResourceGroup extends Group {
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Put primitives into GROUP (made when there"
            + " is none), from the top level or another group, at its end or next to a member; members already in it"
            + " are moved. The cluster moves them to where the group runs.")
    static final class GroupAdd extends ActionCommand {
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "RESOURCE", description = "In the order they take.")
        List<String> resources = new ArrayList<>();

        @Option(names = "--before", paramLabel = "MEMBER", description = "Before this member.")
        String before;

        @Option(names = "--after", paramLabel = "MEMBER", description = "After this member.")
        String after;

        @Override
        ClusterAction action() {
            return new ClusterAction.GroupAdd(group, resources, before, after);
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Take members out of GROUP to the top"
            + " level; with its last members the group goes (not while constraints name it).")
    static final class GroupRemove extends ActionCommand {
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "RESOURCE")
        List<String> resources = new ArrayList<>();

        @Override
        ClusterAction action() {
            return new ClusterAction.GroupRemove(group, resources);
        }
    }

    @Command(name = "clone", mixinStandardHelpOptions = true, description = "Make a primitive or group a clone,"
            + " RESOURCE-clone: a copy on every node, or with --promotable one promoted copy (agents that can promote).")
    static final class ResourceClone extends OnResource {
        @Option(names = "--promotable", description = "One copy promoted, the others unpromoted (e.g. DRBD).")
        boolean promotable;

        @Option(names = "--meta", paramLabel = "NAME=VALUE", description = "A clone meta attribute (repeatable), e.g."
                + " notify=true, clone-max=2, interleave=true.")
        List<String> meta = new ArrayList<>();

        @Override
        ClusterAction action() {
            return new ClusterAction.Clone(resource, promotable, pairs("meta attribute", meta));
        }
    }

    @Command(name = "unclone", mixinStandardHelpOptions = true, description = "Take a clone away (name the clone or"
            + " its resource): the resource stays, on its own, where the clone was.")
    static final class ResourceUnclone extends ActionCommand {
        @Parameters(index = "0", paramLabel = "CLONE")
        String clone;

        @Override
        ClusterAction action() {
            return new ClusterAction.Unclone(clone);
        }
    }

    /** {@code NAME=VALUE} words, in order; an empty value stays empty (for an update, it removes). */
    static Map<String, String> pairs(String what, List<String> words) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String w : words) {
            int eq = w.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException(what, w, "expected NAME=VALUE");
            }
            out.put(w.substring(0, eq), w.substring(eq + 1));
        }
        return out;
    }

    /**
     * {@code NAME:interval=I[,timeout=T][,role=R][,SETTING=V ...]}; no interval is 0s (start, stop
     * ...); other settings such as {@code on-fail=block} are written as given.
     */
    static NewPrimitive.Op operation(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new InvalidInputException("operation", text, "expected NAME:interval=I[,timeout=T][,role=R]");
        }
        Map<String, String> settings = new LinkedHashMap<>(pairs("operation setting",
                List.of(text.substring(colon + 1).split(","))));
        String interval = settings.remove("interval");
        String role = settings.remove("role");
        String timeout = settings.remove("timeout");
        return new NewPrimitive.Op(text.substring(0, colon), interval == null ? "0s" : interval, role, timeout, settings);
    }

    /** Every new constraint has an id first. */
    abstract static class NewConstraintCommand extends ActionCommand {
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        abstract NewConstraint constraint();

        @Override
        ClusterAction action() {
            return new ClusterAction.AddConstraint(constraint());
        }
    }

    @Command(name = "colocation", mixinStandardHelpOptions = true,
            description = "Place RESOURCE with WITH-RESOURCE (score INFINITY: always together; -INFINITY: never).")
    static final class Colocation extends NewConstraintCommand {
        @Parameters(index = "1", paramLabel = "RESOURCE")
        String resource;

        @Parameters(index = "2", paramLabel = "WITH-RESOURCE")
        String withResource;

        @Option(names = "--score", defaultValue = "INFINITY", description = "Default: ${DEFAULT-VALUE}.")
        String score;

        @Option(names = "--role", paramLabel = "ROLE", description = "Started, Promoted or Unpromoted.")
        String role;

        @Option(names = "--with-role", paramLabel = "ROLE", description = "e.g. Promoted: with the promoted instance.")
        String withRole;

        @Override
        NewConstraint constraint() {
            return new NewConstraint.Colocation(id, resource, withResource, score, role, withRole);
        }
    }

    @Command(name = "order", mixinStandardHelpOptions = true, description = "Act on THEN only after FIRST.")
    static final class Order extends NewConstraintCommand {
        @Parameters(index = "1", paramLabel = "FIRST")
        String first;

        @Parameters(index = "2", paramLabel = "THEN")
        String then;

        @Option(names = "--first-action", paramLabel = "ACTION", description = "start (default), stop, promote, demote.")
        String firstAction;

        @Option(names = "--then-action", paramLabel = "ACTION", description = "start (default), stop, promote, demote.")
        String thenAction;

        @Option(names = "--kind", paramLabel = "KIND", description = "Mandatory (default), Optional or Serialize.")
        String kind;

        @Override
        NewConstraint constraint() {
            return new NewConstraint.Order(id, first, then, firstAction, thenAction, kind);
        }
    }

    @Command(name = "location", mixinStandardHelpOptions = true,
            description = "Prefer (positive score) or avoid (negative) NODE for RESOURCE.")
    static final class Location extends NewConstraintCommand {
        @Parameters(index = "1", paramLabel = "RESOURCE")
        String resource;

        @Parameters(index = "2", paramLabel = "NODE")
        String node;

        @Option(names = "--score", required = true, description = "e.g. 100, INFINITY or -INFINITY.")
        String score;

        @Option(names = "--role", paramLabel = "ROLE", description = "Only this role (Started, Promoted, Unpromoted).")
        String role;

        @Override
        NewConstraint constraint() {
            return new NewConstraint.Location(id, resource, node, score, role);
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a constraint by its id.")
    static final class ConstraintRemove extends ActionCommand {
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Override
        ClusterAction action() {
            return new ClusterAction.RemoveConstraint(id);
        }
    }
}
