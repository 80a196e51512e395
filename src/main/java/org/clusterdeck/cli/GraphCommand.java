package org.clusterdeck.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.clusterdeck.cluster.cib.CibParser;
import org.clusterdeck.cluster.graph.DependencyGraph;
import org.clusterdeck.cluster.graph.GraphBuilder;
import org.clusterdeck.cluster.graph.GraphEdge;
import org.clusterdeck.cluster.graph.GraphResource;
import org.clusterdeck.cluster.graph.layout.GraphLayouter;
import org.clusterdeck.cluster.graph.render.DotWriter;
import org.clusterdeck.cluster.graph.render.PngRenderer;
import org.clusterdeck.cluster.graph.render.SvgRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "The resource dependency graph of a CIB: resources, constraints and the edges between them.")
final class GraphCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--cib-file", paramLabel = "FILE", required = true,
            description = "The CIB (cibadmin -Q output); - for standard input.")
    String cibFile;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    String output;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        String fmt = format.resolve(List.of("text", "json", "dot", "svg", "png"));
        DependencyGraph graph = GraphBuilder.build(CibParser.parse(InputText.read(cibFile), InputText.sourceName(cibFile)));
        // Warnings go to stderr so that JSON, DOT, SVG and PNG on stdout stay exactly their format.
        graph.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        var out = spec.commandLine().getOut();
        switch (fmt) {
            case "json" -> Output.text(Json.write(graph), output, out);
            case "dot" -> Output.text(DotWriter.write(graph), output, out);
            case "svg" -> Output.text(SvgRenderer.render(new GraphLayouter().layout(graph)), output, out);
            case "png" -> {
                if (output == null) {
                    throw new IllegalArgumentException("PNG is binary: give -o FILE");
                }
                Output.bytes(PngRenderer.render(new GraphLayouter().layout(graph)), output);
            }
            default -> Output.text(text(graph), output, out);
        }
        return Cli.OK;
    }

    static String text(DependencyGraph g) {
        StringBuilder sb = new StringBuilder("Resources:\n");
        for (GraphResource r : g.resources()) {
            sb.append("  ").append(r.id()).append(" (").append(r.kind());
            if (r.agent() != null) {
                sb.append(' ').append(r.agent());
            }
            if (r.parent() != null) {
                sb.append(", in ").append(r.parent());
            }
            sb.append(")\n");
        }
        sb.append("\nDependencies (first -> then / with -> dependent):\n");
        for (GraphEdge e : g.edges()) {
            sb.append("  ").append(e.from());
            if (e.fromRole() != null || e.fromAction() != null) {
                sb.append(" [").append(e.fromAction() != null ? e.fromAction() : e.fromRole()).append(']');
            }
            sb.append(" -> ").append(e.to());
            if (e.toRole() != null || e.toAction() != null) {
                sb.append(" [").append(e.toAction() != null ? e.toAction() : e.toRole()).append(']');
            }
            sb.append("  ").append(e.kind()).append(' ').append(e.constraint());
            if (e.score() != null) {
                sb.append(" score ").append(e.score());
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
