package org.clusterdeck.cluster.graph;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.clusterdeck.cluster.cib.Scores;

/**
 * A dependency: {@code from} is placed or acted on first, {@code to} depends on it. Order:
 * first → then. Colocation: with-rsc → rsc. {@code kind} is order or colocation; roles are
 * Pacemaker 2 words (Started, Promoted, Unpromoted, ...), actions are start, promote, ...
 * as written in the CIB (null when not written; {@link #order()} has the effective ones).
 * {@code order} is not part of the JSON contract: it is null for colocations.
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
        String toAction,
        @JsonIgnore OrderDetail order) {

    /** An edge without order details: every colocation, and orders where they do not matter. */
    public GraphEdge(String from, String to, String kind, String constraint, String score,
            String fromRole, String toRole, String fromAction, String toAction) {
        this(from, to, kind, constraint, score, fromRole, toRole, fromAction, toAction, null);
    }

    /** A colocation with a negative score: {@code to} avoids {@code from}'s node. */
    @JsonIgnore
    public boolean isAnti() {
        return "colocation".equals(kind) && Scores.parse(score) < 0;
    }

    /** Must hold (Mandatory order, ±INFINITY colocation) rather than advisory. */
    @JsonIgnore
    public boolean isMandatory() {
        if (order != null) {
            return "Mandatory".equals(order.kind());
        }
        return Math.abs(Scores.parse(score)) >= Scores.INFINITY;
    }
}
