package org.clusterdeck.cluster.agents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clusterdeck.cluster.Roles;
import org.clusterdeck.cluster.cib.NvSet;
import org.clusterdeck.cluster.cib.Operation;
import org.clusterdeck.cluster.cib.Primitive;
import org.clusterdeck.cluster.command.InvalidInputException;
import org.clusterdeck.cluster.command.NewPrimitive;

/**
 * What a new primitive of one agent asks for, from the agent's metadata: its parameters sorted
 * into what must be given, what may be, what is for experts and what is deprecated; each value
 * checked against its type; defaults left to the agent (written only when changed); the
 * operations the agent advises and those a primitive has; and Pacemaker's meta attributes with
 * their types.
 */
public final class PrimitiveForm {
    /** Where a parameter goes on the form: required first, deprecated folded away with advanced. */
    public enum Section { REQUIRED, OPTIONAL, ADVANCED, DEPRECATED }

    /** Actions no operation is configured for: the cluster never schedules them. */
    private static final Set<String> NOT_SCHEDULED = Set.of("meta-data", "validate-all", "status", "reload",
            "reload-agent", "methods", "usage");

    /**
     * The meta attributes an admin sets on a primitive (Pacemaker Explained, "Resource Meta-Attributes"),
     * typed as parameters so that the same form checks them.
     */
    public static final List<AgentParameter> META = List.of(
            meta("target-role", "select", List.of("Started", "Stopped", "Promoted", "Unpromoted"), "Started",
                    "The role the cluster keeps the resource in"),
            meta("is-managed", "boolean", List.of(), "true",
                    "Whether the cluster starts, stops and recovers it (false: left alone, monitored only)"),
            meta("resource-stickiness", "score", List.of(), null,
                    "How much it prefers to stay where it runs (the cluster's default when unset)"),
            meta("migration-threshold", "score", List.of(), "INFINITY",
                    "Failures on a node after which it moves away from that node"),
            meta("failure-timeout", "time", List.of(), "0",
                    "How long a failure counts (0: until cleaned up)"),
            meta("priority", "integer", List.of(), "0",
                    "Which resources stay running when not all can"),
            meta("requires", "select", List.of("nothing", "quorum", "fencing", "unfencing"), null,
                    "What must hold before it may start"),
            meta("multiple-active", "select", List.of("block", "stop_only", "stop_start", "stop_unexpected"),
                    "stop_start", "What the cluster does when it finds it active on more than one node"),
            meta("allow-migrate", "boolean", List.of(), "false",
                    "Whether it may live-migrate instead of stopping and starting (agents with migrate_to/from)"),
            meta("critical", "boolean", List.of(), "true",
                    "Whether a colocation with it may stop its dependents when it cannot run"));

    /** The meta attributes of a clone (Pacemaker Explained, "Clone Options"), typed as {@link #META}. */
    public static final List<AgentParameter> CLONE_META = List.of(
            meta("clone-max", "integer", List.of(), null, "How many copies run (default: one per node)"),
            meta("clone-node-max", "integer", List.of(), "1", "How many copies may run on one node"),
            meta("clone-min", "integer", List.of(), "0", "How many copies must run before what is ordered after"
                    + " the clone may start"),
            meta("notify", "boolean", List.of(), "false", "Whether every copy is told before and after another starts"
                    + " or stops (DRBD needs it)"),
            meta("globally-unique", "boolean", List.of(), "false", "Whether each copy is different from the others"),
            meta("ordered", "boolean", List.of(), "false", "Whether the copies start one after another"),
            meta("interleave", "boolean", List.of(), "false", "Whether a copy ordered after another clone waits only"
                    + " for that clone's copy on its own node"),
            meta("promoted-max", "integer", List.of(), "1", "How many copies may be promoted (promotable clones)"),
            meta("promoted-node-max", "integer", List.of(), "1", "How many promoted copies one node may have"),
            meta("target-role", "select", List.of("Started", "Stopped", "Promoted", "Unpromoted"), "Started",
                    "The role the cluster keeps the clone in"));

    private final AgentMetadata metadata;

    private PrimitiveForm(AgentMetadata metadata) {
        this.metadata = metadata;
    }

    public static PrimitiveForm of(AgentMetadata metadata) {
        return new PrimitiveForm(metadata);
    }

    public AgentMetadata metadata() {
        return metadata;
    }

    public static Section section(AgentParameter p) {
        if (p.deprecated()) {
            return Section.DEPRECATED;
        }
        if (p.required()) {
            return Section.REQUIRED;
        }
        return p.advanced() ? Section.ADVANCED : Section.OPTIONAL;
    }

    /** The parameters of one section, in the agent's order. */
    public List<AgentParameter> parameters(Section section) {
        return metadata.parameters().stream().filter(p -> section(p) == section).toList();
    }

