package org.clusterdeck.app.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.audit.AuditingRunner;
import org.clusterdeck.app.nodes.NodeConnection;
import org.clusterdeck.cluster.command.ClusterAction;
import org.clusterdeck.cluster.command.CrmMon;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.LocalProcessRunner;
import org.clusterdeck.transport.Runners;
import org.clusterdeck.transport.TransportException;
import org.clusterdeck.ui.action.SimulatedCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
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

    private AuditLog audit;

    @BeforeEach
    void openAudit() {
        audit = new AuditLog(dir.resolve("audit"));
    }

    @AfterEach
    void closeAudit() {
        audit.close();
    }

    @Test
    void anAppliedMoveMarksItsChangingCommandsWithTheirOutputAndExitCode() throws Exception {
        ActionOutcome outcome = moveThrough(SimulatedCluster.labStack(dir));
        assertEquals(List.of(MOVE), outcome.plan().commands());
        assertEquals(ActionOutcome.Result.DONE, outcome.result(), outcome.message());
        List<JsonNode> lines = lines();

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

    @Test
    void aClusterThatDoesNotSettleFailsSayingSoWithWhatIsLeftAndClearsNothing() throws Exception {
        SimulatedCluster cluster = SimulatedCluster.labStack(dir);
        cluster.frozen = true;
        ActionOutcome outcome = moveThrough(cluster);

        assertEquals(ActionOutcome.Result.FAILED, outcome.result());
        CommandRun wait = outcome.commands().get(1);
        assertEquals(124, wait.exitCode(), wait.toString());
        long pending = wait.stdout().lines().filter(l -> l.strip().startsWith("Action ")).count();
        assertTrue(pending > 5, wait.stdout());
        assertTrue(outcome.message().startsWith("the cluster did not settle within 5 s (crm_resource --wait"
                + " --timeout=5s on node1): " + pending + " actions ("), outcome.message());
        assertTrue(outcome.message().endsWith(", and " + (pending - 5) + " more) still pending"), outcome.message());
        assertEquals(List.of("change " + MOVE, "look crm_resource --wait --timeout=5s"), outcome.commands().stream()
                .map(c -> (c.changing() ? "change " : "look ") + c.command()).toList(), "no clear before it landed");

        List<JsonNode> lines = lines();
        JsonNode waited = lines.stream().filter(l -> l.path("display").asText().startsWith("crm_resource --wait"))
                .findFirst().orElseThrow();
        assertEquals(124, waited.get("exitCode").asInt());
        assertFalse(waited.get("changing").asBoolean());
        JsonNode failed = lines.get(lines.size() - 1);
        assertEquals("failed", failed.get("step").asText());
        assertEquals(outcome.message(), failed.get("outcome").get("message").asText());
    }

    @Test
    void aMoveTheNodeCannotMakeFailsWithTheToolsTypedErrorAndItsAuditLine() throws Exception {
        ActionOutcome outcome = moveFailingAt(MOVE);
        assertTrue(outcome.message().startsWith("node1: '" + MOVE + "' failed with exit code 102 (Not connected: the"
                + " cluster stack"), outcome.message());
        assertTrue(outcome.message().contains("Could not connect to the CIB"), outcome.message());
        assertEquals(List.of(MOVE), outcome.commands().stream().map(CommandRun::command).toList());

        JsonNode move = lines().stream().filter(l -> MOVE.equals(l.path("display").asText()))
                .findFirst().orElseThrow();
        assertTrue(move.get("changing").asBoolean(), move.toString());
        assertEquals(102, move.get("exitCode").asInt());
        assertEquals("failed", move.get("outcome").asText());
        assertTrue(move.get("stderr").asText().contains("Could not connect to the CIB"), move.toString());
    }

    @Test
    void aClearAfterLandingThatFailsIsAFailureNamingItWithTheConstraintLeftBehind() throws Exception {
        ActionOutcome outcome = moveFailingAt(CLEAR);
        assertTrue(outcome.message().startsWith("the change was made, but node1: '" + CLEAR + "' failed with exit code"
                + " 102 (Not connected"), outcome.message());
        assertEquals(List.of("cli-prefer-g_dhcp"), outcome.leftovers());
        assertTrue(outcome.differences().isEmpty(), "the move itself landed: " + outcome.differences());
    }

    /**
     * The link to the node drops after the move was made, while waiting for the cluster: the action
     * is not reported done or failed, the audit ends it "interrupted" saying why, and the move's
     * command record stays above it; the move's constraint is still in the cluster for the console
     * to show once it reads the cluster again.
     */
    @Test
    void aLinkThatDropsWhileApplyingEndsTheActionInterruptedNeverDone() throws Exception {
        SimulatedCluster cluster = SimulatedCluster.labStack(dir);
        CommandRunner dropping = Runners.of(cluster.node(), command -> {
            if (command.display().startsWith("crm_resource --wait")) {
                throw new TransportException(cluster.node(), TransportException.Kind.UNREACHABLE,
                        "connection lost: Broken transport; encountered EOF");
            }
            return cluster.run(command);
        });
        TransportException e = assertThrows(TransportException.class, () -> moveThrough(dropping));
        assertTrue(e.getMessage().contains("connection lost"), e.getMessage());

        List<JsonNode> lines = lines();
        JsonNode last = lines.get(lines.size() - 1);
        assertEquals("interrupted", last.get("step").asText(), last.toString());
        assertTrue(last.get("confirmation").asText().startsWith("applying stopped, its end not known: node1: connection"
                + " lost"), last.toString());
        assertTrue(lines.stream().noneMatch(l -> "done".equals(l.path("step").asText())
                || "failed".equals(l.path("step").asText())), "no end claimed");
        JsonNode move = lines.stream().filter(l -> MOVE.equals(l.path("display").asText())).findFirst().orElseThrow();
        assertEquals(0, move.get("exitCode").asInt(), "what is known: the move ran");
        assertTrue(cluster.run(Command.of("cibadmin", "--query", "--scope", "constraints")).stdout()
                .contains("cli-prefer-g_dhcp"), "the move's constraint stays until someone clears it");
        // reported when it happened: not an unfinished action at the next start
        assertEquals(List.of(), UnfinishedActions.in(audit.file().getParent()));
    }

    /**
     * The console killed after the confirmation, before the action's end was written: the next
     * start finds it unfinished (also past a line the kill cut short), until it is acknowledged.
     */
    @Test
    void anActionConfirmedAndNeverEndedIsUnfinishedUntilAcknowledged() throws Exception {
        SimulatedCluster cluster = SimulatedCluster.labStack(dir);
        ActionService service = new ActionService(new NodeConnection(new AuditingRunner(cluster, audit)), audit, SETTLE);
        ActionPlan plan = service.plan(new ClusterAction.Move("g_dhcp", "node2", null, false, false));
        audit.append(ActionAuditRecord.confirmed(plan.actionId(), plan, "window"));
        audit.close();
        Files.writeString(audit.file(), "{\"time\":\"2026-12-07T10:00:00.000Z\",\"type\":\"action\",\"actionId\":\"",
                StandardOpenOption.APPEND);
        ActionOutcome other = moveThrough(SimulatedCluster.labStack(Files.createDirectories(dir.resolve("other"))));
        assertEquals(ActionOutcome.Result.DONE, other.result(), "a later action, ended");
        // the line cut short stays alone: the records written after it are whole
        long unreadable = Files.readAllLines(audit.file()).stream().filter(l -> {
            try {
                JSON.readTree(l);
                return false;
            } catch (IOException notJson) {
                return true;
            }
        }).count();
        assertEquals(1, unreadable);

        List<UnfinishedAction> unfinished = UnfinishedActions.in(audit.file().getParent());
        assertEquals(1, unfinished.size(), unfinished.toString());
        UnfinishedAction u = unfinished.get(0);
        assertEquals(plan.actionId(), u.actionId());
        assertEquals("node1", u.node());
        assertEquals(plan.description(), u.description());
        assertTrue(u.confirmedAt().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), u.confirmedAt());

        UnfinishedActions.acknowledge(audit, u, "window");
        assertEquals(List.of(), UnfinishedActions.in(audit.file().getParent()));
    }

    /**
     * A move through a node whose cluster stack stops between preview and apply, as seen by the
     * command {@code failing}: that one reaches this machine's tools without a CIB file, which find
     * no cluster (exit 102); everything else runs on the simulated cluster. The move must fail.
     */
    private ActionOutcome moveFailingAt(String failing) throws Exception {
        SimulatedCluster cluster = SimulatedCluster.labStack(dir);
        LocalProcessRunner noCluster = new LocalProcessRunner(cluster.node());
        Assumptions.assumeTrue(noCluster.run(CrmMon.status()).exitCode() == 102,
                "a cluster answered on this machine; nothing to test");
        CommandRunner stopping = Runners.of(cluster.node(),
                command -> command.display().equals(failing) ? noCluster.run(command) : cluster.run(command));
        ActionOutcome outcome = moveThrough(stopping);
        assertEquals(ActionOutcome.Result.FAILED, outcome.result(), outcome.message());
        return outcome;
    }

    /** Moves g_dhcp to node2 through the node audited as the application has it: an AuditingRunner. */
    private ActionOutcome moveThrough(CommandRunner node) throws Exception {
        ActionService service = new ActionService(new NodeConnection(new AuditingRunner(node, audit)), audit, SETTLE);
        return service.apply(service.plan(new ClusterAction.Move("g_dhcp", "node2", null, false, false)), "test");
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(audit.file())) {
            out.add(JSON.readTree(line));
        }
        assertFalse(out.isEmpty());
        return out;
    }
}
