package org.clusterdeck.cluster.status;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.clusterdeck.Corpus;
import org.clusterdeck.RealCrmMon;
import org.clusterdeck.cluster.FormatException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Node;

/**
 * crm_mon's {@code --group-by-node} layout and its output without nodes, as the real crm_mon
 * (2.1.5, through {@code CIB_file}) prints them for the CIBs of the corpus. Group-by-node output
 * reads to exactly what the plain layout recorded in the corpus for the same CIB reads to, or is
 * refused with a message naming the layout: never a different answer. Pacemaker 1.1 and 3.0, which
 * cannot run here, are covered by samples built from their source in {@link CrmMonParserTest}.
 */
class CrmMonParserGroupByNodeTest {
    /** What nodes-*.rng allows inside a {@code <node>}: the resource list of resources-*.rng. */
    private static final String RESOURCES_IN_NODES =
            "/*/nodes/node/*[self::resource or self::group or self::clone or self::bundle]";

    static Stream<Path> cibs() {
        return Corpus.files("pacemaker/cib", ".xml").stream();
    }

    /**
     * Every 40th CIB, for variants that go through the same code as the whole corpus: each run of
     * crm_mon costs about 25 ms, several times that on this shared machine under load.
     */
    static List<Path> sample() {
        List<Path> all = Corpus.files("pacemaker/cib", ".xml");
        return IntStream.range(0, all.size()).filter(i -> i % 40 == 0).mapToObj(all::get).toList();
    }

    /** crm_mon's two XML flavours: the option asking for one, and where the corpus keeps its plain layout. */
    enum Flavour {
        PACEMAKER_RESULT("--output-as=xml", "pacemaker/crm_mon"),
        LEGACY("--as-xml", "pacemaker/crm_mon-legacy");

        final String option;
        final String recorded;

        Flavour(String option, String recorded) {
            this.option = option;
            this.recorded = recorded;
        }
    }

    /** The whole corpus; the legacy flavour, which has group-by-node too, on the sample. */
    static Stream<Arguments> groupByNodeRuns() {
        return Stream.concat(cibs().map(cib -> Arguments.of(Flavour.PACEMAKER_RESULT, cib)),
                sample().stream().map(cib -> Arguments.of(Flavour.LEGACY, cib)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("groupByNodeRuns")
    void groupByNodeReadsAsThePlainLayoutOrIsRefused(Flavour flavour, Path cib) throws Exception {
        String grouped = RealCrmMon.output(cib, flavour.option, "-1", "--inactive", "--group-by-node");
        String plain = Corpus.read(flavour.recorded + "/" + cib.getFileName());
        String source = flavour + " group-by-node " + cib.getFileName();
        if (!new CrmMonXPath(plain).has("/*/summary")) {
            // crm_mon cannot read this CIB (see CrmMonParserCorpusTest): its error, in either layout.
            assertThrows(PacemakerResultError.class, () -> CrmMonParser.parse(grouped, source));
            return;
        }
        CrmMonXPath x = new CrmMonXPath(grouped);
        List<Node> inNodes = x.nodes(RESOURCES_IN_NODES);
        if (inNodes.isEmpty()) {
            // Nothing active anywhere: crm_mon had nothing to move out of <resources>.
            StatusReaderTest.assertSameSnapshot(CrmMonParser.parse(plain, "plain " + source),
                    CrmMonParser.parse(grouped, source));
            return;
        }
        FormatException e = assertThrows(FormatException.class, () -> CrmMonParser.parse(grouped, source));
        assertFalse(e instanceof PacemakerResultError, "crm_mon reported no error: " + e.getMessage());
        String node = x.string(inNodes.get(0), "../@name");
        assertTrue(e.getMessage().startsWith(source + ": crm_mon --group-by-node output: <node name=\"" + node
                + "\"> lists the resources active there ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("save crm_mon's output without --group-by-node"), e.getMessage());
    }

    /** The ways to leave the nodes out, taken in turn over the sample. */
    static Stream<Arguments> withoutNodesRuns() {
        List<List<String>> ways = List.of(
                List.of("--output-as=xml", "-1", "--inactive", "--exclude=nodes"),
                List.of("--output-as=xml", "-1", "--inactive", "--group-by-node", "--exclude=nodes"),
                List.of("--as-xml", "-1", "--inactive", "--exclude=nodes"));
        List<Path> cibs = sample();
        return IntStream.range(0, cibs.size()).mapToObj(i -> Arguments.of(cibs.get(i), ways.get(i % ways.size())));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("withoutNodesRuns")
    void outputWithoutNodesIsRefusedSayingSo(Path cib, List<String> options) {
        String text = RealCrmMon.output(cib, options.toArray(String[]::new));
        String source = cib.getFileName() + " " + String.join(" ", options);
        if (!new CrmMonXPath(Corpus.read("pacemaker/crm_mon/" + cib.getFileName())).has("/*/summary")) {
            // crm_mon cannot read this CIB: its error comes first.
            assertThrows(PacemakerResultError.class, () -> CrmMonParser.parse(text, source));
            return;
        }
        CrmMonXPath x = new CrmMonXPath(text);
        // The premise: crm_mon printed a status, only without its nodes.
        assertTrue(x.has("/*/summary") && !x.has("/*/nodes"), source);
        FormatException e = assertThrows(FormatException.class, () -> CrmMonParser.parse(text, source));
        assertFalse(e instanceof PacemakerResultError, "crm_mon reported no error: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(source
                + ": crm_mon output without a <nodes> section (crm_mon --exclude=nodes"), e.getMessage());
    }
}
