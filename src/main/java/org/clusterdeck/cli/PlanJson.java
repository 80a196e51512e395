package org.clusterdeck.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.setup.PlannedFile;
import org.clusterdeck.cluster.setup.SetupPlan;
import org.clusterdeck.cluster.setup.SetupStep;
import org.clusterdeck.transport.Command;

/** A setup plan as {@code setup --dry-run --json} prints it: commands as typed, per node. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record PlanJson(List<Step> steps) {
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Step(String name, String why, Map<String, List<String>> commands, Map<String, List<String>> check,
            Map<String, List<String>> verification, Map<String, List<String>> agreement, Map<String, List<String>> undo,
            List<PlannedFile> files, List<Destroys> destroys, String runsEveryTime) {
    }

    /** A command that overwrites a disk, with the sentence the admin confirms first. */
    record Destroys(String node, String disk, long sizeBytes, String operation, String confirmation) {
    }

    static PlanJson of(SetupPlan plan) {
        return new PlanJson(plan.steps().stream().map(PlanJson::step).toList());
    }

    private static Step step(SetupStep s) {
        return new Step(s.name(), s.why(), typed(s.commands()), typed(s.check()), typed(s.verification()),
                typed(s.agreement()), typed(s.undo()), s.files(), s.destroys().stream().map(d -> new Destroys(d.node(), d.disk(),
                        d.sizeBytes(), d.operation(), d.confirmation())).toList(), s.runsEveryTime());
    }

    private static Map<String, List<String>> typed(Map<String, List<Command>> byNode) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        byNode.forEach((node, commands) -> out.put(node, commands.stream().map(Command::display).toList()));
        return out;
    }
}
