package org.clusterdeck.cluster.graph.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.cib.CibParser;
import org.clusterdeck.cluster.graph.DependencyGraph;
import org.clusterdeck.cluster.graph.GraphBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real configuration in the corpus lays out: a box per resource, members inside containers. */
class GraphLayoutCorpusTest {
    static Stream<Path> cibs() {
        return Stream.concat(Corpus.files("pacemaker/cib", ".xml").stream(), Corpus.files("pcs", ".xml").stream());
    }

    @ParameterizedTest
    @MethodSource("cibs")
    void laysOut(Path file) {
        DependencyGraph g = GraphBuilder.build(CibParser.parse(Corpus.read(file), file.toString()));
        GraphLayout layout = new GraphLayouter().layout(g);
        assertEquals(g.resources().stream().map(r -> r.id()).distinct().count(), layout.boxes().size());
        for (NodeBox b : layout.boxes()) {
            assertTrue(b.width() > 0 && b.height() > 0 && Double.isFinite(b.x()) && Double.isFinite(b.y()), b.toString());
            if (b.resource().parent() != null) {
                layout.box(b.resource().parent()).ifPresent(p ->
                        assertTrue(GraphLayouterTest.contains(p, b), b.id() + " inside " + p.id()));
            }
        }
        for (EdgeRoute r : layout.routes()) {
            assertTrue(r.points().size() >= 2, "route of " + r.edge());
        }
    }
}
