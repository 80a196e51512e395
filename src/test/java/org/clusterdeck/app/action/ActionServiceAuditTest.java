package org.clusterdeck.app.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.audit.AuditingRunner;
import org.clusterdeck.cluster.command.ClusterAction;
import org.clusterdeck.ui.action.SimulatedCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the audit log says about an applied action, read back from the file as plain JSON: the
 * lab's configuration in a CIB file, planned and applied by the real Pacemaker tools
 * ({@link SimulatedCluster}) through an {@link AuditingRunner}, as the application wires it.
 */
class ActionServiceAuditTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final String MOVE = "crm_resource --move --resource g_dhcp --node node2";
    private static final String CLEAR = "crm_resource --clear --resource g_dhcp";

    @TempDir
    Path dir;

    @Test
    void anAppliedMoveMarksItsChangingCommandsWithTheirOutputAndExitCode() throws Exception {
        SimulatedCluster cluster = SimulatedCluster.labStack(dir);
        Path logDir = dir.resolve("audit");
        try (AuditLog audit = new AuditLog(logDir)) {
            ActionService service = new ActionService(new AuditingRunner(cluster, audit), audit, SETTLE);
            ActionPlan plan = service.plan(new ClusterAction.Move("g_dhcp", "node2", null, false, false));
            assertEquals(List.of(MOVE), plan.commands());
            ActionOutcome outcome = service.apply(plan, "test");
            assertEquals(ActionOutcome.Result.DONE, outcome.result(), outcome.message());
        }
        List<JsonNode> lines = lines(logDir);

        // the command lines: the move and the clear after landing are changes, with what they printed
        List<JsonNode> commands = lines.stream().filter(l -> !l.has("type")).toList();
        List<JsonNode> changes = commands.stream().filter(c -> c.get("changing").asBoolean()).toList();
        assertEquals(List.of(MOVE, CLEAR), changes.stream().map(c -> c.get("display").asText()).toList());
        for (JsonNode c : changes) {
            assertEquals(0, c.get("exitCode").asInt(), c.toString());
            assertEquals("ok", c.get("outcome").asText());
            assertTrue(c.get("stdout").isTextual() && c.get("stderr").isTextual(), "output kept: " + c);
        }
        // crm_resource says which constraint it removed: the clear's own output is what was kept
        assertTrue((changes.get(1).get("stdout").asText() + changes.get(1).get("stderr").asText())
                .contains("cli-prefer-g_dhcp"), changes.get(1).toString());
        // everything else only looked (the CIB, crm_mon, crm_simulate, the wait) and is kept without output
        List<JsonNode> reads = commands.stream().filter(c -> !c.get("changing").asBoolean()).toList();
        assertTrue(reads.stream().anyMatch(c -> c.get("display").asText().startsWith("crm_resource --wait")),
                "the wait is audited as a read");
        reads.forEach(c -> assertTrue(c.get("stdout").isNull() && c.get("stderr").isNull(), c.toString()));
        // in the order they ran: the move, then the wait for it, then the clear
        List<String> order = commands.stream().map(c -> c.get("display").asText())
                .filter(d -> d.equals(MOVE) || d.equals(CLEAR) || d.startsWith("crm_resource --wait")).toList();
        assertEquals(List.of(MOVE, "crm_resource --wait --timeout=5s", CLEAR), order);

        // the action's own end line marks the same commands, with exit codes and output
        JsonNode done = lines.stream().filter(l -> "done".equals(l.path("step").asText())).findFirst().orElseThrow();
        List<String> ran = new ArrayList<>();
        done.get("outcome").get("commands").forEach(c -> ran.add((c.get("changing").asBoolean() ? "change " : "look ")
                + c.get("command").asText().replaceFirst("^idle check.*", "idle check") + " -> "
                + c.get("exitCode").asInt()));
        assertEquals(List.of("change " + MOVE + " -> 0", "look crm_resource --wait --timeout=5s -> 0",
                "change " + CLEAR + " -> 0", "look idle check -> 0"), ran);
        JsonNode clear = done.get("outcome").get("commands").get(2);
        assertTrue((clear.get("stdout").asText() + clear.get("stderr").asText()).contains("cli-prefer-g_dhcp"),
                clear.toString());
    }

    private static List<JsonNode> lines(Path logDir) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(logDir.resolve(AuditLog.FILE_NAME))) {
            out.add(JSON.readTree(line));
        }
        assertFalse(out.isEmpty());
        return out;
    }
}
