package org.clusterdeck.cluster.setup.preflight;

import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.cluster.checks.Finding;
import org.clusterdeck.cluster.checks.FindingKind;
import org.clusterdeck.cluster.checks.SuggestedCommand;
import org.clusterdeck.cluster.events.Severity;

/** Collects the pre-flight's findings in the order the rules produce them. */
final class Findings {
    private final List<Finding> list = new ArrayList<>();

    void critical(FindingKind kind, String subject, String message, SuggestedCommand... commands) {
        add(kind, Severity.CRITICAL, subject, message, commands);
    }

    void warning(FindingKind kind, String subject, String message, SuggestedCommand... commands) {
        add(kind, Severity.WARNING, subject, message, commands);
    }

    void add(FindingKind kind, Severity severity, String subject, String message, SuggestedCommand... commands) {
        list.add(new Finding(kind, severity, subject, message, List.of(commands), null));
    }

    List<Finding> list() {
        return List.copyOf(list);
    }
}
