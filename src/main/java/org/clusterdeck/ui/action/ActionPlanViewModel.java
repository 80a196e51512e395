package org.clusterdeck.ui.action;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.clusterdeck.app.action.ActionOutcome;
import org.clusterdeck.app.action.ActionPlan;
import org.clusterdeck.app.action.ActionService;
import org.clusterdeck.app.action.ClusterActions;
import org.clusterdeck.app.action.CommandRun;
import org.clusterdeck.cluster.command.ClusterAction;
import org.clusterdeck.cluster.simulate.PlacementDifference;
import org.clusterdeck.cluster.simulate.Transition;
import org.clusterdeck.ui.Background;

/**
 * One action from the window, from preview to outcome: plans on the first node that answers, shows
 * the commands and crm_simulate's prediction, applies only when the admin confirms, and shows how it
 * ended. Planning and applying run in the background; everything here is read and changed on the UI
 * thread. The plan dialog binds to it; tests drive it directly.
 */
public final class ActionPlanViewModel {
    /** What the audit log records as the admin's confirmation. */
    public static final String CONFIRMATION = "confirmed in the ClusterDeck window";
    /** Reading the CIB and status and running crm_simulate on a staged copy. */
    private static final Duration PLAN_TIMEOUT = Duration.ofSeconds(120);
    /** Beyond the service's own settle timeouts (twice, for a move and clearing its constraint). */
    private static final Duration APPLY_TIMEOUT = Duration.ofMinutes(6);

