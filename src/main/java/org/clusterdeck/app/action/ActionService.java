package org.clusterdeck.app.action;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.nodes.NodeConnection;
import org.clusterdeck.cluster.agents.AgentName;
import org.clusterdeck.cluster.agents.AgentReader;
import org.clusterdeck.cluster.agents.PrimitiveForm;
import org.clusterdeck.cluster.FormatException;
import org.clusterdeck.cluster.checks.ClusterProperty;
import org.clusterdeck.cluster.checks.LeftoverConstraint;
import org.clusterdeck.cluster.checks.PropertyRisk;
import org.clusterdeck.cluster.cib.Cib;
import org.clusterdeck.cluster.cib.CibParser;
import org.clusterdeck.cluster.cib.CibReader;
import org.clusterdeck.cluster.cib.CibVersion;
import org.clusterdeck.cluster.cib.NvSet;
import org.clusterdeck.cluster.cib.CibResource;
import org.clusterdeck.cluster.cib.Primitive;
import org.clusterdeck.cluster.command.ClusterAction;
import org.clusterdeck.cluster.command.ClusterCommandException;
import org.clusterdeck.cluster.command.ClusterNotSettledException;
import org.clusterdeck.cluster.command.CommandDialect;
import org.clusterdeck.cluster.command.CrmResource;
import org.clusterdeck.cluster.command.InvalidInputException;
import org.clusterdeck.cluster.command.NewPrimitive;
import org.clusterdeck.cluster.command.PlainTools;
import org.clusterdeck.cluster.corosync.QuorumReader;
import org.clusterdeck.cluster.drbd.DrbdNodeReader;
import org.clusterdeck.cluster.drbd.DrbdStatus;
import org.clusterdeck.cluster.options.ClusterOption;
import org.clusterdeck.cluster.options.ClusterOptionsReader;
import org.clusterdeck.cluster.simulate.IdleCheck;
import org.clusterdeck.cluster.simulate.PlacementCheck;
import org.clusterdeck.cluster.simulate.PlacementDifference;
import org.clusterdeck.cluster.simulate.Prediction;
import org.clusterdeck.cluster.simulate.Predictor;
import org.clusterdeck.cluster.simulate.RiskCheck;
import org.clusterdeck.cluster.simulate.SafetyCheck;
import org.clusterdeck.cluster.simulate.Transition;
import org.clusterdeck.cluster.software.NodeSoftware;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.TransportException;

/**
 * Failover and configuration actions on one node of a cluster: {@link #plan} previews (commands,
 * prediction, refusals) and changes nothing; {@link #apply} carries out a confirmed plan, waits for
 * the cluster to settle and compares the result with the prediction. Every step is in the audit log.
 */
public final class ActionService {
    /** How the audit log names the idle look that replaced a crm_resource --wait. */
    static final String IDLE_LOOK = "idle check: cibadmin --query, then crm_simulate on a copy (nothing scheduled,"
            + " nothing in flight)";

    private final NodeConnection connection;
    private final CommandRunner node;
    private final AuditLog audit;
    private final Duration settleTimeout;
    private final String dialect;

    /** In the dialect the node's software suggests ({@code auto}, see {@link CommandDialect#forNode}). */
    public ActionService(NodeConnection node, AuditLog audit, Duration settleTimeout) {
        this(node, audit, settleTimeout, CommandDialect.AUTO);
    }

    /**
     * @param settleTimeout how long the cluster may take to carry out a transition
     * @param dialect       one of {@link CommandDialect#NAMES}; the node must have the tool
     */
    public ActionService(NodeConnection node, AuditLog audit, Duration settleTimeout, String dialect) {
        this.connection = node;
        this.node = node.runner();
        this.audit = audit;
        this.settleTimeout = settleTimeout;
        this.dialect = dialect;
    }

    /**
     * Previews the action on the live CIB: nothing on the cluster changes.
     *
     * @throws InvalidInputException when the action names a resource or node the cluster does not have
     */
    public ActionPlan plan(ClusterAction action) throws TransportException, ClusterCommandException {
        return plan(action, UUID.randomUUID().toString());
    }

