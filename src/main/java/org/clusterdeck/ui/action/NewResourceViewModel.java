package org.clusterdeck.ui.action;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.clusterdeck.app.action.ClusterActions;
import org.clusterdeck.app.agents.AgentCatalog;
import org.clusterdeck.app.ErrorLine;
import org.clusterdeck.cluster.agents.AgentMetadata;
import org.clusterdeck.cluster.agents.AgentName;
import org.clusterdeck.cluster.agents.AgentParameter;
import org.clusterdeck.cluster.agents.ParameterType;
import org.clusterdeck.cluster.agents.PrimitiveForm;
import org.clusterdeck.cluster.cib.CibResource;
import org.clusterdeck.cluster.cib.NvSet;
import org.clusterdeck.cluster.cib.Primitive;
import org.clusterdeck.cluster.command.ActionInput;
import org.clusterdeck.cluster.command.ClusterAction;
import org.clusterdeck.cluster.command.InvalidInputException;
import org.clusterdeck.cluster.command.NewPrimitive;
import org.clusterdeck.cluster.command.PrimitiveEdit;
import org.clusterdeck.cluster.command.Secrets;
import org.clusterdeck.ui.Background;

/**
 * The form for a new resource or fencing device: an agent from the node's own list, its
 * parameters from the agent's metadata as the node has it (required first, advanced folded, each
 * checked by type as it is typed, defaults shown but not written), an id, and for a resource the
 * group to put it in, its operations, and Pacemaker's meta attributes; a value the agent wants
 * unique that another primitive has is refused. The same form edits an existing primitive
 * ({@link #edit}: agent and id fixed, its values filled in, what changed becomes the edit) and
 * copies one under a new id ({@link #copy}). What each makes is previewed in the plan dialog like
 * every action.
 */
public final class NewResourceViewModel {
    private static final Duration NODE_TIMEOUT = Duration.ofSeconds(60);

    /** One parameter on the form: the agent's description of it and what the admin typed. */
    public static final class Field {
        private final AgentParameter parameter;
        private final PrimitiveForm.Section section;
        private final StringProperty value = new SimpleStringProperty("");
        private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();

        Field(AgentParameter parameter) {
            this.parameter = parameter;
            this.section = PrimitiveForm.section(parameter);
        }

        public AgentParameter parameter() {
            return parameter;
        }

        public PrimitiveForm.Section section() {
            return section;
        }

        public StringProperty valueProperty() {
            return value;
        }

        /** Why the value is wrong, or null. */
        public ReadOnlyStringProperty problemProperty() {
            return problem.getReadOnlyProperty();
        }
    }

    /**
     * One operation on the form: its interval (a monitor's only: the others run once) and timeout
     * as typed. Empty means: for a new resource, no such monitor, or the cluster's default timeout;
     * editing, an operation the primitive does not have stays away.
     */
    public static final class OpField {
        private final PrimitiveForm.OperationRow row;
        private final StringProperty interval = new SimpleStringProperty("");
        private final StringProperty timeout = new SimpleStringProperty("");
        private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();

        /** Filled with what the primitive has; for a new one, with what the agent advises. */
        OpField(PrimitiveForm.OperationRow row, boolean editing) {
            this.row = row;
            NewPrimitive.Op shown = row.configured() != null ? row.configured() : editing ? null : row.advised();
            if (shown != null) {
                interval.set(row.recurring() ? shown.interval() : "");
                timeout.set(shown.timeout() == null ? "" : shown.timeout());
            }
        }

        public PrimitiveForm.OperationRow row() {
            return row;
        }

        /** "monitor", or "monitor (Promoted)" for one role. */
        public String label() {
            return row.name() + (row.role() == null ? "" : " (" + row.role() + ")");
        }

        public StringProperty intervalProperty() {
            return interval;
        }

        public StringProperty timeoutProperty() {
            return timeout;
        }

        public ReadOnlyStringProperty problemProperty() {
            return problem.getReadOnlyProperty();
        }
    }

    /**
     * What the form checks a resource against: ids the CIB has, the groups a resource may go into,
     * and the primitives (whose unique values a new one must not repeat).
     */
    public record Configured(Set<String> takenIds, List<String> groups, List<Primitive> primitives) {
        public Configured {
            takenIds = Set.copyOf(takenIds);
            groups = List.copyOf(groups);
            primitives = List.copyOf(primitives);
        }
    }

