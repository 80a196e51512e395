package org.clusterdeck.ui.action;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.clusterdeck.app.action.ActionService;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.offline.CibSnapshot;
import org.clusterdeck.ui.Background;
import org.clusterdeck.ui.ScriptedDialogs;
import org.clusterdeck.ui.Snapshots;
import org.clusterdeck.ui.UiLoop;
import org.clusterdeck.ui.action.ActionPlanViewModel.Phase;

/**
 * The window's actions connected to a {@link SimulatedCluster} with scripted dialogs, for
 * view-model tests; what happened is read back from the CIB file by XPath, not through the view
 * models. Close it after each test.
 */
final class ActionFixture implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(90);

    final Path dir;
    final UiLoop ui = new UiLoop();
    final Background background = new Background(ui);
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    final SimulatedCluster cluster;
    final AuditLog audit;
    final ActionsViewModel actions;

    ActionFixture(Path dir) throws Exception {
        this.dir = dir;
        cluster = SimulatedCluster.labStack(dir);
        audit = new AuditLog(dir.resolve("audit"));
        actions = new ActionsViewModel(background, dialogs);
        actions.connected(cluster.actions(audit));
        refresh();
    }

    /** Shows the actions the cluster as it is now, as the monitor's next round would. */
    CibSnapshot refresh() {
        CibSnapshot now = Snapshots.read(cluster.cib());
        actions.update(now.status(), now.cib());
        return now;
    }

    /** Runs UI work until the plan reaches the phase; fails (with the plan's headline) on an error or timeout. */
    void until(ActionPlanViewModel plan, Phase phase) {
        ui.runUntil(() -> plan.phaseProperty().get() == phase || plan.phaseProperty().get() == Phase.ERROR, WAIT);
        assertEquals(phase, plan.phaseProperty().get(), plan.headlineProperty().get());
    }

    /** The plan dialog's answer of an admin who applies once the plan is there and waits for the outcome. */
    void applyWhenReady(ActionPlanViewModel plan) {
        until(plan, Phase.READY);
        plan.apply();
        until(plan, Phase.DONE);
    }

    /** An XPath over crm_mon's XML on the CIB file, e.g. where a resource runs. */
    List<String> crmMon(String xpath) {
        Path out = dir.resolve("crm_mon.xml");
        Snapshots.run(List.of("crm_mon", "--output-as=xml", "-1", "--inactive"), cluster.cib().toString(), out);
        return Snapshots.xpath(out, xpath);
    }

    /** An XPath over the CIB file itself. */
    List<String> cib(String xpath) {
        return Snapshots.xpath(cluster.cib(), xpath);
    }

    List<String> cliConstraints() {
        return cib("//constraints/*[starts-with(@id,'cli-')]/@id");
    }

    @Override
    public void close() {
        background.close();
        audit.close();
    }
}