    private ActionPlan plan(ClusterAction requested, String actionId) throws TransportException, ClusterCommandException {
        NodeSoftware sw = connection.software();
        CommandDialect dialect = CommandDialect.forNode(this.dialect, sw);
        String cibText = new CibReader(node).readText();
        Cib cib = CibParser.parse(cibText, node.node() + ": cibadmin --query");
        ClusterStatus status = connection.status();
        ClusterAction action = ActionTargets.resolve(requested, status);
        ActionTargets.requireKnown(action, cib, status);
        if (action instanceof ClusterAction.CreateResource c) {
            // checked against the agent as this node has it, the operations it advises where none are given
            NewPrimitive p = PrimitiveForm.of(new AgentReader(node).metadata(c.primitive().agent()))
                    .complete(c.primitive(), PlainTools.forNode(sw).promotedRoleNames());
            action = new ClusterAction.CreateResource(p, c.group(), c.before(), c.after());
        }
        if (action instanceof ClusterAction.DeleteResource d) {
            action = ActionTargets.deletion(d, cib);
        }
        action = ActionTargets.grouping(action, cib, cibText, node.node() + ": cibadmin --query");
        if (action instanceof ClusterAction.Fence f && f.node().equals(sw.nodeName())) {
            throw new InvalidInputException("node", f.node(), "it is the node ClusterDeck reaches the cluster through,"
                    + " and the fence would cut that connection: fence it from another node (give its --host)");
        }
        if (action instanceof ClusterAction.Clone c) {
            checkClone(c, cib);
        }
        if (action instanceof ClusterAction.UpdateResource u) {
            action = ActionTargets.update(u, cib, cibText, node.node() + ": cibadmin --query");
            checkAgainstAgent((ClusterAction.UpdateResource) action, cib);
        }

        List<Command> change = dialect.commands(action);
        Optional<Command> after = dialect.afterLanding(action);
        List<List<Command>> stages = new ArrayList<>();
        List<Command> staged = dialect.staged(action);
        stages.add(staged);
        List<String> notes = new ArrayList<>();
        if (staged.isEmpty()) {
            notes.add("the change cannot be staged on a copy of the CIB: the prediction shows what the cluster would"
                    + " do anyway; afterwards the cluster probes the resource again and may start it where it failed"
                    + " before");
        } else if (!staged.equals(change)) {
            notes.add("predicted by staging " + String.join(" && ", staged.stream().map(Command::display).toList())
                    + ", the same change, since " + dialect.name() + " cannot make it on a copy of the CIB");
        }
        after.ifPresent(c -> stages.add(List.of(c)));
        Prediction prediction = new Predictor(node).predict(cibText, stages, dialect::onCopy);
        List<String> ranOnCopy = stages.stream().flatMap(List::stream).map(c -> dialect.onCopy(c).display()).toList();

        if (action instanceof ClusterAction.Property p) {
            notes.add(explain(p.name()));
        }
        if (action instanceof ClusterAction.Fence f && !f.off()) {
            notes.add("after its reboot " + f.node() + " joins the cluster again and takes up its share (clone copies):"
                    + " the prediction is the cluster without it, and the outcome is compared without it");
        }
        List<RiskCheck.Warning> warnings = RiskCheck.warnings(action, action instanceof ClusterAction.Property
                ? new PropertyRisk.Shape(ClusterProperty.memberNodes(cib, status), twoNode()) : PropertyRisk.Shape.UNKNOWN);
        List<String> refusals = SafetyCheck.refusals(action, status, cib, prediction, drbd(sw));
        warnings = new ArrayList<>(warnings);
        warnings.addAll(SafetyCheck.warnings(action, status, cib, prediction));
        ActionPlan plan = ActionPlan.of(action, node.node(), dialect.name(), change, after.orElse(null), cib.version(),
                prediction, notes, warnings, refusals, ranOnCopy, actionId);
        audit.append(ActionAuditRecord.planned(actionId, plan));
        return plan;
    }

    /** A clone's meta attributes by type; a promotable one only of a primitive whose agent can promote. */
    private void checkClone(ClusterAction.Clone c, Cib cib) throws TransportException, ClusterCommandException {
        Map<String, String> wrong = PrimitiveForm.metaProblems("clone", c.meta());
        if (!wrong.isEmpty()) {
            throw new InvalidInputException("clone of " + c.resource(), String.join(", ", wrong.keySet()), String.join("; ",
                    wrong.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()));
        }
        if (!c.promotable()) {
            return;
        }
        if (!(cib.resource(c.resource()).orElseThrow() instanceof Primitive p) || p.resourceClass() == null) {
            throw new InvalidInputException("resource", c.resource(), "a promotable clone is made of a primitive whose"
                    + " agent can promote");
        }
        AgentName agent = new AgentName(p.resourceClass(), p.provider(), p.type());
        if (new AgentReader(node).metadata(agent).actions().stream().noneMatch(a -> a.name().equals("promote"))) {
            throw new InvalidInputException("resource", c.resource(), agent + " has no promote action: its copies"
                    + " cannot be promoted");
        }
    }

