package org.clusterdeck.cli;

import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.setup.Destruction;
import org.clusterdeck.cluster.setup.PlannedFile;
import org.clusterdeck.cluster.setup.SetupPlan;
import org.clusterdeck.cluster.setup.SetupStep;
import org.clusterdeck.transport.Command;

/** A setup plan as an admin reads it before anything runs: every command per node, step by step. */
final class PlanText {
    private PlanText() {
    }

    static String of(SetupPlan plan) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (SetupStep step : plan.steps()) {
            sb.append('\n').append(++n).append(". ").append(step.name()).append(": ").append(step.why()).append('\n');
            for (Destruction d : step.destroys()) {
                sb.append("   DESTROYS DATA, asks first: ").append(d.confirmation()).append('\n');
            }
            commands(sb, "", step.commands());
            for (PlannedFile f : step.files()) {
                sb.append("   writes ").append(f.path()).append(" on ").append(f.node()).append(" (mode ").append(f.mode())
                        .append(f.copiedFrom() == null ? "" : ", copied from " + f.copiedFrom())
                        .append("; the file there before is kept as ").append(f.backupPath()).append(")\n");
            }
            if (step.runsEveryTime() != null) {
                sb.append("   runs every time: ").append(step.runsEveryTime()).append('\n');
            } else {
                commands(sb, "already done when all of these succeed", step.check());
            }
            commands(sb, "verified by", step.verification());
            commands(sb, "undone by", step.undo());
        }
        return sb.toString();
    }

    private static void commands(StringBuilder sb, String title, Map<String, List<Command>> byNode) {
        if (byNode.isEmpty()) {
            return;
        }
        if (!title.isEmpty()) {
            sb.append("   ").append(title).append(":\n");
        }
        byNode.forEach((node, commands) -> {
            sb.append("   on ").append(node).append(":\n");
            commands.forEach(c -> sb.append("     $ ").append(c.display()).append('\n'));
        });
    }
}