    private final ClusterAction action;
    private final ClusterActions actions;
    private final Background background;

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.PLANNING);
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper where = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper commands = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper configuration = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper predictionSummary = new ReadOnlyStringWrapper("");
    private final ObservableList<PredictionLine> prediction = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final ObservableList<String> refusals = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper acknowledgementNeeded = new ReadOnlyBooleanWrapper();
    private final BooleanProperty acknowledged = new SimpleBooleanProperty();
    private final ObservableList<String> differences = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper ran = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ActionPlan> plan = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ActionOutcome> outcome = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canApply = Bindings.createBooleanBinding(() -> phase.get() == Phase.READY
            && (!acknowledgementNeeded.get() || acknowledged.get()), phase, acknowledgementNeeded, acknowledged);
    private final BooleanBinding busy = Bindings.createBooleanBinding(
            () -> phase.get() == Phase.PLANNING || phase.get() == Phase.APPLYING, phase);

    private ActionService service;
    private boolean dismissed;

    /** Where the action stands; the dialog shows the phase's state and enables Apply only when READY. */
    public enum Phase {
        /** Previewing on a node: nothing shown yet. */
        PLANNING,
        /** The plan is shown and may be applied. */
        READY,
        /** ClusterDeck refuses the plan (reasons shown): it cannot be applied. */
        REFUSED,
        /** Confirmed: commands run, then the cluster is followed until it settles. */
        APPLYING,
        /** Applied and compared with the prediction (as predicted or not: see the headline and differences). */
        DONE,
        /** A command failed or the cluster did not settle: the output is shown. */
        FAILED,
        /** No plan could be made (no node answered, unknown name, tool error), or applying broke off. */
        ERROR
    }

    public ActionPlanViewModel(ClusterAction action, ClusterActions actions, Background background) {
        this.action = action;
        this.actions = actions;
        this.background = background;
        headline.set("Previewing \u2026");
    }

    /** Previews the action in the background, on the first node that answers. */
    public void plan() {
        headline.set("Previewing on the cluster: reading the CIB and running crm_simulate on a copy of it \u2026");
        background.run("Previewing \"" + action.describe() + "\"", PLAN_TIMEOUT, () -> actions.plan(action), planned -> {
            service = planned.service();
            show(planned.plan(), null);
            planned.warnings().forEach(w -> notes.add("not reached, so planned on " + planned.plan().node() + ": " + w));
        }, error -> {
            phase.set(Phase.ERROR);
            headline.set("No plan: " + error.getMessage());
        });
    }

    /**
     * Applies the shown plan: only when {@link #canApplyProperty()}, i.e. after the admin saw it and,
     * for a plan whose warnings need it, ticked the acknowledgement. The service re-checks the CIB
     * version first; a changed CIB brings a new plan to confirm instead.
     */
    public void apply() {
        if (!canApply.get()) {
            return;
        }
        ActionPlan confirmed = plan.get();
        boolean acknowledgedWarnings = acknowledged.get();
        phase.set(Phase.APPLYING);
        headline.set("Applying on " + confirmed.node() + ", then following the cluster until it settles \u2026");
        background.run("Applying \"" + action.describe() + "\"", APPLY_TIMEOUT,
                () -> service.apply(confirmed, CONFIRMATION, acknowledgedWarnings), this::showOutcome, error -> {
                    phase.set(Phase.ERROR);
                    headline.set("Applying broke off, the cluster may be part-way: " + error.getMessage()
                            + ". Check the overview before trying again.");
                });
    }

    /** The dialog closed: a plan shown but not applied is recorded as declined. */
    public void dismiss() {
        if (dismissed) {
            return;
        }
        dismissed = true;
        if (phase.get() == Phase.READY) {
            ActionPlan shown = plan.get();
            ActionService s = service;
            background.run("Recording that the plan was not applied", Duration.ofSeconds(10), () -> {
                s.decline(shown, "the plan dialog was closed in the ClusterDeck window without applying");
                return shown;
            }, declined -> {
            }, error -> headline.set("The audit log could not record the decline: " + error.getMessage()));
        }
    }

    private void showOutcome(ActionOutcome o) {
        outcome.set(o);
        ran.set(String.join("\n", o.commands().stream().map(ActionPlanViewModel::ran).toList()));
        differences.setAll(o.differences().stream().map(PlacementDifference::describe).toList());
        o.leftovers().forEach(l -> differences.add("constraint left behind: " + l));
        String timing = " (" + seconds(o.totalMillis()) + ", of which the cluster's own work " + seconds(o.clusterMillis())
                + ")";
        switch (o.result()) {
            case DONE -> {
                phase.set(Phase.DONE);
                headline.set(o.message() + timing);
            }
            case STALE -> show(o.newPlan(), o.message());
            case REFUSED -> {
                phase.set(Phase.REFUSED);
                headline.set("Refused, nothing was applied: " + o.message());
            }
            case FAILED -> {
                phase.set(Phase.FAILED);
                headline.set("Failed: " + o.message() + timing);
            }
        }
    }

    /** "crm_resource --move … -> exit 0 (0.4 s)", with the output of a command that failed. */
    private static String ran(CommandRun r) {
        String line = r.command() + "  \u2192 exit " + r.exitCode() + " (" + seconds(r.durationMs()) + ")";
        if (r.ok()) {
            return line;
        }
        String output = (r.stdout().strip() + "\n" + r.stderr().strip()).strip();
        return output.isEmpty() ? line : line + "\n    " + output.replace("\n", "\n    ");
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** Shows a plan; {@code why} says why it replaces one the admin already saw (the CIB changed). */
    private void show(ActionPlan p, String why) {
        plan.set(p);
        where.set("on " + p.node() + "  \u00b7  " + p.dialect() + " tools  \u00b7  CIB " + p.cibVersion());
        StringBuilder typed = new StringBuilder();
        p.commands().forEach(c -> typed.append(c).append('\n'));
        if (p.afterLanding() != null) {
            typed.append("# once it has landed:\n").append(p.afterLanding()).append('\n');
        }
        commands.set(typed.toString().strip());
        configuration.set(String.join("\n", p.configurationDiff()));
        prediction.setAll(lines(p.prediction().transitions()));
        predictionSummary.set(summary(p));
        notes.setAll(p.notes());
        refusals.setAll(p.refusals());
        warnings.setAll(p.warnings().stream().map(w -> w.text()).toList());
        // a fresh plan (the CIB changed) is acknowledged afresh
        acknowledged.set(false);
        acknowledgementNeeded.set(p.acknowledgementNeeded());
        String prefix = why == null ? "" : "Not applied: " + why + ". ";
        if (p.refused()) {
            phase.set(Phase.REFUSED);
            headline.set(prefix + "ClusterDeck refuses this action; nothing will be applied.");
        } else {
            phase.set(Phase.READY);
            headline.set(prefix + (why == null ? "Check the commands and the prediction, then apply."
                    : "This is the plan for the changed CIB: check it again before applying."));
        }
    }

    static List<PredictionLine> lines(List<Transition> transitions) {
        List<PredictionLine> out = new ArrayList<>();
        for (int i = 0; i < transitions.size(); i++) {
            Transition t = transitions.get(i);
            if (i > 0) {
                out.add(new PredictionLine("then, after " + t.stage() + ":", PredictionLine.Effect.STAGE));
            }
            if (t.actions().isEmpty()) {
                out.add(new PredictionLine("nothing changes", PredictionLine.Effect.NOTHING));
            }
            t.actions().forEach(a -> out.add(PredictionLine.of(a)));
        }
        return out;
    }

    /** E.g. "Predicted: 3 move, 1 promote, 1 demote; nothing is fenced". */
    static String summary(ActionPlan p) {
        Map<PredictionLine.Effect, Integer> counts = new EnumMap<>(PredictionLine.Effect.class);
        p.prediction().actions().forEach(a -> counts.merge(PredictionLine.Effect.of(a), 1, Integer::sum));
        if (counts.isEmpty()) {
            return "Predicted: the cluster does nothing";
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((e, n) -> parts.add(n + " " + e.name().toLowerCase(Locale.ROOT)));
        return "Predicted: " + String.join(", ", parts)
                + (counts.containsKey(PredictionLine.Effect.FENCE) ? "" : "; nothing is fenced");
    }

    public ClusterAction action() {
        return action;
    }

    /** What the action does, in a line. */
    public String title() {
        return action.describe();
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** One line on where things stand: previewing, what to check, the outcome's message. */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** Node, tools and CIB version of the plan. */
    public ReadOnlyStringProperty whereProperty() {
        return where.getReadOnlyProperty();
    }

    /** The commands as the admin would type them, one a line; the after-landing step below a comment. */
    public ReadOnlyStringProperty commandsProperty() {
        return commands.getReadOnlyProperty();
    }

    /** The configuration's XML before and after, as diff lines; empty when the action does not rewrite it. */
    public ReadOnlyStringProperty configurationProperty() {
        return configuration.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty predictionSummaryProperty() {
        return predictionSummary.getReadOnlyProperty();
    }

    /** The predicted transition(s), line by line. */
    public ObservableList<PredictionLine> prediction() {
        return prediction;
    }

    public ObservableList<String> notes() {
        return notes;
    }

    /** Why ClusterDeck refuses the plan; Apply stays disabled while there are any. */
    public ObservableList<String> refusals() {
        return refusals;
    }

    /** Risks the admin takes by applying (fencing off, quorum ignored, maintenance left on …). */
    public ObservableList<String> warnings() {
        return warnings;
    }

    /** Some warning is serious enough that Apply needs {@link #acknowledgedProperty()} ticked. */
    public ReadOnlyBooleanProperty acknowledgementNeededProperty() {
        return acknowledgementNeeded.getReadOnlyProperty();
    }

    /** The admin's explicit "I understand the risk", recorded in the audit log with the confirmation. */
    public BooleanProperty acknowledgedProperty() {
        return acknowledged;
    }

    /** After applying: resources not where the prediction put them, and constraints left behind. */
    public ObservableList<String> differences() {
        return differences;
    }

    /** After applying: each command run with its exit code and time, failed ones with their output. */
    public ReadOnlyStringProperty ranProperty() {
        return ran.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ActionPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ActionOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public BooleanBinding canApplyProperty() {
        return canApply;
    }

    /** Previewing or applying: the dialog shows progress and must not be closed while applying. */
    public BooleanBinding busyProperty() {
        return busy;
    }
}