    private final ClusterActions actions;
    private final Background background;
    private final AgentCatalog catalog;
    private final boolean fencing;
    private final Configured cluster;

    private final ObservableList<String> agents = FXCollections.observableArrayList();
    private final StringProperty agent = new SimpleStringProperty("");
    private final StringProperty id = new SimpleStringProperty("");
    private final ObjectProperty<String> group = new SimpleObjectProperty<>();
    private final ObservableList<Field> fields = FXCollections.observableArrayList();
    private final ObservableList<OpField> operations = FXCollections.observableArrayList();
    /** Pacemaker's meta attributes, the same for every agent; a clone's own with them. */
    private final List<Field> metaFields;
    /** What the form makes or edits, as {@code CibResource.kind()} names it: primitive, group, clone, promotable. */
    private final String kind;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Reading the node's agents\u2026");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("choose an agent");
    private final BooleanBinding valid = Bindings.createBooleanBinding(() -> problem.get() == null, problem);

    private PrimitiveForm form;
    /** The resource being edited (a group or clone: its meta attributes only); null for a new one. */
    private CibResource edited;
    /** Its parameters as the CIB has them when editing. */
    private Map<String, String> current;
    /** Its meta attributes as the CIB has them when editing. */
    private Map<String, String> currentMeta = Map.of();
    /** The primitive a new one copies; null for none. */
    private Primitive copied;

    /**
     * @param fencing  a fencing device: stonith agents only, and no group
     * @param group    the group chosen at first (the selection's), or null
     */
    public NewResourceViewModel(ClusterActions actions, Background background, AgentCatalog catalog, boolean fencing,
            Configured cluster, String group) {
        this(actions, background, catalog, fencing, cluster, group, "primitive");
    }

    private NewResourceViewModel(ClusterActions actions, Background background, AgentCatalog catalog, boolean fencing,
            Configured cluster, String group, String kind) {
        this.kind = kind;
        this.metaFields = PrimitiveForm.meta(kind).stream().map(Field::new).toList();
        this.actions = actions;
        this.background = background;
        this.catalog = catalog;
        this.fencing = fencing;
        this.cluster = cluster;
        this.group.set(fencing ? null : group);
        agent.addListener((o, was, now) -> agentChosen(now));
        metaFields.forEach(f -> f.valueProperty().addListener((o, was, now) -> check()));
        id.addListener((o, was, now) -> check());
    }

    /**
     * The form for an existing primitive: its agent's parameters with its values (from the set
     * without rules; a secret's left empty, so it is shown nowhere: typing one replaces it), its
     * meta attributes and its operations.
     */
    public static NewResourceViewModel edit(ClusterActions actions, Background background, AgentCatalog catalog,
            Configured cluster, Primitive p) {
        NewResourceViewModel vm = new NewResourceViewModel(actions, background, catalog, agentOf(p).isFencing(), cluster,
                null);
        vm.edited = p;
        vm.current = NvSet.editablePairs(p.instanceAttributes());
        vm.currentMeta = NvSet.editablePairs(p.metaAttributes());
        vm.metaFields.forEach(f -> f.valueProperty().set(vm.currentMeta.getOrDefault(f.parameter().name(), "")));
        vm.id.set(p.id());
        vm.agent.set(agentOf(p).toString());
        return vm;
    }

    /**
     * The form for a group's or clone's meta attributes (a clone's own first): what they hold is
     * each primitive's to edit.
     */
    public static NewResourceViewModel editMeta(ClusterActions actions, Background background, AgentCatalog catalog,
            Configured cluster, CibResource r) {
        NewResourceViewModel vm = new NewResourceViewModel(actions, background, catalog, false, cluster, null, r.kind());
        vm.edited = r;
        vm.current = Map.of();
        vm.currentMeta = NvSet.editablePairs(r.metaAttributes());
        vm.metaFields.forEach(f -> f.valueProperty().set(vm.currentMeta.getOrDefault(f.parameter().name(), "")));
        vm.id.set(r.id());
        vm.agent.set(r.kind());
        vm.status.set("The " + r.kind() + "'s meta attributes: " + (r.kind().equals("group")
                ? "they apply to its members too; each member's parameters are its own to edit"
                : "its own, and those it gives the resource it runs"));
        vm.check();
        return vm;
    }

