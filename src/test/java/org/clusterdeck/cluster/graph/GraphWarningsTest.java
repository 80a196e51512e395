package org.clusterdeck.cluster.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.cib.CibParser;
import org.junit.jupiter.api.Test;

/**
 * Warnings, on real CIBs with one constraint added (derived input, marked per test), and the
 * JSON shape of the contract.
 */
class GraphWarningsTest {

    private static DependencyGraph withConstraint(String file, String constraint) {
        String text = Corpus.read("pacemaker/cib/" + file).replace("</constraints>", constraint + "</constraints>");
        return GraphBuilder.build(CibParser.parse(text, file + " (derived)"));
    }

    @Test
    void realFilesWithoutProblemsHaveNoWarnings() {
        for (String f : List.of("bug-5143-ms-shuffle.xml", "rsc-sets-seq-true.xml", "order-sets.xml")) {
            assertEquals(List.of(), GraphBuilder.build(CibParser.parse(Corpus.read("pacemaker/cib/" + f), f))
                    .warnings(), f);
        }
    }

    @Test
    void mandatoryOrderingCycleIsNamed() {
        // order-1 already says rsc1 → rsc2 → rsc3 → rsc4 → rsc5 → rsc6 (start); add rsc6 → rsc1.
        DependencyGraph g = withConstraint("rsc-sets-seq-true.xml",
                "<rsc_order id=\"back\" first=\"rsc6\" then=\"rsc1\"/>");
        assertEquals(1, g.warnings().size(), g.warnings().toString());
        String w = g.warnings().get(0);
        assertTrue(w.startsWith("ordering cycle"), w);
        assertTrue(w.contains("start rsc6 → start rsc1") && w.contains("back") && w.contains("order-1"), w);
    }

    @Test
    void optionalOrdersAndDifferentActionsAreNoCycle() {
        // promote ms-r0 then start r0-group exists; stop r0-group then demote ms-r0 is the normal inverse.
        DependencyGraph g = withConstraint("bug-5143-ms-shuffle.xml",
                "<rsc_order id=\"inv\" first=\"r0-group\" first-action=\"stop\" then=\"ms-r0\" then-action=\"demote\"/>"
                        + "<rsc_order id=\"opt\" kind=\"Optional\" first=\"dummy3\" then=\"fs2\"/>");
        assertEquals(List.of(), g.warnings());
    }

    @Test
    void contradictoryColocationsAndSelfColocation() {
        // colo-dummy3-versus-dummy4 keeps dummy3 away from dummy4 (-INFINITY); add the opposite.
        DependencyGraph g = withConstraint("bug-5143-ms-shuffle.xml",
                "<rsc_colocation id=\"together\" rsc=\"dummy4\" with-rsc=\"dummy3\" score=\"INFINITY\"/>"
                        + "<rsc_colocation id=\"self\" rsc=\"dummy3\" with-rsc=\"dummy3\" score=\"INFINITY\"/>");
        assertTrue(g.warnings().stream().anyMatch(w -> w.contains("contradictory") && w.contains("together")
                && w.contains("colo-dummy3-versus-dummy4")), g.warnings().toString());
        assertTrue(g.warnings().stream().anyMatch(w -> w.contains("'self'") && w.contains("itself")),
                g.warnings().toString());
    }

    @Test
    void missingResourceIsReportedAndGetsNoEdges() {
        DependencyGraph g = withConstraint("bug-5143-ms-shuffle.xml",
                "<rsc_order id=\"ghost\" first=\"no-such-rsc\" then=\"dummy3\"/>");
        assertTrue(g.warnings().stream().anyMatch(w -> w.contains("'ghost'") && w.contains("no-such-rsc")
                && w.contains("Pacemaker ignores")), g.warnings().toString());
        assertTrue(g.edges().stream().noneMatch(e -> e.constraint().equals("ghost")));
        GraphConstraint c = g.constraints().stream().filter(x -> x.id().equals("ghost")).findFirst().orElseThrow();
        assertEquals(List.of("dummy3"), c.resources());
    }

    @Test
    void jsonIsExactlyTheContract() throws Exception {
        DependencyGraph g = GraphBuilder.build(CibParser.parse(
                Corpus.read("pacemaker/cib/bug-5143-ms-shuffle.xml"), "f"));
        String json = new ObjectMapper().writeValueAsString(g);
        assertTrue(json.startsWith("{\"resources\":[{\"id\":"), json);
        assertTrue(json.contains("{\"from\":\"ms-r0\",\"to\":\"r0-group\",\"kind\":\"colocation\",\"constraint\":"
                + "\"colo-r0\",\"score\":\"INFINITY\",\"fromRole\":\"Promoted\",\"toRole\":null,"
                + "\"fromAction\":null,\"toAction\":null}"), json);
        assertTrue(json.contains("{\"id\":\"colo-r0\",\"kind\":\"colocation\",\"resources\":[\"r0-group\","
                + "\"ms-r0\"],\"score\":\"INFINITY\"}"), json);
        for (String hidden : List.of("warnings", "order", "anti", "mandatory")) {
            assertTrue(!json.contains("\"" + hidden + "\":"), hidden + " must not be in the JSON");
        }
    }
}
