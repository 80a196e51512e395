package org.clusterdeck.cluster.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.simulate.PredictedAction;
import org.clusterdeck.cluster.simulate.Prediction;
import org.clusterdeck.cluster.simulate.Predictor;
import org.clusterdeck.cluster.simulate.RiskCheck;
import org.clusterdeck.cluster.checks.PropertyRisk;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.LocalProcessRunner;
import org.junit.jupiter.api.Test;

/**
 * A fence test in each dialect: the fencer's own command (pcs's stonith fence; crm's node fence
 * asks on a terminal), predicted by the node's terminate attribute on a copy, which the real
 * crm_simulate answers with the fence and the recovery; always a warning to acknowledge.
 */
class FenceTest {
    @Test
    void spelledByEachDialectAndPredictedByTheTerminateAttribute() throws Exception {
        ClusterAction reboot = new ClusterAction.Fence("sle12sp2-2", false);
        ClusterAction off = new ClusterAction.Fence("sle12sp2-2", true);
        CommandDialect plain = CommandDialect.forNode("pacemaker", CibFile.BOTH);
        CommandDialect crmsh = CommandDialect.forNode("crmsh", CibFile.BOTH);
        CommandDialect pcs = CommandDialect.forNode("pcs", CibFile.BOTH);
        assertEquals("stonith_admin --reboot sle12sp2-2 --timeout 180", plain.commands(reboot).get(0).display());
        assertEquals("stonith_admin --fence sle12sp2-2 --timeout 180", crmsh.commands(off).get(0).display());
        assertEquals("pcs stonith fence sle12sp2-2 --off", pcs.commands(off).get(0).display());
        assertTrue(pcs.commands(off).get(0).timeout().toSeconds() > 180, "longer than the fencer's own timeout");
        List<Command> staged = List.of(CrmAttribute.terminate("sle12sp2-2"));
        for (CommandDialect d : List.of(plain, crmsh, pcs)) {
            assertEquals(staged, d.staged(reboot), d.name());
        }

        // two nodes, fencing on, st_sbd the device: the prediction fences the node and recovers its resources
        Prediction p = new Predictor(new LocalProcessRunner()).predict(
                Corpus.read("pacemaker/cib/asymmetrical-order-move.xml"), List.of(staged));
        List<String> actions = p.actions().stream().map(PredictedAction::describe).toList();
        assertTrue(actions.contains("Fence (reboot) sle12sp2-2 due to termination was requested"), actions.toString());
        assertTrue(actions.contains("move st_sbd sle12sp2-2 -> sle12sp2-1"), actions.toString());

        List<RiskCheck.Warning> w = RiskCheck.warnings(reboot, PropertyRisk.Shape.UNKNOWN);
        assertEquals(1, w.size());
        assertTrue(w.get(0).acknowledge() && w.get(0).text().startsWith("sle12sp2-2 will be rebooted at once"),
                w.toString());
    }
}