    /** The dialog's title: what the form makes or edits. */
    public String title() {
        String what = fencing ? "fencing device" : "resource";
        return editing() ? "Edit " + edited.kind() + " " + edited.id()
                : copied != null ? "New " + what + " like " + copied.id() : "New " + what;
    }

    /** Editing a group's or clone's meta attributes: no agent, no parameters. */
    public boolean metaOnly() {
        return edited != null && !(edited instanceof Primitive);
    }

    /**
     * The form for a new primitive like an existing one (Pacemaker renames nothing, so this is how
     * a resource gets a new id): its agent, values, meta attributes and operations, a new id, into
     * its group; a value the agent wants unique must be changed before it is a plan.
     */
    public static NewResourceViewModel copy(ClusterActions actions, Background background, AgentCatalog catalog,
            Configured cluster, Primitive p, String group) {
        NewResourceViewModel vm = new NewResourceViewModel(actions, background, catalog, agentOf(p).isFencing(), cluster,
                group);
        vm.copied = p;
        Map<String, String> meta = NvSet.editablePairs(p.metaAttributes());
        vm.metaFields.forEach(f -> f.valueProperty().set(meta.getOrDefault(f.parameter().name(), "")));
        vm.id.set(vm.unused(p.id().replaceAll("[0-9]+$", ""), 2));
        vm.agent.set(agentOf(p).toString());
        return vm;
    }

    private static AgentName agentOf(Primitive p) {
        return new AgentName(p.resourceClass(), p.provider(), p.type());
    }

    /** Editing an existing primitive: agent and id are fixed. */
    public boolean editing() {
        return current != null;
    }

    /** Reads the node's agents, in the background; editing, the agent is known already. */
    public void load() {
        if (editing()) {
            return;
        }
        background.run("Reading the node's agents", NODE_TIMEOUT,
                () -> actions.ask(node -> catalog.agents(node, fencing ? "stonith" : null, null)),
                list -> {
                    agents.setAll(list.stream().map(AgentName::toString).filter(a -> !fencing || a.startsWith("stonith:"))
                            .toList());
                    if (form == null) {
                        status.set(agents.size() + " agents on the node");
                        // typed before the list came: its metadata is read now if it is one of them
                        agentChosen(agent.get());
                    }
                }, error -> status.set("The node's agents could not be read: " + ErrorLine.of(error)));
    }

    private void agentChosen(String text) {
        if (metaOnly()) {
            return;
        }
        fields.clear();
        operations.clear();
        form = null;
        check();
        AgentName name;
        try {
            name = AgentName.parse(text.strip());
        } catch (InvalidInputException e) {
            return;
        }
        if (!agents.isEmpty() && !agents.contains(name.toString())) {
            // typing on: a read of the node per keystroke would be mostly for names that are no agent
            status.set(agents.size() + " agents on the node; " + name + " is not one of them");
            return;
        }
        status.set("Reading " + name + "'s parameters\u2026");
        background.run("Reading " + name + "'s metadata", NODE_TIMEOUT,
                () -> actions.ask(node -> catalog.metadata(node, name)),
                metadata -> {
                    if (text.equals(agent.get())) {
                        show(metadata);
                    }
                }, error -> {
                    if (text.equals(agent.get())) {
                        status.set(name + ": " + ErrorLine.of(error));
                    }
                });
    }

