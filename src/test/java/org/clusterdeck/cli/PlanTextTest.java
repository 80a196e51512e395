package org.clusterdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.setup.NodeGeneration;
import org.clusterdeck.cluster.setup.PlannedFile;
import org.clusterdeck.cluster.setup.SetupPlan;
import org.clusterdeck.cluster.setup.SetupSpecReader;
import org.clusterdeck.cluster.setup.SetupStep;
import org.clusterdeck.transport.Command;
import org.junit.jupiter.api.Test;

/** The plan as setup --dry-run prints it: every command, file and destructive step of the plan is in the text. */
class PlanTextTest {
    @Test
    void everyCommandFileAndConfirmationOfThePlanIsShown() {
        NodeGeneration g = new NodeGeneration(true, "3.0.1-1", NodeGeneration.PackageManager.APT, 8L << 30, 0);
        SetupPlan plan = SetupPlan.of(SetupSpecReader.read(SetupSpecReader.example()), Map.of("node1", g, "node2", g));
        String text = PlanText.of(plan);
        for (SetupStep step : plan.steps()) {
            assertTrue(text.contains(". " + step.name() + ": " + step.why()), step.name());
            for (Map<String, List<Command>> byNode : List.of(step.commands(), step.check(), step.verification(),
                    step.undo())) {
                byNode.values().stream().flatMap(List::stream).map(Command::display).forEach(typed ->
                        assertTrue(text.contains("     $ " + typed + "\n"), step.name() + ": " + typed));
            }
            step.destroys().forEach(d -> assertTrue(text.contains("DESTROYS DATA, asks first: " + d.confirmation()),
                    d.toString()));
            for (PlannedFile f : step.files()) {
                assertTrue(text.contains("writes " + f.path() + " on "), f.path());
                if (f.content() != null) {
                    f.content().lines().forEach(l -> assertTrue(text.contains("     | " + l + "\n"), f.path() + ": " + l));
                }
            }
        }
        // a file written alike on both nodes is shown once, naming both
        assertEquals(1, count(text, "writes /etc/corosync/corosync.conf on node1, node2 "), text);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
