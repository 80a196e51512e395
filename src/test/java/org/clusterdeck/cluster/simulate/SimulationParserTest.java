package org.clusterdeck.cluster.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.FormatException;
import org.clusterdeck.cluster.command.ClusterCommandException;
import org.clusterdeck.cluster.command.CrmResource;
import org.clusterdeck.cluster.status.Resource;
import org.clusterdeck.cluster.xml.SafeXml;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.LocalProcessRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * crm_simulate's XML as the installed Pacemaker prints it for Pacemaker's own test CIBs, read by
 * the parser and, independently, by XPath on the same output.
 */
class SimulationParserTest {
    private static final XPath XP = XPathFactory.newInstance().newXPath();
    private final LocalProcessRunner local = new LocalProcessRunner();

    @TempDir
    Path dir;

    private CommandResult run(Map<String, String> env, String... argv) throws Exception {
        return local.run(new Command(List.of(argv), env, null, Command.DEFAULT_TIMEOUT));
    }

    private String simulate(Path cib) throws Exception {
        CommandResult r = run(Map.of(), "crm_simulate", "--xml-file", cib.toString(), "--simulate", "--output-as=xml");
        assertEquals(0, r.exitCode(), cib + ": " + r.stderr());
        return r.stdout();
    }

    /** The summary lines as "action resource node source dest role next-role" read by XPath. */
    private static List<String> xpathActions(Document d) throws Exception {
        NodeList ns = (NodeList) XP.evaluate("/pacemaker-result/actions/*", d, XPathConstants.NODESET);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ns.getLength(); i++) {
            Element e = (Element) ns.item(i);
            out.add("rsc_action".equals(e.getTagName())
                    ? String.join("|", e.getAttribute("action"), e.getAttribute("resource"), e.getAttribute("node"),
                            e.getAttribute("source"), e.getAttribute("dest"))
                    : String.join("|", e.getAttribute("task"), "", e.getAttribute("node"), "", ""));
        }
        return out;
    }

    private static List<String> parsed(List<PredictedAction> actions) {
        return actions.stream().map(a -> String.join("|", a.action(), nz(a.resource()), nz(a.node()), nz(a.source()),
                nz(a.destination()))).toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Test
    void everyEighthCorpusCibMatchesAnXPathReadingOfTheSameOutput() throws Exception {
        int files = 0;
        int actions = 0;
        int nodeActions = 0;
        for (Path cib : Corpus.files("pacemaker/cib", ".xml")) {
            if (files++ % 8 != 0) {
                continue;
            }
            CommandResult r = run(Map.of(), "crm_simulate", "--xml-file", cib.toString(), "--simulate", "--output-as=xml");
            if (r.exitCode() != 0) {
                continue; // crm_simulate itself crashes on a few regression inputs; see toolCrashIsAnError
            }
            Prediction p = SimulationParser.parse(r.stdout(), List.of("none"), cib.toString());
            Document d = SafeXml.parse(r.stdout(), cib.toString());
            List<String> expected = xpathActions(d);
            assertEquals(expected, parsed(p.actions()), cib.toString());
            actions += expected.size();
            nodeActions += (int) p.actions().stream().filter(a -> a.resource() == null).count();
            assertEquals(((Double) XP.evaluate("count(/pacemaker-result/revised_cluster_status/resources//resource)", d,
                    XPathConstants.NUMBER)).intValue(), p.finalResources().size(), cib.toString());
            assertEquals(((Double) XP.evaluate("count(/pacemaker-result/cluster_status/resources//resource)", d,
                    XPathConstants.NUMBER)).intValue(), p.before().size(), cib.toString());
        }
        assertTrue(actions > 100, actions + " predicted actions read");
        assertTrue(nodeActions > 0, "fencing and shutdown lines were seen too");
    }

    @Test
    void fencingIsANodeAction() throws Exception {
        Prediction p = SimulationParser.parse(simulate(Corpus.path("pacemaker/cib/829.xml")), List.of("none"), "829");
        Document d = SafeXml.parse(simulate(Corpus.path("pacemaker/cib/829.xml")), "829");
        Element fence = (Element) XP.evaluate("/pacemaker-result/actions/node_action[1]", d, XPathConstants.NODE);
        PredictedAction a = p.actions().get(0);
        assertEquals(fence.getAttribute("task"), a.action());
        assertEquals(fence.getAttribute("node"), a.node());
        assertEquals(null, a.resource());
        assertTrue(a.action().startsWith("Fence"), a.action());
        assertEquals(fence.getAttribute("task") + " " + fence.getAttribute("node") + " due to "
                + fence.getAttribute("reason"), a.describe());
    }

    /**
     * The staged pipeline (CIB on stdin, change and simulate on a temporary copy, second stage on
     * the simulated result) against doing the same by hand with CIB_file and crm_simulate -x.
     */
    @Test
    void stagedMoveThenClearMatchesTheSameStepsDoneByHand() throws Exception {
        Path source = Corpus.path("pacemaker/cib/probe-3.xml");
        Prediction p = new Predictor(local).predict(Files.readString(source), List.of(
                List.of(CrmResource.move("group-1", "pcmk-2", null, null)),
                List.of(CrmResource.clear("group-1", null))));

        Path copy = dir.resolve("cib.xml");
        Files.copy(source, copy);
        Path after = dir.resolve("after.xml");
        assertEquals(0, run(Map.of("CIB_file", copy.toString()), "crm_resource", "--move", "--resource", "group-1",
                "--node", "pcmk-2").exitCode());
        CommandResult first = run(Map.of(), "crm_simulate", "--xml-file", copy.toString(), "--simulate",
                "--output-as=xml", "--save-output=" + after);
        assertEquals(0, run(Map.of("CIB_file", after.toString()), "crm_resource", "--clear", "--resource", "group-1")
                .exitCode());
        String second = simulate(after);

        assertEquals(2, p.transitions().size());
        assertEquals(xpathActions(SafeXml.parse(first.stdout(), "first")), parsed(p.transitions().get(0).actions()));
        assertEquals(xpathActions(SafeXml.parse(second, "second")), parsed(p.transitions().get(1).actions()));
        assertEquals("crm_resource --move --resource group-1 --node pcmk-2", p.transitions().get(0).stage());
        List<String> lines = p.transitions().get(0).actions().stream().map(PredictedAction::describe).toList();
        assertTrue(lines.contains("move r192.168.101.181 pcmk-1 -> pcmk-2"), lines.toString());
        assertTrue(lines.contains("promote stateful-1:1 on pcmk-2 (Unpromoted -> Promoted)"), lines.toString());

        // every member of group-1, as the CIB lists them, is predicted on pcmk-2 after the move ...
        NodeList members = (NodeList) XP.evaluate("//group[@id='group-1']/primitive/@id",
                SafeXml.parse(Files.readString(source), "cib"), XPathConstants.NODESET);
        assertTrue(members.getLength() >= 3);
        for (int i = 0; i < members.getLength(); i++) {
            String id = members.item(i).getNodeValue();
            assertEquals(List.of("pcmk-2"), find(p.transitions().get(0).resources(), id).nodes(), id);
            // ... and, with no stickiness in this CIB, clearing the constraint moves it back
            assertEquals(List.of("pcmk-1"), find(p.finalResources(), id).nodes(), id);
        }
    }

    private static Resource find(List<Resource> rs, String id) {
        return rs.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    @Test
    void toolCrashIsAnErrorNamingTheNodeAndExitCode() {
        // crm_simulate 2.1.5 aborts (SIGABRT, 134) on this regression input
        ClusterCommandException e = assertThrows(ClusterCommandException.class, () -> new Predictor(local)
                .predict(Corpus.read("pacemaker/cib/clone-recover-no-shuffle-4.xml"), List.of(List.of())));
        assertEquals(134, e.exitCode());
        assertTrue(e.getMessage().startsWith("localhost: 'crm_simulate on a staged copy of the CIB' failed"), e.getMessage());
    }

    @Test
    void aRefusedStagedChangeStopsBeforeSimulating() {
        ClusterCommandException e = assertThrows(ClusterCommandException.class, () -> new Predictor(local)
                .predict(Corpus.read("pacemaker/cib/probe-3.xml"),
                        List.of(List.of(CrmResource.move("no_such_resource", "pcmk-2", null, null)))));
        assertEquals(105, e.exitCode(), e.getMessage()); // CRM_EX_NOSUCH
        assertTrue(e.getMessage().contains("no_such_resource"), e.getMessage());
    }

    @Test
    void malformedOutputGivesFormatErrors() throws Exception {
        String real = simulate(Corpus.path("pacemaker/cib/probe-3.xml"));
        List<String> one = List.of("stage");
        assertMessage("expected 1 crm_simulate result(s), one per stage, got 0 (empty or truncated output)",
                () -> SimulationParser.parse("", one, "s"));
        FormatException cut = assertThrows(FormatException.class,
                () -> SimulationParser.parse(real.substring(0, real.length() / 2), one, "s"));
        assertTrue(cut.getMessage().startsWith("s (stage 1): "), cut.getMessage());
        assertMessage("expected 2 crm_simulate result(s), one per stage, got 1",
                () -> SimulationParser.parse(real, List.of("a", "b"), "s"));
        String cib = Corpus.read("pacemaker/cib/probe-3.xml");
        FormatException wrongRoot = assertThrows(FormatException.class, () -> SimulationParser.parse(cib, one, "s"));
        assertTrue(wrongRoot.getMessage().contains("root element is <cib>"), wrongRoot.getMessage());

        // --run predicts but does not simulate: no revised status to compare with afterwards
        String runOnly = run(Map.of(), "crm_simulate", "--xml-file", Corpus.path("pacemaker/cib/probe-3.xml").toString(),
                "--run", "--output-as=xml").stdout();
        FormatException noRevised = assertThrows(FormatException.class, () -> SimulationParser.parse(runOnly, one, "s"));
        assertTrue(noRevised.getMessage().contains("no <revised_cluster_status>"), noRevised.getMessage());

        // crm_simulate's own error document, from a file that does not exist
        CommandResult missing = run(Map.of(), "crm_simulate", "--xml-file", dir.resolve("none.xml").toString(),
                "--simulate", "--output-as=xml");
        assertFalse(missing.ok());
        FormatException failed = assertThrows(FormatException.class, () -> SimulationParser.parse(missing.stdout(), one, "s"));
        assertTrue(failed.getMessage().startsWith("s (stage 1): crm_simulate failed with exit code"), failed.getMessage());
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable e) {
        assertEquals("s: " + expected, assertThrows(FormatException.class, e).getMessage());
    }
}