    private void show(AgentMetadata metadata) {
        form = PrimitiveForm.of(metadata);
        List<Field> made = new ArrayList<>();
        for (PrimitiveForm.Section s : PrimitiveForm.Section.values()) {
            form.parameters(s).forEach(p -> made.add(new Field(p)));
        }
        if (editing()) {
            made.forEach(f -> f.valueProperty().set(Secrets.isSecret(f.parameter().name()) ? ""
                    : current.getOrDefault(f.parameter().name(), "")));
        } else if (copied != null) {
            // a copy's secret is the same secret: filled, and shown nowhere like any typed one
            Map<String, String> values = NvSet.editablePairs(copied.instanceAttributes());
            made.forEach(f -> f.valueProperty().set(values.getOrDefault(f.parameter().name(), "")));
        }
        made.forEach(f -> f.valueProperty().addListener((o, was, now) -> check()));
        Primitive own = editing() ? (Primitive) edited : copied;
        List<OpField> ops = (own != null ? form.operationRows(own.operations()) : form.operationRows()).stream()
                .map(r -> new OpField(r, own != null)).toList();
        ops.forEach(op -> {
            op.intervalProperty().addListener((o, was, now) -> check());
            op.timeoutProperty().addListener((o, was, now) -> check());
        });
        fields.setAll(made);
        operations.setAll(ops);
        String what = metadata.shortDescription() == null ? "" : ": " + metadata.shortDescription().strip();
        status.set(metadata.agent() + what);
        if (id.get().isBlank()) {
            id.set(suggestedId(metadata.agent()));
        }
        check();
    }

    /** p_ and the agent's type, as the reference cluster names them (st_ for a fencing device), made unique. */
    private String suggestedId(AgentName name) {
        return unused((fencing ? "st_" : "p_") + name.type().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_"),
                0);
    }

    /** The base itself, else with the first number from {@code from} on that the CIB does not have (from 2 when 0). */
    private String unused(String base, int from) {
        String candidate = from == 0 ? base : base + from;
        for (int n = Math.max(2, from + 1); cluster.takenIds().contains(candidate); n++) {
            candidate = base + n;
        }
        return candidate;
    }

    /** The values the form checks: editing, a secret left empty is the one the primitive has. */
    private Map<String, String> checked() {
        Map<String, String> v = values(fields);
        if (editing()) {
            v.replaceAll((name, value) -> value.isEmpty() && Secrets.isSecret(name) ? current.getOrDefault(name, "")
                    : value);
        }
        return v;
    }

    /** Fields' values by name, as typed. */
    private static Map<String, String> values(List<Field> from) {
        Map<String, String> out = new LinkedHashMap<>();
        from.forEach(f -> out.put(f.parameter().name(), f.valueProperty().get().strip()));
        return out;
    }

    private void check() {
        Map<String, String> values = checked();
        Map<String, String> problems = new LinkedHashMap<>(form == null ? Map.of() : form.problems(values));
        if (form != null) {
            form.clashes(values, cluster.primitives().stream().filter(p -> edited == null || !p.id().equals(edited.id()))
                    .toList()).forEach(problems::putIfAbsent);
        }
        fields.forEach(f -> f.problem.set(problems.get(f.parameter().name())));
        Map<String, String> meta = PrimitiveForm.metaProblems(kind, values(metaFields));
        metaFields.forEach(f -> f.problem.set(meta.get(f.parameter().name())));
        meta.forEach((name, why) -> problems.put("meta " + name, why));
        operations.forEach(op -> {
            op.problem.set(copied != null && op.row.locked() != null ? "not copied: " + op.row.locked()
                    : operationProblem(op));
            if (op.problem.get() != null) {
                problems.put("operation " + op.label(), op.problem.get());
            }
        });
        problem.set(firstProblem(problems));
    }

    /** A time the cluster does not read, or a configured monitor emptied (the form changes and adds operations). */
    private static String operationProblem(OpField op) {
        if (op.row.locked() != null) {
            return null;
        }
        String interval = op.interval.get().strip();
        if (op.row.recurring() && interval.isEmpty() && op.row.configured() != null) {
            return "the form changes and adds operations; remove one with crm configure edit or pcs resource op delete";
        }
        for (String time : List.of(op.row.recurring() ? interval : "", op.timeout.get().strip())) {
            String wrong = time.isEmpty() ? null : ParameterType.TIME.problem(time, List.of());
            if (wrong != null) {
                return wrong;
            }
        }
        return null;
    }

