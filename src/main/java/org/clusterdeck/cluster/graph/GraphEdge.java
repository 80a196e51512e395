package org.clusterdeck.cluster.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A dependency: {@code from} is placed or acted on first, {@code to} depends on it. Order:
 * first → then. Colocation: with-rsc → rsc. {@code kind} is order or colocation; roles are
 * Pacemaker 2 words (Started, Promoted, Unpromoted, ...), actions are start, promote, ...
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"from", "to", "kind", "constraint", "score", "fromRole", "toRole", "fromAction", "toAction"})
public record GraphEdge(
        String from,
        String to,
        String kind,
        String constraint,
        String score,
        String fromRole,
        String toRole,
        String fromAction,
        String toAction) {
}
