package org.clusterdeck.cluster.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.clusterdeck.cluster.cib.Scores;

/**
 * Colocations that cannot all hold: a resource colocated with itself, and a pair of resources
 * (in the same roles) that one colocation keeps together and another keeps apart. Started and an
 * absent role are the same ("any role"); different roles are not a conflict (with the Promoted
 * instance, away from the Unpromoted one is a normal configuration).
 */
final class ColocationConflicts {
    private ColocationConflicts() {
    }

    static List<String> warnings(List<GraphEdge> edges) {
        List<String> out = new ArrayList<>();
        Map<String, List<GraphEdge>> byPair = new LinkedHashMap<>();
        for (GraphEdge e : edges) {
            if (!"colocation".equals(e.kind())) {
                continue;
            }
            if (e.from().equals(e.to())) {
                out.add("colocation constraint '" + e.constraint() + "' colocates '" + e.from()
                        + "' with itself");
                continue;
            }
            byPair.computeIfAbsent(pairKey(e), k -> new ArrayList<>()).add(e);
        }
        for (List<GraphEdge> pair : byPair.values()) {
            GraphEdge together = pair.stream().filter(e -> Scores.parse(e.score()) > 0).findFirst().orElse(null);
            GraphEdge apart = pair.stream().filter(e -> Scores.parse(e.score()) < 0).findFirst().orElse(null);
            if (together != null && apart != null) {
                out.add("contradictory colocations: '" + together.constraint() + "' keeps " + describe(together)
                        + " together (score " + together.score() + "), '" + apart.constraint()
                        + "' keeps them apart (score " + apart.score() + ")");
            }
        }
        return out;
    }

    private static String describe(GraphEdge e) {
        return "'" + e.to() + "' and '" + e.from() + "'";
    }

    /** The unordered pair of (resource, role), so "A with B" and "B with A" meet. */
    private static String pairKey(GraphEdge e) {
        String a = e.from() + "\u0000" + anyRole(e.fromRole());
        String b = e.to() + "\u0000" + anyRole(e.toRole());
        return a.compareTo(b) < 0 ? a + "\u0001" + b : b + "\u0001" + a;
    }

    private static String anyRole(String role) {
        return Objects.equals(role, "Started") ? "" : Objects.toString(role, "");
    }
}
