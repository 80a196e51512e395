package org.clusterdeck.cluster.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.simulate.PredictedAction;
import org.clusterdeck.cluster.simulate.Prediction;
import org.clusterdeck.cluster.simulate.Predictor;
import org.clusterdeck.cluster.software.NodeSoftware;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.LocalProcessRunner;
import org.junit.jupiter.api.Test;

/** crmsh's spelling, staged with the crmsh installed here: it must predict what the plain tools predict. */
class CrmshTest {
    private static final NodeSoftware WITH_CRMSH = new NodeSoftware("n1", "2.1.5", "3.1.7", true, false, null, null);
    private final CommandDialect plain = CommandDialect.forNode("pacemaker", WITH_CRMSH);
    private final CommandDialect crmsh = CommandDialect.forNode("crmsh", WITH_CRMSH);

    private Prediction predict(CommandDialect d, ClusterAction a) throws Exception {
        List<List<Command>> stages = d.afterLanding(a).map(c -> List.of(d.staged(a), List.of(c)))
                .orElse(List.of(d.staged(a)));
        return new Predictor(new LocalProcessRunner()).predict(Corpus.read("pacemaker/cib/probe-3.xml"), stages);
    }

    private static List<String> lines(Prediction p) {
        return p.actions().stream().map(PredictedAction::describe).toList();
    }

    @Test
    void moveInCrmshPredictsWhatCrmResourcePredicts() throws Exception {
        ClusterAction move = new ClusterAction.Move("group-1", "pcmk-2", null, false, false);
        assertEquals(List.of("crm resource move group-1 pcmk-2"),
                crmsh.commands(move).stream().map(Command::display).toList());
        assertEquals("crm resource clear group-1", crmsh.afterLanding(move).orElseThrow().display());
        List<String> viaCrmsh = lines(predict(crmsh, move));
        assertTrue(viaCrmsh.contains("move r192.168.101.181 pcmk-1 -> pcmk-2"), viaCrmsh.toString());
        assertEquals(lines(predict(plain, move)), viaCrmsh);
    }

    @Test
    void standbyIsShownInCrmshAndStagedWithTheCallItMakes() throws Exception {
        ClusterAction standby = new ClusterAction.Standby("pcmk-1", true);
        assertEquals("crm node standby pcmk-1", crmsh.commands(standby).get(0).display());
        assertEquals(plain.commands(standby), crmsh.staged(standby));
        Prediction p = predict(crmsh, standby);
        assertTrue(p.before().stream().anyMatch(r -> r.active() && r.nodes().contains("pcmk-1")));
        assertEquals(List.of(), p.finalResources().stream().filter(r -> r.active() && r.nodes().contains("pcmk-1"))
                .map(r -> r.id()).toList(), "nothing left on the node in standby");
    }

    @Test
    void unmanageInCrmshIsStagedOnTheCopyAndPredictsWhatCrmResourcePredicts() throws Exception {
        ClusterAction unmanage = new ClusterAction.Manage("group-1", false);
        assertEquals("crm resource unmanage group-1", crmsh.commands(unmanage).get(0).display());
        Prediction p = predict(crmsh, unmanage);
        assertEquals(lines(predict(plain, unmanage)), lines(p));
        List<Boolean> members = p.finalResources().stream().filter(r -> "group-1".equals(r.parent()))
                .map(r -> r.managed()).toList();
        assertEquals(List.of(false, false, false), members, "the group's three members are unmanaged on the copy");
    }

    @Test
    void propertiesStayWithCrmAttributeAndMissingCrmshIsNamed() {
        ClusterAction p = new ClusterAction.Property("cluster-name", "x y");
        assertEquals(plain.commands(p), crmsh.commands(p));
        NodeSoftware without = new NodeSoftware("n2", "2.1.5", "3.1.7", false, false, null, null);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CommandDialect.forNode("crmsh", without));
        assertEquals("n2 has no crmsh (crm not found on its PATH)", e.getMessage());
        assertThrows(InvalidInputException.class, () -> CommandDialect.forNode("pcs; id", WITH_CRMSH));
    }

    @Test
    void pacemakerBefore21MovesThePromotedRoleWithMaster() {
        NodeSoftware old = new NodeSoftware("n", "2.0.5", "3.0.4", false, false, null, null);
        ClusterAction m = new ClusterAction.Move("ms", "n2", null, true, false);
        assertEquals("crm_resource --move --resource ms --node n2 --master",
                CommandDialect.forNode("pacemaker", old).commands(m).get(0).display());
        assertEquals("crm_resource --move --resource ms --node n2 --promoted", plain.commands(m).get(0).display());
    }
}
