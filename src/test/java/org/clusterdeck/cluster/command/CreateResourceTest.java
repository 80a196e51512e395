package org.clusterdeck.cluster.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.agents.AgentName;
import org.clusterdeck.cluster.simulate.PredictedAction;
import org.clusterdeck.cluster.simulate.Prediction;
import org.clusterdeck.cluster.simulate.Predictor;
import org.clusterdeck.cluster.software.NodeSoftware;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.LocalProcessRunner;
import org.junit.jupiter.api.Test;

/**
 * A new primitive, and the deletion of one, in each dialect, staged by the real cibadmin, crmsh and
 * pcs on a copy of a corpus CIB: the same prediction in all three, each spelled as its admins type it.
 */
class CreateResourceTest {
    private static final NodeSoftware BOTH = new NodeSoftware("n1", "2.1.5", "3.1.7", true, true, null, null);
    private final CommandDialect plain = CommandDialect.forNode("pacemaker", BOTH);
    private final CommandDialect crmsh = CommandDialect.forNode("crmsh", BOTH);
    private final CommandDialect pcs = CommandDialect.forNode("pcs", BOTH);

    private static final NewPrimitive DUMMY = new NewPrimitive("p_new", AgentName.parse("ocf:pacemaker:Dummy"),
            Map.of("fake", "it's $(here)"), List.of(new NewPrimitive.Op("monitor", "10s", null, "20s")));

    /** probe-3.xml with the feature set of the Pacemaker installed here, whose CIB patches pcs applies (see PcsTest). */
    private static String cib() {
        return Corpus.read("pacemaker/cib/probe-3.xml").replaceFirst("crm_feature_set=\"3.0.1\"", "crm_feature_set=\"3.16.1\"");
    }

    private static List<String> predicted(CommandDialect d, ClusterAction a) throws Exception {
        List<List<Command>> stages = d.afterLanding(a).map(c -> List.of(d.staged(a), List.of(c)))
                .orElse(List.of(d.staged(a)));
        Prediction p = new Predictor(new LocalProcessRunner()).predict(cib(), stages, d::onCopy);
        return p.actions().stream().map(PredictedAction::describe).toList();
    }

    private static String shown(CommandDialect d, ClusterAction a) {
        return String.join(" && ", d.commands(a).stream().map(Command::display).toList());
    }

    @Test
    void intoAGroupEachDialectSpellsItsOwnWayAndAllPredictTheStartWhereTheGroupRuns() throws Exception {
        ClusterAction create = new ClusterAction.CreateResource(DUMMY, "group-1", null, null);
        assertTrue(shown(plain, create).startsWith("cibadmin --modify --scope resources --xml-pipe <<'END'\n<group id=\"group-1\">"
                + "<primitive class=\"ocf\" id=\"p_new\" provider=\"pacemaker\" type=\"Dummy\">"), shown(plain, create));
        assertEquals("crm configure <<'END'\nprimitive p_new ocf:pacemaker:Dummy params fake='it'\\''s $(here)'"
                + " op monitor interval=10s timeout=20s\nmodgroup group-1 add p_new\ncommit\nEND", shown(crmsh, create));
        assertEquals("pcs resource create p_new ocf:pacemaker:Dummy 'fake=it'\\''s $(here)' op monitor interval=10s"
                + " timeout=20s --no-default-ops --group group-1", shown(pcs, create));

        List<String> viaPlain = predicted(plain, create);
        assertTrue(viaPlain.stream().anyMatch(l -> l.startsWith("start p_new ")), viaPlain.toString());
        assertEquals(viaPlain, predicted(crmsh, create));
        assertEquals(viaPlain, predicted(pcs, create));
    }

