package org.clusterdeck.cli;

import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code --json} and {@code --format NAME}, shared by every subcommand; text for people by default. */
final class FormatOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON (same as --format json).")
    boolean json;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Output format: ${COMPLETION-CANDIDATES}.")
    String format;

    /** The chosen format, checked against what the command can print. */
    String resolve(List<String> allowed) {
        String chosen = format != null ? format.toLowerCase() : json ? "json" : allowed.get(0);
        if (json && format != null && !"json".equals(chosen)) {
            throw new ParameterException(spec.commandLine(), "--json and --format " + format + " contradict each other");
        }
        if (!allowed.contains(chosen)) {
            throw new ParameterException(spec.commandLine(),
                    "unknown format '" + format + "': expected one of " + String.join(", ", allowed));
        }
        return chosen;
    }
}