    /**
     * The operations to write: for a new resource each one on the form (a monitor with an
     * interval, another with a timeout or as the copied primitive has it); editing, each one
     * changed, or added where the primitive had none, its other settings (on-fail ...) kept.
     */
    private List<NewPrimitive.Op> operationChanges() {
        List<NewPrimitive.Op> out = new ArrayList<>();
        for (OpField op : operations) {
            PrimitiveForm.OperationRow row = op.row;
            String interval = row.recurring() ? op.interval.get().strip() : "0s";
            String timeout = op.timeout.get().strip().isEmpty() ? null : op.timeout.get().strip();
            NewPrimitive.Op was = row.configured();
            // a monitor is there with an interval; another operation with a timeout, or as configured
            boolean present = row.recurring() ? !interval.isEmpty() : timeout != null || was != null;
            if (row.locked() != null || !present || editing() && was != null && interval.equals(was.interval())
                    && java.util.Objects.equals(timeout, was.timeout())) {
                continue;
            }
            out.add(new NewPrimitive.Op(row.name(), interval, row.role(), timeout, was == null ? Map.of() : was.more()));
        }
        return out;
    }

    private String firstProblem(Map<String, String> problems) {
        if (metaOnly()) {
            return !problems.isEmpty() ? first(problems)
                    : changes(metaFields, currentMeta).isEmpty() ? "nothing changed yet" : null;
        }
        if (form == null) {
            return editing() ? "reading the agent's parameters" : "choose an agent";
        }
        if (editing()) {
            return !problems.isEmpty() ? first(problems)
                    : changes(fields, current).isEmpty() && changes(metaFields, currentMeta).isEmpty()
                            && operationChanges().isEmpty() ? "nothing changed yet" : null;
        }
        try {
            ActionInput.id("id", id.get().strip());
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
        if (cluster.takenIds().contains(id.get().strip())) {
            return "the CIB has the id " + id.get().strip() + " already";
        }
        return problems.isEmpty() ? null : first(problems);
    }

    private static String first(Map<String, String> problems) {
        Map.Entry<String, String> e = problems.entrySet().iterator().next();
        return e.getKey() + ": " + e.getValue();
    }

    /**
     * The resource as the form describes it: only the values the admin changed from the agent's
     * defaults, and the operations on the form.
     */
    public ClusterAction action() {
        if (!valid.get()) {
            throw new IllegalStateException("the form is not complete: " + problem.get());
        }
        if (editing()) {
            return new ClusterAction.UpdateResource(id.get(), new PrimitiveEdit(changes(fields, current),
                    changes(metaFields, currentMeta), operationChanges()));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        metaFields.forEach(f -> {
            String v = f.valueProperty().get().strip();
            if (!v.isEmpty() && !v.equals(f.parameter().defaultValue())) {
                meta.put(f.parameter().name(), v);
            }
        });
        NewPrimitive p = new NewPrimitive(id.get().strip(), form.metadata().agent(), form.changed(values(fields)),
                operationChanges(), meta);
        return new ClusterAction.CreateResource(p, group.get(), null, null);
    }

    /**
     * What the admin changed of these fields: a value set or changed, one emptied that the primitive
     * had (removed); a secret left empty stays as it is.
     */
    private static Map<String, String> changes(List<Field> from, Map<String, String> current) {
        Map<String, String> out = new LinkedHashMap<>();
        values(from).forEach((name, value) -> {
            String was = current.get(name);
            if (!value.isEmpty() && !value.equals(was)) {
                out.put(name, value);
            } else if (value.isEmpty() && was != null && !Secrets.isSecret(name)) {
                out.put(name, "");
            }
        });
        return out;
    }

    public boolean fencing() {
        return fencing;
    }

    public ObservableList<String> agents() {
        return agents;
    }

    public StringProperty agentProperty() {
        return agent;
    }

    public StringProperty idProperty() {
        return id;
    }

    /** The group to put it in; null for none. */
    public ObjectProperty<String> groupProperty() {
        return group;
    }

    public List<String> groups() {
        return cluster.groups();
    }

    public ObservableList<Field> fields() {
        return fields;
    }

    /** The operations: the agent's advice for a new resource, the primitive's own when editing. */
    public ObservableList<OpField> operations() {
        return operations;
    }

    /** The meta attributes (target-role, resource-stickiness ...), empty unless set. */
    public List<Field> metaFields() {
        return metaFields;
    }

    /** What is being read, or what the chosen agent is. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The first thing keeping the form from a plan, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
