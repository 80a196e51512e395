package org.clusterdeck.cluster.graph;

import org.clusterdeck.cluster.cib.ResourceSet;
import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.cluster.cib.Scores;

/**
 * Colocation edges (primary → dependent, i.e. with-rsc → rsc) as Pacemaker's scheduler creates
 * colocations, following lib/pacemaker/pcmk_sched_colocation.c:
 * <ul>
 * <li>A colocation whose score is 0 is ignored (pcmk__new_colocation()), so it has no edge. An
 * absent score is 0.</li>
 * <li>Within one set (unpack_colocation_set()): the set's own score, if written, replaces the
 * constraint's; score 0 or {@code sequential} explicitly false gives no edges. Positive score:
 * each member is colocated with the previous one (edge previous → member), so set {@code A B C}
 * gives A → B → C; the deprecated {@code ordering} other than "group" reverses that (each member
 * with the next). Negative score: each member is anti-colocated with every member before it
 * (edges from every earlier member).</li>
 * <li>Between consecutive sets N and N+1 (colocate_rsc_sets(): set N is dependent, N+1 primary),
 * with the constraint's score: from set N+1 its last member if it is sequential (absent counts
 * as sequential here), else all members; to set N its first member if sequential, else all
 * members. Roles: from = role of set N+1, to = role of set N.</li>
 * </ul>
 */
final class ColocationEdges {
    private ColocationEdges() {
    }

    static List<GraphEdge> simple(String id, String rsc, String withRsc, String rscRole, String withRscRole,
            String score) {
        if (isZero(score)) {
            return List.of();
        }
        return List.of(edge(withRsc, rsc, id, score, withRscRole, rscRole));
    }

    static List<GraphEdge> sets(String id, String score, List<ResourceSet> sets) {
        List<GraphEdge> out = new ArrayList<>();
        ResourceSet previous = null;
        for (ResourceSet set : sets) {
            within(id, score, set, out);
            if (previous != null && !isZero(score)) {
                between(id, score, previous, set, out);
            }
            previous = set;
        }
        return out;
    }

    private static void within(String id, String constraintScore, ResourceSet set, List<GraphEdge> out) {
        String score = set.score() != null ? set.score() : constraintScore;
        if (isZero(score) || Boolean.FALSE.equals(set.sequential())) {
            return;
        }
        List<String> m = set.resources();
        if (Scores.parse(score) >= 0) {
            boolean withPrevious = set.ordering() == null || set.ordering().equalsIgnoreCase("group");
            for (int i = 1; i < m.size(); i++) {
                String primary = withPrevious ? m.get(i - 1) : m.get(i);
                String dependent = withPrevious ? m.get(i) : m.get(i - 1);
                out.add(edge(primary, dependent, id, score, set.role(), set.role()));
            }
        } else {
            for (int j = 0; j < m.size(); j++) {
                for (int i = 0; i < j; i++) {
                    out.add(edge(m.get(i), m.get(j), id, score, set.role(), set.role()));
                }
            }
        }
    }

    private static void between(String id, String score, ResourceSet dependentSet, ResourceSet primarySet,
            List<GraphEdge> out) {
        List<String> dependents = Boolean.FALSE.equals(dependentSet.sequential())
                ? dependentSet.resources() : single(dependentSet.first());
        List<String> primaries = Boolean.FALSE.equals(primarySet.sequential())
                ? primarySet.resources() : single(primarySet.last());
        for (String dependent : dependents) {
            for (String primary : primaries) {
                out.add(edge(primary, dependent, id, score, primarySet.role(), dependentSet.role()));
            }
        }
    }

    private static List<String> single(String id) {
        return id == null ? List.of() : List.of(id);
    }

    /** Only a score that reads as 0 is ignored; a word Pacemaker maps at run time is kept. */
    private static boolean isZero(String score) {
        return Scores.isKnown(score) && Scores.parse(score) == 0;
    }

    private static GraphEdge edge(String from, String to, String id, String score, String fromRole, String toRole) {
        return new GraphEdge(from, to, "colocation", id, score, fromRole, toRole, null, null);
    }
}