    /**
     * An edit's values checked against the agent as this node has it: the parameters changed, by
     * type, a required one not removed; the meta attributes set, as the resource's kind takes them.
     */
    private void checkAgainstAgent(ClusterAction.UpdateResource u, Cib cib) throws TransportException,
            ClusterCommandException {
        CibResource r = cib.resource(u.resource()).orElseThrow();
        if (!(r instanceof Primitive p)) {
            Map<String, String> wrong = PrimitiveForm.metaProblems(r.kind(), u.edit().meta());
            if (!wrong.isEmpty()) {
                throw new InvalidInputException(r.kind() + " " + u.resource(), String.join(", ", wrong.keySet()),
                        String.join("; ", wrong.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()));
            }
            return;
        }
        if (p.resourceClass() == null) {
            return; // its agent is its template's, whose parameters the template sets
        }
        PrimitiveForm form = PrimitiveForm.of(new AgentReader(node).metadata(
                new AgentName(p.resourceClass(), p.provider(), p.type())));
        Map<String, String> values = NvSet.editablePairs(p.instanceAttributes());
        values.putAll(u.edit().params());
        Map<String, String> wrong = new java.util.LinkedHashMap<>();
        form.problems(values).forEach((name, why) -> {
            if (u.edit().params().containsKey(name)) {
                wrong.put(name, why);
            }
        });
        PrimitiveForm.metaProblems(u.edit().meta()).forEach((name, why) -> wrong.put("meta " + name, why));
        if (!wrong.isEmpty()) {
            throw new InvalidInputException("resource " + u.resource(), p.resourceClass() + ":" + (p.provider() == null
                    ? "" : p.provider() + ":") + p.type(), String.join("; ", wrong.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).toList()));
        }
    }

    /**
     * Applies a plan the admin confirmed. The CIB version is read again first: if the configuration
     * changed since the preview, nothing is applied and the outcome carries a fresh plan to confirm.
     *
     * @param confirmation how the admin confirmed, for the audit log (e.g. "--yes", "terminal")
     */
    public ActionOutcome apply(ActionPlan plan, String confirmation) throws TransportException, ClusterCommandException {
        return apply(plan, confirmation, false);
    }

    /**
     * Applies a confirmed plan; one whose warnings need acknowledging (fencing off, quorum
     * ignored) is applied only when {@code acknowledged}, otherwise it ends refused.
     *
     * @param acknowledged the admin explicitly accepted the plan's warnings (e.g. {@code --i-understand})
     */
    public ActionOutcome apply(ActionPlan plan, String confirmation, boolean acknowledged)
            throws TransportException, ClusterCommandException {
        audit.append(ActionAuditRecord.confirmed(plan.actionId(), plan, confirmation
                + (plan.acknowledgementNeeded() && acknowledged ? ", warnings acknowledged" : "")));
        long start = System.nanoTime();
        ActionOutcome outcome;
        try {
            outcome = plan.acknowledgementNeeded() && !acknowledged
                    ? new ActionOutcome(ActionOutcome.Result.REFUSED, "not applied: the plan's warnings need an explicit"
                            + " acknowledgement: " + String.join("; ", plan.warnings().stream()
                                    .filter(RiskCheck.Warning::acknowledge).map(RiskCheck.Warning::text).toList()),
                            plan, null, List.of(), List.of(), List.of(), 0, millisSince(start))
                    : applyConfirmed(plan, start);
        } catch (TransportException | ClusterCommandException | RuntimeException e) {
            // Not "done" and not "failed": which of its commands reached the cluster is in their own
            // records above this one; the cluster's state, once it answers again, tells the rest.
            audit.append(ActionAuditRecord.interrupted(plan.actionId(), plan, "applying stopped, its end not known: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
            throw e;
        }
        audit.append(ActionAuditRecord.ended(plan.actionId(), outcome));
        return outcome;
    }

    /** Records that the admin did not confirm the plan: nothing was applied. */
    public void decline(ActionPlan plan, String why) {
        audit.append(ActionAuditRecord.declined(plan.actionId(), plan, why));
    }

    private ActionOutcome applyConfirmed(ActionPlan plan, long start) throws TransportException, ClusterCommandException {
        if (plan.refused()) {
            return new ActionOutcome(ActionOutcome.Result.REFUSED, String.join("; ", plan.refusals()), plan, null,
                    List.of(), List.of(), List.of(), 0, millisSince(start));
        }
        CibVersion now = new CibReader(node).readVersion();
        if (configurationChanged(plan.version(), now)) {
            ActionPlan fresh = plan(plan.action(), plan.actionId());
            return new ActionOutcome(ActionOutcome.Result.STALE, "the configuration changed since the preview ("
                    + plan.cibVersion() + " -> " + now + "): nothing was applied; confirm the new plan", plan, fresh,
                    List.of(), List.of(), List.of(), 0, millisSince(start));
        }
        List<CommandRun> runs = new ArrayList<>();
        try {
            for (Command c : plan.changeCommands()) {
                change(c, runs);
            }
        } catch (ClusterCommandException e) {
            // the tool refused the change: nothing to wait for or compare; the runs show any command before it
            return new ActionOutcome(ActionOutcome.Result.FAILED, e.getMessage(), plan, null, runs, List.of(),
                    List.of(), 0, millisSince(start));
        }
        String failure = null;
        List<Transition> stages = plan.prediction().transitions();
        try {
            if (plan.action() instanceof ClusterAction.Fence f) {
                awaitSeenLost(f.node(), runs);
            }
            settle(stages.get(0), runs);
            if (plan.afterLandingCommand() != null) {
                change(plan.afterLandingCommand(), runs);
                settle(stages.get(stages.size() - 1), runs);
            }
        } catch (ClusterNotSettledException e) {
            failure = e.getMessage();
        } catch (ClusterCommandException e) {
            failure = "the change was made, but " + e.getMessage();
        }
        long cluster = clusterMillis(runs);
        ClusterStatus actual = connection.status();
        List<PlacementDifference> differences = PlacementCheck.compare(plan.prediction().finalResources(),
                actual.resources(), plan.action() instanceof ClusterAction.Fence f && !f.off() ? f.node() : null);
        List<String> leftovers = leftovers(plan.action());
        if (failure != null) {
            return new ActionOutcome(ActionOutcome.Result.FAILED, failure, plan, null, runs, differences, leftovers,
                    cluster, millisSince(start));
        }
        String message = differences.isEmpty() && leftovers.isEmpty() ? "done, as predicted"
                : "done, not as predicted" + (differences.isEmpty() ? "" : ": "
                        + String.join("; ", differences.stream().map(PlacementDifference::describe).toList()))
                        + (leftovers.isEmpty() ? "" : "; constraints left behind: " + String.join(", ", leftovers));
        return new ActionOutcome(ActionOutcome.Result.DONE, message, plan, null, runs, differences, leftovers, cluster,
                millisSince(start));
    }

    /**
     * Waits until the cluster is idle. crm_resource --wait takes two seconds even on an idle
     * cluster (it sleeps before its first look), so when the prediction says this stage makes the
     * cluster do nothing, one look without the sleep comes first ({@link IdleCheck}); only if the
     * cluster is not idle after all does crm_resource wait. A stage that could not be staged (a
     * cleanup, whose effect the controller carries out after the command returns) predicts
     * nothing about the change, so it always waits.
     *
     * @throws ClusterNotSettledException when the cluster was still busy after the settle timeout
     * @throws ClusterCommandException     when crm_resource --wait failed otherwise
     */
    private void settle(Transition predicted, List<CommandRun> runs) throws TransportException, ClusterCommandException {
        if (!predicted.stage().isEmpty() && predicted.actions().isEmpty()) {
            long t0 = System.nanoTime();
            try {
                if (new IdleCheck(node).pending().isEmpty()) {
                    runs.add(new CommandRun(IDLE_LOOK, false, 0, millisSince(t0), "idle", ""));
                    return;
                }
            } catch (ClusterCommandException | RuntimeException e) {
                // the look is a shortcut only: crm_resource --wait decides
            }
        }
        CommandResult waited = look(CrmResource.waitForIdle(settleTimeout), runs);
        if (!waited.ok()) {
            throw ClusterNotSettledException.of(node.node(), settleTimeout, waited);
        }
    }

    /** How long the cluster may take to record a fenced node as down. */
    static final Duration SEEN_LOST = Duration.ofSeconds(30);
    static final String SEEN_LOST_LOOK = "crm_mon, until it shows the fenced node down";

    /**
     * Waits until the cluster records the fenced node as down. The fencer answers as soon as the
     * device has done its work, a moment before the controller writes the node's state; a wait for
     * the cluster to settle in that moment finds nothing to do and returns before the recovery.
     * A node back from its reboot within the look is taken as seen (it was down, and came back).
     */
    private void awaitSeenLost(String fenced, List<CommandRun> runs) throws TransportException, ClusterCommandException {
        long t0 = System.nanoTime();
        long deadline = t0 + SEEN_LOST.toNanos();
        while (System.nanoTime() < deadline) {
            boolean down = connection.status().nodes().stream().anyMatch(n -> n.name().equals(fenced) && !n.online());
            if (down) {
                runs.add(new CommandRun(SEEN_LOST_LOOK, false, 0, millisSince(t0), fenced + " down", ""));
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException(node.node(), TransportException.Kind.CANCELLED,
                        "interrupted while waiting for " + fenced + " to be seen down", e);
            }
        }
        runs.add(new CommandRun(SEEN_LOST_LOOK, false, 0, millisSince(t0), fenced + " never seen down (back already?)",
                ""));
    }

    /** Waiting is the cluster's time; the changes and the idle look are ClusterDeck's own work. */
    private long clusterMillis(List<CommandRun> runs) {
        String wait = CrmResource.waitForIdle(settleTimeout).display();
        return runs.stream().filter(r -> r.command().equals(wait)).mapToLong(CommandRun::durationMs).sum();
    }

    /** admin_epoch and epoch count configuration changes; num_updates only status updates, which happen all the time. */
    static boolean configurationChanged(CibVersion previewed, CibVersion now) {
        return previewed.adminEpoch() != now.adminEpoch() || previewed.epoch() != now.epoch();
    }

    /**
     * Runs one of the action's own commands, which change the cluster: the node's runner is told so,
     * and an audited one keeps the command's output.
     *
     * @throws ClusterCommandException when the tool refused it, typed by its exit code
     */
    private void change(Command c, List<CommandRun> runs) throws TransportException, ClusterCommandException {
        CommandResult r = node.runChanging(c);
        runs.add(CommandRun.of(c.display(), true, r));
        if (!r.ok()) {
            throw ClusterCommandException.of(node.node(), c, r);
        }
    }

    /** Runs a command that only looks at the cluster (a wait), however it ends. */
    private CommandResult look(Command c, List<CommandRun> runs) throws TransportException {
        CommandResult r = node.run(c);
        runs.add(CommandRun.of(c.display(), false, r));
        return r;
    }

    /** A move or demote whose constraint was to be cleared must leave no cli-prefer/cli-ban constraint of its resource. */
    private List<String> leftovers(ClusterAction action) throws TransportException, ClusterCommandException {
        Optional<String> resource = CommandDialect.clearsAfterLanding(action);
        if (resource.isEmpty()) {
            return List.of();
        }
        return new CibReader(node).read().constraints().stream()
                .filter(c -> LeftoverConstraint.isMoveOrBan(c.id()))
                .filter(c -> c.namedReferences().contains(resource.get()))
                .map(c -> c.id()).toList();
    }

    /**
     * What the node's Pacemaker says the property does; a name it does not know is said so.
     * Unreadable metadata costs the explanation only, not the plan.
     */
    private String explain(String name) throws TransportException {
        List<ClusterOption> options;
        try {
            options = new ClusterOptionsReader(node).read();
        } catch (ClusterCommandException | FormatException e) {
            return name + ": Pacemaker's description could not be read (" + e.getMessage().replaceAll("\\s+", " ") + ")";
        }
        return options.stream().filter(o -> o.name().equals(name)).findFirst().map(ClusterOption::explain)
                .orElse(name + ": Pacemaker on " + node.node() + " does not list this among its cluster options;"
                        + " it is stored but nothing reads it (a typo?)");
    }

    /** Whether corosync runs with two_node; null when that cannot be read, which only makes a warning less specific. */
    private Boolean twoNode() {
        try {
            return new QuorumReader(node).read().twoNode();
        } catch (TransportException | ClusterCommandException | RuntimeException e) {
            return null;
        }
    }

    /**
     * This node's DRBD view: its own disks and, through its connections, its peers' disks, which
     * is what the promotion rule needs. Unreadable DRBD state leaves the map empty, so a promotion
     * is refused rather than allowed blind.
     */
    private Map<String, DrbdStatus> drbd(NodeSoftware sw) {
        if (!sw.hasDrbd()) {
            return Map.of();
        }
        try {
            return Map.of(sw.nodeName(), new DrbdNodeReader(node).read());
        } catch (TransportException | RuntimeException e) {
            return Map.of();
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
