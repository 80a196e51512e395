package org.clusterdeck.cluster.cib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.graph.DependencyGraph;
import org.clusterdeck.cluster.graph.GraphBuilder;
import org.clusterdeck.cluster.graph.GraphConstraint;
import org.clusterdeck.cluster.graph.GraphResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Every CIB of the corpus (Pacemaker's scheduler regression suite, pcs's test CIBs) parses and
 * builds a graph, and what the parser and builder say about resources, constraints and version
 * matches an independent XPath reading of the same file.
 */
class CibCorpusTest {
    private static final String RESOURCES = "/cib/configuration/resources";
    private static final String TRUE_VALUES = "'true' 'yes' 'y' 'on' '1'";

    static Stream<Path> cibs() {
        return Stream.concat(Corpus.files("pacemaker/cib", ".xml").stream(), Corpus.files("pcs", ".xml").stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cibs")
    void parserAndGraphAgreeWithXPath(Path file) throws Exception {
        String text = Corpus.read(file);
        Cib cib = CibParser.parse(text, file.toString());
        DependencyGraph graph = GraphBuilder.build(cib);
        XPathReading x = new XPathReading(text);

        assertEquals(new CibVersion(x.number("/cib/@admin_epoch"), x.number("/cib/@epoch"),
                x.number("/cib/@num_updates")), cib.version());
        assertEquals(x.string("/cib/@validate-with"), nullToEmpty(cib.validateWith()));

        Map<String, String> kinds = new HashMap<>();
        Map<String, String> parents = new HashMap<>();
        for (Element e : x.elements(RESOURCES + "//*[self::primitive or self::group or self::clone or self::master"
                + " or self::bundle]")) {
            String id = e.getAttribute("id");
            kinds.put(id, x.kindOf(e));
            Element p = (Element) e.getParentNode();
            parents.put(id, p.getTagName().equals("resources") ? null : p.getAttribute("id"));
        }
        Map<String, String> graphKinds = new HashMap<>();
        Map<String, String> graphParents = new HashMap<>();
        for (GraphResource r : graph.resources()) {
            graphKinds.put(r.id(), r.kind());
            graphParents.put(r.id(), r.parent());
        }
        assertEquals(kinds, graphKinds, "resource kinds");
        assertEquals(parents, graphParents, "resource parents");
        assertEquals(kinds.size(), graph.resources().size(), "each resource once");
        assertEquals(x.count(RESOURCES + "//primitive"),
                cib.allResources().stream().filter(r -> r instanceof Primitive).count());

        for (Element e : x.elements(RESOURCES + "//primitive[@class and @type]")) {
            String provider = e.hasAttribute("provider") ? e.getAttribute("provider") + ":" : "";
            String agent = e.getAttribute("class") + ":" + provider + e.getAttribute("type");
            GraphResource r = graph.resources().stream().filter(g -> g.id().equals(e.getAttribute("id")))
                    .findFirst().orElseThrow();
            assertEquals(agent, r.agent(), "agent of " + r.id());
        }

        List<String> constraintIds = x.strings("/cib/configuration/constraints/*[self::rsc_order or"
                + " self::rsc_colocation or self::rsc_location or self::rsc_ticket]/@id");
        assertEquals(constraintIds, graph.constraints().stream().map(GraphConstraint::id).toList());
        for (GraphConstraint c : graph.constraints()) {
            assertEquals(c.resources().stream().distinct().toList(), c.resources(), "no repeats in " + c.id());
            assertTrue(kinds.keySet().containsAll(c.resources()), "only resources in " + c.id());
        }
        graph.edges().forEach(e -> {
            assertTrue(kinds.containsKey(e.from()) && kinds.containsKey(e.to()), "edge ends are resources: " + e);
            assertFalse("Master".equals(e.fromRole()) || "Slave".equals(e.fromRole())
                    || "Master".equals(e.toRole()) || "Slave".equals(e.toRole()), "Pacemaker 2 role words: " + e);
        });
        assertEquals(x.count("/cib/status/node_state"), cib.nodeStates().size());
        assertEquals(x.count("/cib/configuration/nodes/node"), cib.nodes().size());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The independent reading: plain DOM + XPath, none of the project's XML helpers. */
    private static final class XPathReading {
        private final Document doc;
        private final XPath xpath = XPathFactory.newInstance().newXPath();

        XPathReading(String text) throws Exception {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
        }

        String string(String expr) throws Exception {
            return xpath.evaluate(expr, doc);
        }

        long number(String expr) throws Exception {
            String s = string(expr);
            return s.isEmpty() ? 0 : Long.parseLong(s);
        }

        long count(String expr) throws Exception {
            return ((Double) xpath.evaluate("count(" + expr + ")", doc, XPathConstants.NUMBER)).longValue();
        }

        List<Element> elements(String expr) throws Exception {
            NodeList nl = (NodeList) xpath.evaluate(expr, doc, XPathConstants.NODESET);
            List<Element> out = new ArrayList<>();
            for (int i = 0; i < nl.getLength(); i++) {
                out.add((Element) nl.item(i));
            }
            return out;
        }

        List<String> strings(String expr) throws Exception {
            NodeList nl = (NodeList) xpath.evaluate(expr, doc, XPathConstants.NODESET);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < nl.getLength(); i++) {
                out.add(nl.item(i).getNodeValue());
            }
            return out;
        }

        /** promotable: a master, or a clone with an unconditional meta promotable in a true spelling. */
        String kindOf(Element e) throws Exception {
            return switch (e.getTagName()) {
                case "master" -> "promotable";
                case "clone" -> {
                    String v = xpath.evaluate("meta_attributes[not(rule)]/nvpair[@name='promotable'][1]/@value", e);
                    yield TRUE_VALUES.contains("'" + v.trim().toLowerCase() + "'") && !v.isBlank()
                            ? "promotable" : "clone";
                }
                default -> e.getTagName();
            };
        }
    }
}