    @Test
    void aPositionInTheGroupIsCrmshsAndPcssThePlainToolsAppendOnly() throws Exception {
        ClusterAction first = new ClusterAction.CreateResource(DUMMY, "group-1", "r192.168.101.181", null);
        assertTrue(shown(crmsh, first).contains("\nmodgroup group-1 add p_new before r192.168.101.181\n"), shown(crmsh, first));
        assertTrue(shown(pcs, first).endsWith(" --group group-1 --before r192.168.101.181"), shown(pcs, first));
        assertEquals(predicted(crmsh, first), predicted(pcs, first));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> plain.commands(first));
        assertTrue(e.getMessage().contains("add to a group's end only"), e.getMessage());
    }

    @Test
    void onItsOwnAndAsAFenceDevice() {
        ClusterAction alone = new ClusterAction.CreateResource(DUMMY, null, null, null);
        assertTrue(shown(plain, alone).startsWith("cibadmin --create --scope resources --xml-pipe <<'END'\n<primitive "), shown(plain, alone));
        assertTrue(shown(crmsh, alone).endsWith("\ncommit\nEND") && !shown(crmsh, alone).contains("modgroup"));
        NewPrimitive fence = new NewPrimitive("st_new", AgentName.parse("stonith:fence_virsh"), Map.of("ip", "10.0.0.9"),
                List.of(new NewPrimitive.Op("monitor", "60s", null, null)));
        assertEquals("pcs stonith create st_new fence_virsh ip=10.0.0.9 op monitor interval=60s",
                shown(pcs, new ClusterAction.CreateResource(fence, null, null, null)));
        assertThrows(InvalidInputException.class, () -> new ClusterAction.CreateResource(fence, "group-1", null, null));
        assertThrows(InvalidInputException.class, () -> new ClusterAction.CreateResource(DUMMY, null, "x", null));
        assertThrows(InvalidInputException.class, () -> new ClusterAction.CreateResource(DUMMY, "g", "x", "y"));
        // a password goes on standard input, masked where shown (SecretParameterTest lands it with each tool)
        NewPrimitive secret = new NewPrimitive("st_x", AgentName.parse("stonith:fence_virsh"), Map.of("password", "s3cret"),
                List.of());
        ClusterAction withSecret = new ClusterAction.CreateResource(secret, null, null, null);
        assertEquals("cibadmin --create --scope resources --xml-pipe <<'END'\n<primitive class=\"stonith\" id=\"st_x\""
                + " type=\"fence_virsh\"><instance_attributes id=\"st_x-instance_attributes\"><nvpair"
                + " id=\"st_x-instance_attributes-password\" name=\"password\" value=\"***\"/></instance_attributes>"
                + "<operations/></primitive>\nEND", shown(pcs, withSecret));
    }

    @Test
    void aDeletionTakesTheConstraintsNamingItAndEveryDialectPredictsTheStop() throws Exception {
        // as the plan resolves it from probe-3.xml: lsb-dummy runs with group-1 and after it
        ClusterAction delete = new ClusterAction.DeleteResource("lsb-dummy", List.of("lsb-with-group", "lsb-after-group"),
                false);
        assertEquals("cibadmin --delete --xpath '/cib/configuration/constraints/*[@id='\\''lsb-with-group'\\'']'"
                + " && cibadmin --delete --xpath '/cib/configuration/constraints/*[@id='\\''lsb-after-group'\\'']'"
                + " && cibadmin --delete --xpath '/cib/configuration/resources//primitive[@id='\\''lsb-dummy'\\'']'",
                shown(plain, delete));
        assertEquals("crm resource stop lsb-dummy", shown(crmsh, delete));
        assertEquals("crm configure delete lsb-dummy", crmsh.afterLanding(delete).orElseThrow().display());
        assertEquals("pcs resource delete lsb-dummy", shown(pcs, delete));
        assertEquals("pcs stonith delete st_x", shown(pcs, new ClusterAction.DeleteResource("st_x", List.of(), true)));

        List<String> viaPlain = predicted(plain, delete);
        assertTrue(viaPlain.stream().anyMatch(l -> l.startsWith("stop lsb-dummy ")), viaPlain.toString());
        assertEquals(viaPlain, predicted(pcs, delete));
        assertTrue(predicted(crmsh, delete).stream().anyMatch(l -> l.startsWith("stop lsb-dummy ")));
    }
}
