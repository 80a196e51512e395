package org.clusterdeck.cluster.checks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.clusterdeck.cluster.events.Severity;

/**
 * Something about a cluster an admin must see: what ({@code kind}), how urgent, about what
 * ({@code subject}: a node, resource, property, constraint or DRBD resource), in one sentence, and
 * the commands that help, in order. The window and the command line show the same findings.
 *
 * @param details the longer explanation with every step, where the message alone is not enough
 *                (DRBD recovery); null otherwise
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"kind", "severity", "subject", "message", "commands", "details"})
public record Finding(FindingKind kind, Severity severity, String subject, String message,
        List<SuggestedCommand> commands, String details) {

    public Finding {
        commands = List.copyOf(commands);
    }

    static Finding of(FindingKind kind, Severity severity, String subject, String message) {
        return new Finding(kind, severity, subject, message, List.of(), null);
    }
}
