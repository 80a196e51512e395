package org.clusterdeck.cluster.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.simulate.PredictedAction;
import org.clusterdeck.cluster.simulate.Prediction;
import org.clusterdeck.cluster.simulate.Predictor;
import org.clusterdeck.cluster.software.NodeSoftware;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.LocalProcessRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pcs's spelling, staged with the pcs installed here on a CIB copy through {@code pcs -f}: it
 * must predict what the plain tools predict.
 */
class PcsTest {
    private static final NodeSoftware CRMSH = software(true, false);
    private static final NodeSoftware PCS = software(false, true);
    private final CommandDialect plain = CommandDialect.forNode("pacemaker", PCS);
    private final CommandDialect pcs = CommandDialect.forNode("pcs", PCS);

    private static NodeSoftware software(boolean crmsh, boolean pcs) {
        return new NodeSoftware("n1", "2.1.5", "3.1.7", crmsh, pcs, null, null);
    }

    /**
     * probe-3.xml was written by a 2012 cluster (feature set 3.0.1); pcs's CIB patches only apply to
     * a CIB of the current feature set, which is what a live cluster's DC writes. So the copy says
     * the feature set of the Pacemaker installed here (2.1.5: 3.16.1), as a live CIB would.
     */
    private static String liveLikeCib() throws Exception {
        String cib = Corpus.read("pacemaker/cib/probe-3.xml");
        assertTrue(cib.startsWith("<cib crm_feature_set=\"3.0.1\""), cib.substring(0, 40));
        return cib.replaceFirst("crm_feature_set=\"3.0.1\"", "crm_feature_set=\"3.16.1\"");
    }

    private Prediction predict(CommandDialect d, ClusterAction a) throws Exception {
        List<List<Command>> stages = d.afterLanding(a).map(c -> List.of(d.staged(a), List.of(c)))
                .orElse(List.of(d.staged(a)));
        return new Predictor(new LocalProcessRunner()).predict(liveLikeCib(), stages, d::onCopy);
    }

    private static List<String> lines(Prediction p) {
        return p.actions().stream().map(PredictedAction::describe).toList();
    }

    private static String shown(CommandDialect d, ClusterAction a) {
        return String.join(" && ", d.commands(a).stream().map(Command::display).toList());
    }

    @Test
    void moveWithConstraintPredictsWhatCrmResourcePredicts() throws Exception {
        ClusterAction move = new ClusterAction.Move("group-1", "pcmk-2", "PT1H", false, false);
        assertEquals("pcs resource move-with-constraint group-1 pcmk-2 lifetime=PT1H", shown(pcs, move));
        Command clear = pcs.afterLanding(move).orElseThrow();
        assertEquals("pcs resource clear group-1", clear.display());
        // on the copy, the clear must name the copy too: pcs ignores CIB_file and would clear the live CIB
        assertEquals(List.of("sh", "-c", Pcs.ON_COPY.text(), "pcs", "resource", "clear", "group-1"), pcs.onCopy(clear).argv());
        Prediction p = predict(pcs, move);
        List<String> viaPcs = lines(p);
        assertTrue(viaPcs.contains("move r192.168.101.181 pcmk-1 -> pcmk-2"), viaPcs.toString());
        assertEquals(lines(predict(plain, move)), viaPcs);
        // the transitions are labelled as the admin types the commands: the wrapper is for running on the copy only
        assertEquals(List.of("pcs resource move-with-constraint group-1 pcmk-2 lifetime=PT1H", "pcs resource clear group-1"),
                p.transitions().stream().map(t -> t.stage()).toList());
        assertEquals(pcs.commands(move), pcs.staged(move));
    }

    @Test
    void nodeResourceAndPropertyChangesArePcsOnesAndPredictTheSame() throws Exception {
        ClusterAction standby = new ClusterAction.Standby("pcmk-1", true);
        ClusterAction unmanage = new ClusterAction.Manage("group-1", false);
        ClusterAction stop = new ClusterAction.Stop("group-1");
        ClusterAction maintenance = new ClusterAction.Maintenance(null, true);
        assertEquals("pcs node standby pcmk-1", shown(pcs, standby));
        assertEquals("pcs resource unmanage group-1", shown(pcs, unmanage));
        assertEquals("pcs resource disable group-1", shown(pcs, stop));
        assertEquals("pcs property set maintenance-mode=true", shown(pcs, maintenance));
        for (ClusterAction a : List.of(standby, unmanage, stop, maintenance)) {
            List<String> viaPcs = lines(predict(pcs, a));
            assertEquals(lines(predict(plain, a)), viaPcs, a.describe());
        }
        // the standby empties the node: the prediction is not trivially empty
        assertTrue(lines(predict(pcs, standby)).stream().anyMatch(l -> l.contains("pcmk-1 ->")),
                lines(predict(pcs, standby)).toString());
    }

    @Test
    void stagedPcsGetsTheCopyAsPositionalArgumentsNeverAsShellText() {
        ClusterAction p = new ClusterAction.Property("cluster-name", "a'b $(id) `id`;x");
        Command staged = pcs.onCopy(pcs.staged(p).get(0));
        assertEquals(List.of("sh", "-c", Pcs.ON_COPY.text(), "pcs", "property", "set", "cluster-name=a'b $(id) `id`;x"),
                staged.argv());
        // constraints are cibadmin in every dialect, and a cibadmin call stays as it is on the copy
        ClusterAction add = new ClusterAction.AddConstraint(
                new NewConstraint.Location("loc1", "group-1", "pcmk-1", "100", null));
        assertEquals(plain.commands(add), pcs.commands(add));
        assertEquals(plain.commands(add), pcs.staged(add));
        assertEquals(plain.commands(add).get(0), pcs.onCopy(pcs.staged(add).get(0)));
    }

    /**
     * pcs refuses cluster-name (it keeps it in step with corosync.conf): the preview fails naming
     * the pcs command as shown and pcs's reason, not crm_simulate, and the value ran nothing.
     */
    @Test
    void aChangePcsRefusesIsNamedAsTypedWithPcsReason(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("MARK");
        ClusterAction p = new ClusterAction.Property("cluster-name", "x$(touch " + marker + ")`touch " + marker + "`");
        ClusterCommandException e = assertThrows(ClusterCommandException.class, () -> predict(pcs, p));
        assertEquals(pcs.commands(p).get(0).display() + " (staged on a copy of the CIB)", e.command());
        assertTrue(e.messages().stream().anyMatch(m -> m.contains("invalid cluster property option 'cluster-name'")),
                e.messages().toString());
        assertFalse(e.messages().stream().anyMatch(m -> m.startsWith(CrmSimulate.STAGE_FAILED)), e.getMessage());
        assertFalse(Files.exists(marker), "the value was executed");
    }

    @Test
    void autoPicksTheOnlyShellTheNodeHasAndPlainToolsOtherwise() {
        assertEquals("pcs", CommandDialect.forNode("auto", PCS).name());
        assertEquals("crmsh", CommandDialect.forNode("auto", CRMSH).name());
        assertEquals("pacemaker", CommandDialect.forNode("auto", software(false, false)).name());
        assertEquals("pacemaker", CommandDialect.forNode("auto", software(true, true)).name());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CommandDialect.forNode("pcs", CRMSH));
        assertEquals("n1 has no pcs (pcs not found on its PATH)", e.getMessage());
    }
}
