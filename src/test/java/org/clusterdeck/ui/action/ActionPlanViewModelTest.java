package org.clusterdeck.ui.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.app.action.ActionService;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.ui.ScriptedDialogs;
import org.clusterdeck.ui.Snapshots;
import org.clusterdeck.ui.UiLoop;
import org.clusterdeck.ui.action.ActionPlanViewModel.Phase;
import org.clusterdeck.ui.clusters.ClusterViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Actions from the window against real plans: the lab's configuration in a CIB file, planned and
 * applied by the real {@link ActionService} through the real Pacemaker tools ({@link SimulatedCluster});
 * the plan dialog is answered by the test. What happened is read back from the CIB by XPath and
 * from the audit log as plain JSON, not through the view model.
 */
class ActionPlanViewModelTest {
    private static final Duration WAIT = ActionFixture.WAIT;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ActionFixture f;
    private UiLoop ui;
    private ScriptedDialogs dialogs;
    private SimulatedCluster cluster;
    private AuditLog audit;
    private ActionsViewModel actions;

    @BeforeEach
    void cluster() throws Exception {
        f = new ActionFixture(dir);
        ui = f.ui;
        dialogs = f.dialogs;
        cluster = f.cluster;
        audit = f.audit;
        actions = f.actions;
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private void until(ActionPlanViewModel plan, Phase phase) {
        f.until(plan, phase);
    }

    private List<String> runningOn(String resource) {
        return f.crmMon("//resource[@id='" + resource + "' and @active='true']/node/@name");
    }

    private List<String> cliConstraints() {
        return f.cliConstraints();
    }

    private List<JsonNode> auditLines() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(audit.file())) {
            JsonNode n = JSON.readTree(line);
            if ("action".equals(n.path("type").asText())) {
                out.add(n);
            }
        }
        return out;
    }

    @Test
    void aMoveIsPlannedShownAppliedAndDoneAsPredictedWithNoConstraintLeft() throws Exception {
        assertEquals(List.of("node1"), runningOn("p_dhcpd"));
        actions.selectResource("g_dhcp");
        assertEquals(List.of("node2"), actions.moveTargets(), "the stack runs on node1: node2 is where it can go");
        dialogs.planAnswers.add(plan -> {
            until(plan, Phase.READY);
            assertTrue(plan.canApplyProperty().get());
            assertTrue(plan.commandsProperty().get().startsWith("crm_resource --move --resource g_dhcp --node node2"),
                    plan.commandsProperty().get());
            assertTrue(plan.commandsProperty().get().contains("# once it has landed:\ncrm_resource --clear"),
                    plan.commandsProperty().get());
            List<String> lines = plan.prediction().stream().map(PredictionLine::text).toList();
            assertTrue(lines.contains("move p_dhcpd node1 -> node2"), String.valueOf(lines));
            assertTrue(plan.prediction().stream().anyMatch(l -> l.effect() == PredictionLine.Effect.PROMOTE
                    && l.text().contains("on node2")), String.valueOf(lines));
            assertTrue(plan.prediction().stream().noneMatch(l -> l.effect() == PredictionLine.Effect.FENCE));
            assertTrue(plan.predictionSummaryProperty().get().contains("3 move"), plan.predictionSummaryProperty().get());
            plan.apply();
            until(plan, Phase.DONE);
        });
        actions.moveTo("node2");

        ActionPlanViewModel plan = dialogs.plansShown.get(0);
        assertTrue(plan.headlineProperty().get().startsWith("done, as predicted"), plan.headlineProperty().get());
        assertTrue(plan.differences().isEmpty());
        assertTrue(plan.ranProperty().get().contains("crm_resource --move --resource g_dhcp --node node2  \u2192 exit 0"),
                plan.ranProperty().get());
        assertEquals(List.of("node2"), runningOn("p_dhcpd"));
        assertEquals(List.of("node2"), runningOn("p_fs_data"));
        assertEquals(List.of(), cliConstraints(), "the move's constraint is cleared once it has landed");

        List<JsonNode> log = auditLines();
        assertEquals(List.of("planned", "confirmed", "done"), log.stream().map(n -> n.get("step").asText()).toList());
        assertEquals(ActionPlanViewModel.CONFIRMATION, log.get(1).get("confirmation").asText());
        assertTrue(log.get(1).get("confirmation").asText().contains("window"));
    }

    @Test
    void aCibChangedAfterThePreviewBringsANewPlanAndAppliesNothing() throws Exception {
        actions.selectResource("p_dhcpd");
        List<String> versions = new ArrayList<>();
        dialogs.planAnswers.add(plan -> {
            until(plan, Phase.READY);
            versions.add(plan.planProperty().get().cibVersion());
            // someone else changes the configuration while the admin reads the plan
            Snapshots.run(List.of("crm_attribute", "--type", "crm_config", "--name", "batch-limit", "--update", "7"),
                    cluster.cib().toString());
            plan.apply();
            until(plan, Phase.READY);
            versions.add(plan.planProperty().get().cibVersion());
        });
        actions.moveTo("node2");

        ActionPlanViewModel plan = dialogs.plansShown.get(0);
        assertTrue(plan.headlineProperty().get().startsWith("Not applied: the configuration changed since the preview"),
                plan.headlineProperty().get());
        assertNotEquals(versions.get(0), versions.get(1));
        assertEquals(List.of("node1"), runningOn("p_dhcpd"), "nothing was applied");
        assertEquals(List.of(), cliConstraints());
        // the dialog closed on the new plan without applying it: declined, as the window says
        ui.runUntil(() -> {
            try {
                return auditLines().stream().anyMatch(n -> n.get("step").asText().equals("declined"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, WAIT);
        JsonNode declined = auditLines().stream().filter(n -> n.get("step").asText().equals("declined")).findFirst()
                .orElseThrow();
        assertTrue(declined.get("confirmation").asText().contains("window without applying"));
        // the fresh plan is audited before the outcome that carries it
        assertEquals(List.of("planned", "confirmed", "planned", "stale", "declined"),
                auditLines().stream().map(n -> n.get("step").asText()).toList());
    }

    @Test
    void standbyOfTheLastOnlineNodeIsRefusedWithItsReasonAndCannotBeApplied() throws Exception {
        Snapshots.run(List.of("crm_attribute", "--node", "node2", "--name", "standby", "--update", "on"),
                cluster.cib().toString());
        cluster.settle();
        f.refresh();
        actions.nodeProperty().set("node1");
        String before = Files.readString(cluster.cib());
        dialogs.planAnswers.add(plan -> {
            until(plan, Phase.REFUSED);
            assertFalse(plan.canApplyProperty().get());
            plan.apply();
            assertEquals(Phase.REFUSED, plan.phaseProperty().get(), "Apply does nothing on a refused plan");
        });
        actions.standby(true);

        ActionPlanViewModel plan = dialogs.plansShown.get(0);
        // both of the lab's rules apply: the last node in service, and with it the last running fencing device
        assertEquals(2, plan.refusals().size(), String.valueOf(plan.refusals()));
        assertTrue(plan.refusals().get(0).startsWith("node1 is the last online node"), plan.refusals().get(0));
        assertTrue(plan.refusals().get(1).contains("last running fencing device (st_node2)"), plan.refusals().get(1));
        assertEquals(before, Files.readString(cluster.cib()), "the CIB is untouched");
    }

    @Test
    void turningFencingOffIsWarnedAndAppliesOnlyOnceTheRiskIsAcknowledged() throws Exception {
        dialogs.texts.add("stonith-enabled=false");
        dialogs.planAnswers.add(plan -> {
            until(plan, Phase.READY);
            assertTrue(plan.acknowledgementNeededProperty().get());
            assertTrue(plan.warnings().get(0).startsWith("fencing off"), String.valueOf(plan.warnings()));
            assertFalse(plan.canApplyProperty().get(), "Apply waits for the acknowledgement");
            plan.apply();
            assertEquals(Phase.READY, plan.phaseProperty().get(), "nothing applied without it");
            plan.acknowledgedProperty().set(true);
            assertTrue(plan.canApplyProperty().get());
            plan.apply();
            until(plan, Phase.DONE);
        });
        actions.setProperty();

        assertEquals(List.of("false"),
                Snapshots.xpath(cluster.cib(), "//crm_config//nvpair[@name='stonith-enabled']/@value"));
        List<JsonNode> log = auditLines();
        assertEquals(List.of("planned", "confirmed", "done"), log.stream().map(n -> n.get("step").asText()).toList());
        assertTrue(log.get(1).get("confirmation").asText().endsWith("warnings acknowledged"),
                log.get(1).get("confirmation").asText());
    }

    @Test
    void maintenanceIsWarnedButNeedsNoAcknowledgement() throws Exception {
        dialogs.planAnswers.add(plan -> {
            until(plan, Phase.READY);
            assertFalse(plan.acknowledgementNeededProperty().get());
            assertTrue(plan.warnings().get(0).contains("will be in maintenance"), String.valueOf(plan.warnings()));
            assertTrue(plan.canApplyProperty().get());
        });
        actions.clusterMaintenance(true);
        assertEquals(1, dialogs.plansShown.size());
        // closed without Apply: recorded as declined, in the background
        ui.runUntil(() -> {
            try {
                return auditLines().size() == 2;
            } catch (Exception e) {
                return false;
            }
        }, WAIT);
        assertEquals("declined", auditLines().get(1).get("step").asText());
    }

    @Test
    void aClusterThatDoesNotSettleShowsFailedWithTheWaitsOutput() throws Exception {
        cluster.frozen = true;
        actions.selectResource("g_dhcp");
        dialogs.planAnswers.add(plan -> {
            until(plan, Phase.READY);
            plan.apply();
            until(plan, Phase.FAILED);
        });
        actions.moveTo("node2");

        ActionPlanViewModel plan = dialogs.plansShown.get(0);
        assertTrue(plan.headlineProperty().get().startsWith("Failed: the cluster did not settle within 5 s"),
                plan.headlineProperty().get());
        // crm_resource --wait lists what is still pending: the move it could not finish
        assertTrue(plan.ranProperty().get().contains("p_dhcpd_start_0"), plan.ranProperty().get());
        assertFalse(plan.differences().isEmpty(), "the cluster is not where the prediction put it");
    }

    @Test
    void aBadPropertyNameIsShownAndNeverPlanned() {
        dialogs.texts.add("x$(touch /tmp/pwned)=1");
        actions.setProperty();
        assertEquals(List.of(), dialogs.plansShown);
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).startsWith("Not a valid action"), dialogs.errors.get(0));
    }

    @Test
    void noActionsOnACibFileOrBeforeConnecting() {
        ClusterViewModel file = ClusterViewModel.forFile(cluster.cib(), f.background, dialogs);
        assertFalse(file.actions().liveProperty().get());
        file.actions().selectResource("g_dhcp");
        assertFalse(file.actions().canActOnResourceProperty().get());
        file.actions().moveTo("node2");
        file.actions().clusterMaintenance(true);
        assertEquals(List.of(), dialogs.plansShown, "nothing is even planned");

        actions.disconnected();
        actions.selectResource("g_dhcp");
        actions.stop();
        assertEquals(List.of(), dialogs.plansShown);
    }
}
