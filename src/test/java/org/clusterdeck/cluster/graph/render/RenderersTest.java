package org.clusterdeck.cluster.graph.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.clusterdeck.cluster.graph.DependencyGraph;
import org.clusterdeck.cluster.graph.GraphEdge;
import org.clusterdeck.cluster.graph.GraphResource;
import org.clusterdeck.cluster.graph.layout.GraphLayout;
import org.clusterdeck.cluster.graph.layout.GraphLayouter;
import org.clusterdeck.cluster.graph.layout.NodeBox;
import org.clusterdeck.cluster.xml.SafeXml;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.LocalProcessRunner;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class RenderersTest {
    /** Agent strings come from the CIB and may contain anything; ids with odd characters too. */
    static DependencyGraph awkwardGraph() {
        return new DependencyGraph(
                List.of(new GraphResource("ms-drbd", "promotable", null, null),
                        new GraphResource("p.drbd", "primitive", "ocf:linbit:drbd", "ms-drbd"),
                        new GraphResource("g_web", "group", null, null),
                        new GraphResource("fs\"1", "primitive", "ocf:x:<&'\">", "g_web"),
                        new GraphResource("vip", "primitive", "ocf:heartbeat:IPaddr2", "g_web"),
                        new GraphResource("anti", "primitive", "systemd:foo", null)),
                List.of(),
                List.of(new GraphEdge("ms-drbd", "g_web", "colocation", "col", "INFINITY", "Promoted", null, null, null),
                        new GraphEdge("ms-drbd", "g_web", "order", "ord", null, null, null, "promote", "start"),
                        new GraphEdge("vip", "anti", "colocation", "neg", "-INFINITY", null, null, null, null),
                        new GraphEdge("fs\"1", "vip", "order", "adv", "0", null, null, null, null)),
                List.of());
    }

    @Test
    void svgIsWellFormedAndShowsEveryResourceAndEdge() throws Exception {
        GraphLayout layout = new GraphLayouter().layout(awkwardGraph());
        Document svg = SafeXml.parse(SvgRenderer.render(layout), "svg");
        var xp = XPathFactory.newInstance().newXPath();
        NodeList texts = (NodeList) xp.evaluate("//text", svg, XPathConstants.NODESET);
        Set<String> shown = new HashSet<>();
        for (int i = 0; i < texts.getLength(); i++) {
            shown.add(texts.item(i).getTextContent());
        }
        for (NodeBox b : layout.boxes()) {
            assertTrue(shown.contains(b.id()), "label for " + b.id());
        }
        assertTrue(shown.contains("ocf:x:<&'\">"), "agent text escaped and readable");
        assertEquals(layout.routes().size(), ((Double) xp.evaluate("count(//polyline)", svg, XPathConstants.NUMBER)).intValue());
        assertEquals(1.0, (Double) xp.evaluate("count(//polyline[@stroke='#c62828'])", svg, XPathConstants.NUMBER),
                "anti-colocation drawn in red");
        assertTrue((Double) xp.evaluate("count(//polyline[@stroke-dasharray])", svg, XPathConstants.NUMBER) >= 2,
                "colocations dashed");
    }

    @Test
    void pngDecodesWithBoxesWhereTheLayoutPutThem() throws Exception {
        GraphLayout layout = new GraphLayouter().layout(awkwardGraph());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(PngRenderer.render(layout)));
        double scale = img.getWidth() / layout.width();
        assertEquals(layout.height() * scale, img.getHeight(), 2.0);
        for (NodeBox b : layout.boxes()) {
            // the left border of every box, half way down, is drawn in the border colour (not background)
            int x = (int) Math.floor(b.x() * scale);
            int y = (int) Math.round((b.y() + b.height() / 2) * scale);
            int darkest = 0xff;
            for (int dx = -2; dx <= 2; dx++) {
                darkest = Math.min(darkest, img.getRGB(x + dx, y) & 0xff);
            }
            assertTrue(darkest < 0xc0, "border of " + b.id() + " drawn near x=" + x);
        }
        assertEquals(0xffffff, img.getRGB(1, 1) & 0xffffff, "background is white");
    }

    @Test
    void graphvizAcceptsTheDotOutput() throws Exception {
        String dot = DotWriter.write(awkwardGraph());
        CommandResult r = new LocalProcessRunner().run(Command.of("dot", "-Tplain").withStdin(dot));
        assertEquals(0, r.exitCode(), "dot rejected the output: " + r.stderr() + "\n" + dot);
        // plain output: "node <name> x y w h <label> ..." for every leaf resource
        for (String id : List.of("p.drbd", "vip", "anti")) {
            assertTrue(r.stdout().contains("node " + id + " ") || r.stdout().contains("node \"" + id + "\" "),
                    id + " in dot's layout:\n" + r.stdout());
        }
        assertTrue(r.stdout().contains("node \"fs\\\"1\" ") || r.stdout().contains("fs\\\"1"), r.stdout());
        long edges = r.stdout().lines().filter(l -> l.startsWith("edge ")).count();
        assertEquals(4, edges);
    }
}
