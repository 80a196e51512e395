package org.clusterdeck.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
            files(sb, step.files());
            if (step.runsEveryTime() != null) {
                sb.append("   runs every time: ").append(step.runsEveryTime()).append('\n');
            } else {
                commands(sb, "already done when all of these succeed", step.check());
            }
            commands(sb, "verified by", step.verification());
            commands(sb, "done only when every node answers these the same", step.agreement());
            commands(sb, "undone by", step.undo());
        }
        return sb.toString();
    }

    /** Each file once with the nodes it is written on, and what it says: the admin reviews the content too. */
    private static void files(StringBuilder sb, List<PlannedFile> files) {
        Map<List<String>, List<String>> nodesByFile = new LinkedHashMap<>();
        for (PlannedFile f : files) {
            nodesByFile.computeIfAbsent(Arrays.asList(f.path(), f.mode(), f.backupPath(), f.copiedFrom(), f.content()),
                    k -> new ArrayList<>()).add(f.node());
        }
        nodesByFile.forEach((f, nodes) -> {
            sb.append("   writes ").append(f.get(0)).append(" on ").append(String.join(", ", nodes)).append(" (mode ")
                    .append(f.get(1)).append(f.get(3) == null ? "" : ", copied from " + f.get(3))
                    .append("; the file there before is kept as ").append(f.get(2)).append(")")
                    .append(f.get(4) == null ? f.get(3) == null ? ", made on the node, not shown\n" : "\n" : ":\n");
            if (f.get(4) != null) {
                f.get(4).lines().forEach(l -> sb.append("     | ").append(l).append('\n'));
            }
        });
    }

    private static void commands(StringBuilder sb, String title, Map<String, List<Command>> byNode) {
        if (byNode.isEmpty()) {
            return;
        }
        if (!title.isEmpty()) {
            sb.append("   ").append(title).append(":\n");
        }
        // the same commands on several nodes are shown once, naming them all
        Map<List<String>, List<String>> nodesByCommands = new LinkedHashMap<>();
        byNode.forEach((node, commands) -> nodesByCommands.computeIfAbsent(
                commands.stream().map(Command::display).toList(), k -> new ArrayList<>()).add(node));
        nodesByCommands.forEach((commands, nodes) -> {
            sb.append("   on ").append(String.join(", ", nodes)).append(":\n");
            commands.forEach(c -> sb.append("     $ ").append(c).append('\n'));
        });
    }
}
