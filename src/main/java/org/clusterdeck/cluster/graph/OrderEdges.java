package org.clusterdeck.cluster.graph;

import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.cluster.cib.OrderConstraint;
import org.clusterdeck.cluster.cib.ResourceSet;

/**
 * Order edges (first → then) as Pacemaker's scheduler creates orderings, following
 * lib/pacemaker/pcmk_sched_ordering.c. Actions on the edge are those written in the CIB (null when
 * absent); {@link OrderDetail} carries the effective ones. Only the forward orderings are edges;
 * the inverse stop/demote orderings of a symmetrical constraint are implied ({@code symmetrical}).
 * <ul>
 * <li>Plain: first → then; then-action defaults to first-action, first-action to start.</li>
 * <li>Within one set (unpack_order_set()): a set of one member gives nothing. With kind
 * Serialize (the set's own {@code kind}, else the constraint's) every member is ordered before
 * every later member, sequential or not. Otherwise, if {@code sequential} (absent counts as
 * true here) each member follows the previous one: {@code A B C} gives A → B → C; if false, no
 * edges. Both ends use the set's {@code action} (default start).</li>
 * <li>Between consecutive sets N and N+1 (order_rsc_sets(), constraint's kind): if set N has
 * {@code require-all=false} (and its action is not stop/demote) every member of N is ordered
 * before every member of N+1 through a one-or-more pseudo action, shown as all those edges.
 * Otherwise from set N its last member if {@code sequential} is explicitly true, else all members;
 * to set N+1 its first member if {@code sequential} is explicitly true, else all members. Note
 * the asymmetry with the within-set rule: there an absent {@code sequential} means true, here it
 * means false (pcmk__xe_attr_is_true()).</li>
 * </ul>
 */
final class OrderEdges {
    private OrderEdges() {
    }

    static List<GraphEdge> simple(OrderConstraint c) {
        String kind = c.effectiveKind();
        String first = c.firstAction() == null ? "start" : c.firstAction();
        String then = c.thenAction() == null ? first : c.thenAction();
        OrderDetail detail = new OrderDetail(kind, symmetrical(c.symmetrical(), kind), first, then);
        return List.of(new GraphEdge(c.first(), c.then(), "order", c.id(), c.score(), null, null,
                c.firstAction(), c.thenAction(), detail));
    }

    static List<GraphEdge> sets(OrderConstraint c, List<ResourceSet> sets) {
        List<GraphEdge> out = new ArrayList<>();
        ResourceSet previous = null;
        for (ResourceSet set : sets) {
            within(c, set, out);
            if (previous != null) {
                between(c, previous, set, out);
            }
            previous = set;
        }
        return out;
    }

    private static void within(OrderConstraint c, ResourceSet set, List<GraphEdge> out) {
        List<String> m = set.resources();
        if (m.size() < 2) {
            return;
        }
        String kind = set.kind() != null ? OrderConstraint.effectiveKind(set.kind(), null) : c.effectiveKind();
        OrderDetail detail = new OrderDetail(kind, symmetrical(c.symmetrical(), c.effectiveKind()),
                action(set), action(set));
        if (kind.equals("Serialize")) {
            for (int i = 0; i < m.size(); i++) {
                for (int j = i + 1; j < m.size(); j++) {
                    out.add(edge(c, m.get(i), m.get(j), set.action(), set.action(), detail));
                }
            }
        } else if (!Boolean.FALSE.equals(set.sequential())) {
            for (int i = 1; i < m.size(); i++) {
                out.add(edge(c, m.get(i - 1), m.get(i), set.action(), set.action(), detail));
            }
        }
    }

    private static void between(OrderConstraint c, ResourceSet set1, ResourceSet set2, List<GraphEdge> out) {
        String kind = c.effectiveKind();
        OrderDetail detail = new OrderDetail(kind, symmetrical(c.symmetrical(), kind), action(set1), action(set2));
        boolean requireAll = !Boolean.FALSE.equals(set1.requireAll())
                || action(set1).equals("stop") || action(set1).equals("demote");
        List<String> firsts = set1.resources();
        List<String> thens = set2.resources();
        if (requireAll) {
            if (Boolean.TRUE.equals(set1.sequential()) && set1.last() != null) {
                firsts = List.of(set1.last());
            }
            if (Boolean.TRUE.equals(set2.sequential()) && set2.first() != null) {
                thens = List.of(set2.first());
            }
        }
        for (String first : firsts) {
            for (String then : thens) {
                out.add(edge(c, first, then, set1.action(), set2.action(), detail));
            }
        }
    }

    private static String action(ResourceSet set) {
        return set.action() == null ? "start" : set.action();
    }

    /** get_ordering_symmetry(): written value (never for Serialize), else true unless Serialize. */
    private static boolean symmetrical(Boolean written, String kind) {
        boolean serialize = kind.equals("Serialize");
        return written == null ? !serialize : written && !serialize;
    }

    private static GraphEdge edge(OrderConstraint c, String from, String to, String fromAction, String toAction,
            OrderDetail detail) {
        return new GraphEdge(from, to, "order", c.id(), c.score(), null, null, fromAction, toAction, detail);
    }
}
