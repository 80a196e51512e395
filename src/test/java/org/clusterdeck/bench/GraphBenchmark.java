package org.clusterdeck.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clusterdeck.cluster.cib.Cib;
import org.clusterdeck.cluster.cib.CibParser;
import org.clusterdeck.cluster.graph.DependencyGraph;
import org.clusterdeck.cluster.graph.GraphBuilder;
import org.clusterdeck.cluster.graph.layout.GraphLayouter;
import org.clusterdeck.cluster.graph.render.DotWriter;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.LocalProcessRunner;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Parse, graph build and ELK layout of generated CIBs with 100, 1,000 and 5,000 resources, and
 * graphviz {@code dot -Tplain} on the same graphs in the same run. Warm numbers are the median
 * after as many warm-up iterations. Writes a Markdown table to target/benchmarks/graph.md.
 */
@Tag("bench")
class GraphBenchmark {
    @Test
    void parseBuildLayoutAndDot() throws Exception {
        List<String> rows = new ArrayList<>();
        rows.add("| resources | constraints | CIB size | parse (ms) | graph build (ms) | ELK layout (ms) | dot -Tplain (ms) |");
        rows.add("|---:|---:|---:|---:|---:|---:|---:|");
        for (int n : new int[] {100, 1000, 5000}) {
            String xml = GeneratedCib.xml(n);
            int rounds = n >= 5000 ? 5 : 15;
            double parse = Timing.medianMillis(rounds, rounds, () -> CibParser.parse(xml, "generated"));
            Cib cib = CibParser.parse(xml, "generated");
            double build = Timing.medianMillis(rounds, rounds, () -> GraphBuilder.build(cib));
            DependencyGraph g = GraphBuilder.build(cib);
            GraphLayouter layouter = new GraphLayouter();
            double layout = Timing.medianMillis(n >= 5000 ? 3 : 10, n >= 5000 ? 3 : 10, () -> layouter.layout(g));
            String dot = DotWriter.write(g);
            double dotMs = Timing.medianMillis(n >= 5000 ? 1 : 3, n >= 5000 ? 1 : 3, () -> runDot(dot));
            long constraints = g.constraints().size();
            rows.add(String.format(Locale.ROOT, "| %d | %d | %.0f KB | %.1f | %.1f | %.1f | %.0f |",
                    g.resources().stream().filter(r -> r.kind().equals("primitive")).count(), constraints,
                    xml.length() / 1024.0, parse, build, layout, dotMs));
        }
        // the parse target is stated for a 1 MB CIB
        String mb = GeneratedCib.xml(1400);
        double mbParse = Timing.medianMillis(20, 20, () -> CibParser.parse(mb, "generated"));
        rows.add("");
        rows.add(String.format(Locale.ROOT, "1 MB target: a %.0f KB generated CIB parses in %.1f ms (median, warm).",
                mb.length() / 1024.0, mbParse));
        String table = String.join("\n", rows) + "\n";
        System.out.println(table);
        Path out = Path.of("target/benchmarks/graph.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
    }

    private static Object runDot(String dot) throws Exception {
        CommandResult r = new LocalProcessRunner().run(
                Command.of("dot", "-Tplain").withStdin(dot).withTimeout(Duration.ofMinutes(10)));
        if (!r.ok()) {
            throw new IllegalStateException("dot failed: " + r.stderr());
        }
        return r;
    }
}
