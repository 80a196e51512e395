package org.clusterdeck.cluster.cib;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code rsc_order}: {@code firstAction} of {@code first} before {@code thenAction} of
 * {@code then}. Attributes as written ({@code orderKind} is the XML {@code kind}) (null when absent); {@link #effectiveKind()} applies
 * Pacemaker's defaults, including the deprecated score form (score 0 = Optional).
 */
public record OrderConstraint(
        String id,
        String first,
        String then,
        String firstAction,
        String thenAction,
        String orderKind,
        String score,
        Boolean symmetrical,
        Boolean requireAll,
        List<ResourceSet> sets) implements Constraint {
    public OrderConstraint {
        sets = List.copyOf(sets);
    }

    @Override
    public String kind() {
        return "order";
    }

    /** Mandatory, Optional or Serialize, as Pacemaker reads it (unknown words reset to Mandatory). */
    public String effectiveKind() {
        return effectiveKind(orderKind, score);
    }

    /** Pacemaker's get_ordering_type(): kind if valid, else score 0 means Optional, else Mandatory. */
    public static String effectiveKind(String kind, String score) {
        if (kind == null) {
            return score != null && Scores.isKnown(score) && Scores.parse(score) == 0 ? "Optional" : "Mandatory";
        }
        return switch (kind) {
            case "Optional", "Serialize" -> kind;
            default -> "Mandatory";
        };
    }

    @Override
    public List<String> namedReferences() {
        List<String> out = new ArrayList<>();
        if (first != null) {
            out.add(first);
        }
        if (then != null) {
            out.add(then);
        }
        return out;
    }
}
