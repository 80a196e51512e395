package org.clusterdeck.cli;

import java.util.List;
import java.util.Locale;
import org.clusterdeck.cluster.checks.Finding;
import org.clusterdeck.cluster.checks.SuggestedCommand;

/** Findings as text for a terminal: worst first, each with what helps and, with details, every step. */
final class FindingText {
    private FindingText() {
    }

    static void append(StringBuilder sb, List<Finding> findings, boolean details) {
        if (findings.isEmpty()) {
            return;
        }
        sb.append("\nFindings:\n");
        for (Finding f : findings) {
            sb.append("  ").append(f.severity().word().toUpperCase(Locale.ROOT)).append(": ").append(f.message())
                    .append('\n');
            if (details && f.details() != null) {
                f.details().lines().forEach(l -> sb.append("    ").append(l).append('\n'));
                continue;
            }
            for (SuggestedCommand c : f.commands()) {
                sb.append("    $ ").append(c.command()).append(c.node() == null ? "" : "    # on " + c.node())
                        .append('\n');
            }
        }
    }
}