    /**
     * What is wrong with these values, by parameter name: a required one not given, a value its type
     * refuses, a name the agent does not have. A blank value is one not given.
     */
    public Map<String, String> problems(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        for (AgentParameter p : metadata.parameters()) {
            String v = values.get(p.name());
            boolean given = v != null && !v.isBlank();
            if (!given && section(p) == Section.REQUIRED) {
                out.put(p.name(), "required: " + describe(p));
            } else if (given && p.problem(v) != null) {
                out.put(p.name(), p.problem(v));
            }
        }
        values.forEach((name, v) -> {
            if (metadata.parameter(name).isEmpty() && v != null && !v.isBlank()) {
                out.put(name, metadata.agent() + " has no parameter " + name);
            }
        });
        return out;
    }

    /**
     * Values the agent wants unique that another primitive of the same agent has already (two
     * IPaddr2 with one address fight over it), by parameter name: a unique parameter alone, a
     * unique-group only when all its values match.
     *
     * @param others the other primitives of the configuration (the one being edited left out)
     */
    public Map<String, String> clashes(Map<String, String> values, List<Primitive> others) {
        Map<String, List<AgentParameter>> groups = new LinkedHashMap<>();
        for (AgentParameter p : metadata.parameters()) {
            if (p.uniqueGroup() != null) {
                groups.computeIfAbsent(p.uniqueGroup(), g -> new ArrayList<>()).add(p);
            } else if (p.unique()) {
                groups.put("\0" + p.name(), List.of(p));
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Primitive other : others) {
            if (other.resourceClass() == null
                    || !new AgentName(other.resourceClass(), other.provider(), other.type()).equals(metadata.agent())) {
                continue;
            }
            Map<String, String> theirs = NvSet.editablePairs(other.instanceAttributes());
            for (List<AgentParameter> group : groups.values()) {
                boolean same = group.stream().allMatch(p -> {
                    String v = values.get(p.name());
                    return v != null && !v.isBlank() && v.strip().equals(theirs.get(p.name()));
                });
                if (same) {
                    String together = group.size() == 1 ? "" : " (with " + String.join(", ",
                            group.stream().map(AgentParameter::name).toList()) + ")";
                    group.forEach(p -> out.putIfAbsent(p.name(), "unique" + together + ", and " + other.id()
                            + " has " + values.get(p.name()).strip() + " already"));
                }
            }
        }
        return out;
    }

    /** Problems of meta attribute values, by name, as for parameters. */
    public static Map<String, String> metaProblems(Map<String, String> values) {
        return problems(META, values);
    }

    /**
     * The meta attributes a resource of this kind (as {@code CibResource.kind()} names it) takes: a
     * clone its own and, first, those of what it runs; a primitive or group Pacemaker's general ones.
     */
    public static List<AgentParameter> meta(String kind) {
        if (!kind.equals("clone") && !kind.equals("promotable")) {
            return META;
        }
        List<AgentParameter> out = new ArrayList<>(CLONE_META);
        META.stream().filter(m -> CLONE_META.stream().noneMatch(c -> c.name().equals(m.name()))).forEach(out::add);
        return List.copyOf(out);
    }

    /** Problems of the meta attribute values of a resource of this kind, by name. */
    public static Map<String, String> metaProblems(String kind, Map<String, String> values) {
        return problems(meta(kind), values);
    }

    private static Map<String, String> problems(List<AgentParameter> known, Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((name, v) -> {
            if (v == null || v.isBlank()) {
                return;
            }
            AgentParameter m = known.stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
            if (m == null) {
                out.put(name, "not a meta attribute ClusterDeck knows: " + String.join(", ",
                        known.stream().map(AgentParameter::name).toList()));
            } else if (m.problem(v) != null) {
                out.put(name, m.problem(v));
            }
        });
        return out;
    }

    /** The values to write: given, and not the agent's own default (which stays the agent's to change). */
    public Map<String, String> changed(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        for (AgentParameter p : metadata.parameters()) {
            String v = values.get(p.name());
            if (v != null && !v.isBlank() && !v.equals(p.defaultValue())) {
                out.put(p.name(), v);
            }
        }
        return out;
    }

    /**
     * The operations the agent advises, as the cluster should run them: each monitor with its
     * interval (per role for a promotable agent) and the timeouts of the actions the cluster
     * schedules, with roles named as the node speaks them.
     */
    public List<NewPrimitive.Op> advisedOperations(boolean promotedRoleNames) {
        if (metadata.agent() != null && metadata.agent().isFencing()) {
            // the fencer runs on, off and reboot itself; the cluster only monitors a device, every
            // 60 s as pcs sets it up
            return List.of(new NewPrimitive.Op("monitor", "60s", null, null));
        }
        List<NewPrimitive.Op> out = new ArrayList<>();
        for (AgentAction a : metadata.actions()) {
            if (NOT_SCHEDULED.contains(a.name())) {
                continue;
            }
            boolean monitor = a.name().equals("monitor");
            if (monitor && a.interval() == null) {
                continue;
            }
            String interval = monitor ? a.interval() : "0s";
            out.add(new NewPrimitive.Op(a.name(), interval, role(a.role(), promotedRoleNames), a.timeout()));
        }
        return out;
    }

    /**
     * The primitive checked against this agent's metadata, with the advised operations where it has
     * none.
     *
     * @throws InvalidInputException naming every parameter or meta attribute that is wrong
     */
    public NewPrimitive complete(NewPrimitive p, boolean promotedRoleNames) {
        Map<String, String> wrong = new LinkedHashMap<>(problems(p.params()));
        metaProblems(p.meta()).forEach((name, why) -> wrong.put("meta " + name, why));
        if (!wrong.isEmpty()) {
            List<String> each = new ArrayList<>();
            wrong.forEach((name, why) -> each.add(name + ": " + why));
            throw new InvalidInputException("resource " + p.id(), metadata.agent().toString(), String.join("; ", each));
        }
        List<NewPrimitive.Op> ops = p.ops().isEmpty() ? advisedOperations(promotedRoleNames)
                : p.ops().stream().map(o -> o.withRole(role(o.role(), promotedRoleNames))).toList();
        return new NewPrimitive(p.id(), p.agent(), p.params(), ops, p.meta());
    }

    /** A role as a node of that Pacemaker speaks it: Promoted and Unpromoted from 2.1 on, Master and Slave before. */
    private static String role(String role, boolean promotedNames) {
        String modern = Roles.normalize(role);
        if (modern == null || promotedNames) {
            return modern;
        }
        return switch (modern) {
            case "Promoted" -> "Master";
            case "Unpromoted" -> "Slave";
            default -> modern;
        };
    }

    /**
     * One operation on the form, by name and role: as the primitive has it (null for a new one, or
     * when it has none) and as the agent advises it (null when it does not).
     *
     * @param locked why the form cannot change it (the cluster's own editor can), or null
     */
    public record OperationRow(String name, String role, NewPrimitive.Op configured, NewPrimitive.Op advised,
            String locked) {
        /** Only a monitor recurs; every other operation's interval is 0. */
        public boolean recurring() {
            return name.equals("monitor");
        }
    }

    /** A new primitive's operations: those the agent advises, by Pacemaker 2.1's role names. */
    public List<OperationRow> operationRows() {
        return advisedOperations(true).stream().map(a -> new OperationRow(a.name(), a.role(), null, a, null)).toList();
    }

    /**
     * An existing primitive's operations: its own, then those the agent advises that it lacks. One
     * that shares its name and role with another, or has attribute sets of its own (a monitor's
     * OCF_CHECK_LEVEL), is locked: which one a change replaces, or what it keeps, is not clear.
     */
    public List<OperationRow> operationRows(List<Operation> configured) {
        List<OperationRow> out = new ArrayList<>();
        Map<String, Integer> shared = new LinkedHashMap<>();
        configured.forEach(o -> shared.merge(key(o.name(), o.role()), 1, Integer::sum));
        for (Operation o : configured) {
            String locked = shared.get(key(o.name(), o.role())) > 1
                    ? shared.get(key(o.name(), o.role())) + " operations share its name and role"
                    : !o.metaAttributes().isEmpty() || !o.instanceAttributes().isEmpty()
                            ? "it has attribute sets of its own" : null;
            NewPrimitive.Op op = null;
            if (locked == null) {
                Map<String, String> more = new LinkedHashMap<>(o.attributes());
                List.of("id", "name", "interval", "role", "timeout").forEach(more::remove);
                try {
                    op = new NewPrimitive.Op(o.name(), o.interval() == null ? "0s" : o.interval(), o.role(),
                            o.attribute("timeout"), more);
                } catch (InvalidInputException e) {
                    locked = e.getMessage();
                }
            }
            out.add(new OperationRow(o.name(), o.role(), op, null, locked));
        }
        for (NewPrimitive.Op a : advisedOperations(true)) {
            if (!shared.containsKey(key(a.name(), a.role()))) {
                out.add(new OperationRow(a.name(), a.role(), null, a, null));
            }
        }
        return out;
    }

    /** An operation by name and role, a role of Started being none. */
    private static String key(String name, String role) {
        String r = Roles.normalize(role);
        return name + "/" + (r == null || r.equals("Started") ? "" : r);
    }

    /** The short description, else the name, for messages. */
    static String describe(AgentParameter p) {
        return p.shortDescription() != null && !p.shortDescription().isBlank() ? p.shortDescription().strip() : p.name();
    }

    private static AgentParameter meta(String name, String type, List<String> options, String dflt, String what) {
        return new AgentParameter(name, type, options, false, false, null, false, dflt, what, null, false, null, false);
    }
}
