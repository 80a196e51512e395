package org.clusterdeck.cli;

import java.util.List;
import org.clusterdeck.app.action.ActionOutcome;
import org.clusterdeck.app.action.ActionPlan;
import org.clusterdeck.app.action.CommandRun;
import org.clusterdeck.cluster.simulate.PlacementDifference;
import org.clusterdeck.cluster.simulate.PredictedAction;
import org.clusterdeck.cluster.simulate.Transition;

/** Plans and outcomes as people read them on a terminal. */
final class ActionText {
    private ActionText() {
    }

    static String plan(ActionPlan p) {
        StringBuilder sb = new StringBuilder("Action: ").append(p.description()).append('\n')
                .append("Node:   ").append(p.node()).append(" (").append(p.dialect()).append(" tools, CIB ")
                .append(p.cibVersion()).append(")\n")
                .append("Commands:\n");
        p.commands().forEach(c -> sb.append("  ").append(c).append('\n'));
        if (!p.configurationDiff().isEmpty()) {
            sb.append("Configuration (- before, + after):\n");
            p.configurationDiff().forEach(line -> sb.append("  ").append(line).append('\n'));
        }
        if (p.afterLanding() != null) {
            sb.append("Once it has landed:\n  ").append(p.afterLanding()).append('\n');
        }
        sb.append("Predicted:\n");
        List<Transition> ts = p.prediction().transitions();
        for (int i = 0; i < ts.size(); i++) {
            if (i > 0) {
                sb.append("  then, after ").append(ts.get(i).stage()).append(":\n");
            }
            List<PredictedAction> actions = ts.get(i).actions();
            if (actions.isEmpty()) {
                sb.append("    nothing changes\n");
            }
            actions.forEach(a -> sb.append("    ").append(a.describe()).append('\n'));
        }
        p.notes().forEach(n -> sb.append("Note: ").append(n).append('\n'));
        p.warnings().forEach(w -> sb.append(w.acknowledge() ? "WARNING (needs --i-understand): " : "Warning: ")
                .append(w.text()).append('\n'));
        p.refusals().forEach(r -> sb.append("REFUSED: ").append(r).append('\n'));
        return sb.toString();
    }

    /** @param planShown the plan was already printed for the confirmation */
    static String outcome(ActionOutcome o, boolean planShown) {
        StringBuilder sb = new StringBuilder(planShown ? "" : plan(o.plan()));
        sb.append("Ran:\n");
        for (CommandRun r : o.commands()) {
            sb.append("  ").append(r.command()).append("  -> exit ").append(r.exitCode()).append(", ")
                    .append(r.durationMs()).append(" ms\n");
        }
        for (PlacementDifference d : o.differences()) {
            sb.append("Differs: ").append(d.describe()).append('\n');
        }
        if (o.newPlan() != null) {
            sb.append("New plan:\n").append(plan(o.newPlan()));
        }
        return sb.append(o.result().word().toUpperCase()).append(": ").append(o.message())
                .append(" (").append(o.totalMillis()).append(" ms, of which the cluster ").append(o.clusterMillis())
                .append(" ms)\n").toString();
    }
}
