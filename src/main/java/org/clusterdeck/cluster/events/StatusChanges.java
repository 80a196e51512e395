package org.clusterdeck.cluster.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.clusterdeck.cluster.status.ClusterNode;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.cluster.status.Failure;
import org.clusterdeck.cluster.status.FenceEvent;
import org.clusterdeck.cluster.status.Resource;
import org.clusterdeck.cluster.status.Summary;

/**
 * The events between two crm_mon views of one cluster. Pure: the same two views always give the
 * same events, in this order: nodes (the later view's order, then nodes that vanished), quorum,
 * DC, fencing (history order), then resources (crm_mon's order; per resource: failed, placement
 * changes, recovered).
 *
 * <p>Rules:
 * <ul>
 * <li>A node is <em>up</em> when online and not unclean; a node missing from a view is not up.
 *     Up → not up is {@code node-lost}, and so is a node becoming unclean while already offline
 *     (it now needs fencing); not up → up is {@code node-joined}.
 * <li>{@code quorum-lost}/{@code -regained} only between two views that both state quorum (a view
 *     without DC states none); {@code dc-changed} whenever the DC's name differs, to null when
 *     the cluster has no DC.
 * <li>{@code fencing}: each entry of the later fence history that the earlier one lacks, once it
 *     has a result (pending entries are reported when they finish). Old history gives nothing:
 *     the first view is only a baseline. crm_mon lists successful fencing only with
 *     {@code --fence-history=2} or more.
 * <li>Resources are compared per id as multisets of (node, role) placements, because anonymous
 *     clone instances all carry the same id. What is gone and what is new are paired: same node
 *     first (a role change: {@code resource-promoted} / {@code -demoted}), then across nodes,
 *     same role first ({@code resource-moved}, from the old node to the new); what is left is
 *     {@code resource-stopped} or {@code resource-started}.
 * <li>{@code resource-failed}: the failed flag turns on, or crm_mon lists a failed operation of
 *     the resource that the earlier view did not ({@code rsc:N} keys count for {@code rsc}), on a
 *     node that was up in the earlier view: crm_mon shows no history of nodes that are down, so
 *     a node coming back brings its old failures back into sight.
 *     {@code resource-recovered}: the resource was failed (flag, or listed failures) and now is
 *     not, and runs.
 * </ul>
 * Severity: node-lost of a cluster member, quorum-lost, fencing and resource-failed are critical;
 * node-lost of a remote or guest node, a DC gone, stopped and moved resources are warnings;
 * the rest is info.
 */
public final class StatusChanges {
    /** The instance number crm_mon appends to an anonymous clone's copies: {@code rsc:1}. */
    private static final Pattern INSTANCE = Pattern.compile(":\\d+$");


    private StatusChanges() {
    }

    /**
     * The events from {@code before} to {@code after}, stamped {@code time}. A null
     * {@code before} is the first view: it gives no events.
     */
    public static List<ClusterEvent> between(ClusterStatus before, ClusterStatus after, Instant time) {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(time, "time");
        List<ClusterEvent> events = new ArrayList<>();
        if (before == null) {
            return events;
        }
        nodes(before, after, time, events);
        quorum(before.summary(), after.summary(), time, events);
        dc(before.summary(), after.summary(), time, events);
        fencing(before.fenceHistory(), after.fenceHistory(), time, events);
        resources(before, after, time, events);
        return events;
    }

    /** Online and clean: a node the cluster can run resources on. */
    static boolean up(ClusterNode n) {
        return n != null && n.online() && !n.unclean();
    }

    private static void nodes(ClusterStatus before, ClusterStatus after, Instant time, List<ClusterEvent> out) {
        Map<String, ClusterNode> was = byName(before.nodes());
        Map<String, ClusterNode> now = byName(after.nodes());
        Set<String> names = new LinkedHashSet<>(now.keySet());
        names.addAll(was.keySet());
        for (String name : names) {
            ClusterNode b = was.get(name);
            ClusterNode a = now.get(name);
            boolean becameUnclean = b != null && a != null && !b.unclean() && a.unclean();
            if (up(b) && !up(a) || becameUnclean) {
                Severity severity = a != null && !"member".equals(a.type()) || a == null && !"member".equals(b.type())
                        ? Severity.WARNING : Severity.CRITICAL;
                out.add(ClusterEvent.of(time, EventType.NODE_LOST, severity).node(name)
                        .change(state(b), state(a)).message("node " + name + " lost: " + state(b) + " -> " + state(a)));
            } else if (!up(b) && up(a)) {
                out.add(ClusterEvent.of(time, EventType.NODE_JOINED, Severity.INFO).node(name)
                        .change(state(b), state(a))
                        .message("node " + name + " joined: " + state(b) + " -> " + state(a)));
            }
        }
    }

    /** The node's state in crm_mon's words; "absent" when the view does not list it. */
    private static String state(ClusterNode n) {
        if (n == null) {
            return "absent";
        }
        if (n.unclean()) {
            return n.online() ? "unclean (online)" : "unclean (offline)";
        }
        if (n.pending()) {
            return "pending";
        }
        return n.online() ? "online" : "offline";
    }

    private static Map<String, ClusterNode> byName(List<ClusterNode> nodes) {
        return nodes.stream().collect(Collectors.toMap(ClusterNode::name, Function.identity(), (x, y) -> x,
                LinkedHashMap::new));
    }

    private static void quorum(Summary before, Summary after, Instant time, List<ClusterEvent> out) {
        Boolean b = before == null ? null : before.quorum();
        Boolean a = after == null ? null : after.quorum();
        if (b == null || a == null || b.equals(a)) {
            return;
        }
        String dc = after.dcName();
        if (a) {
            out.add(ClusterEvent.of(time, EventType.QUORUM_REGAINED, Severity.INFO).node(dc).change("no", "yes")
                    .message("quorum regained" + (dc == null ? "" : " (DC " + dc + ")")));
        } else {
            out.add(ClusterEvent.of(time, EventType.QUORUM_LOST, Severity.CRITICAL).node(dc).change("yes", "no")
                    .message("quorum lost" + (dc == null ? "" : " (DC " + dc + ")")));
        }
    }

    private static void dc(Summary before, Summary after, Instant time, List<ClusterEvent> out) {
        String b = before == null ? null : before.dcName();
        String a = after == null ? null : after.dcName();
        if (Objects.equals(b, a)) {
            return;
        }
        Severity severity = a == null ? Severity.WARNING : Severity.INFO;
        out.add(ClusterEvent.of(time, EventType.DC_CHANGED, severity).node(a).change(b, a)
                .message(a == null ? "no DC (was " + b + ")" : "DC is now " + a + (b == null ? "" : " (was " + b + ")")));
    }

    private static void fencing(List<FenceEvent> before, List<FenceEvent> after, Instant time,
            List<ClusterEvent> out) {
        for (FenceEvent f : Placement.without(after, before)) {
            if ("pending".equals(f.status())) {
                continue;
            }
            boolean ok = "success".equals(f.status());
            String by = f.delegate() == null ? "" : " by " + f.delegate();
            String why = f.exitReason() == null ? "" : ": " + f.exitReason();
            out.add(ClusterEvent.of(time, EventType.FENCING, Severity.CRITICAL).node(f.target())
                    .change(f.action(), f.status())
                    .message("fencing (" + f.action() + ") of " + f.target() + by + (ok ? " succeeded" : " " + f.status())
                            + why));
        }
    }

    private static void resources(ClusterStatus before, ClusterStatus after, Instant time, List<ClusterEvent> out) {
        Map<String, List<Placement>> was = Placement.byResource(before);
        Map<String, List<Placement>> now = Placement.byResource(after);
        Set<String> ids = new LinkedHashSet<>(now.keySet());
        ids.addAll(was.keySet());
        // each looked up once per status, not once per resource: a status of 1,000 resources made the
        // scans a million comparisons per view
        Set<String> failedBefore = failedIds(before);
        Set<String> failedAfter = failedIds(after);
        Map<String, List<Failure>> failuresBefore = failuresById(before);
        Map<String, List<Failure>> failuresAfter = failuresById(after);
        for (String id : ids) {
            boolean wasFailed = failedBefore.contains(id);
            boolean isFailed = failedAfter.contains(id);
            List<Failure> hadFailures = failuresBefore.getOrDefault(id, List.of());
            List<Failure> hasFailures = failuresAfter.getOrDefault(id, List.of());
            List<Failure> newFailures = Placement.without(hasFailures, hadFailures).stream()
                    .filter(f -> upIn(before, f.node())).toList();
            if (isFailed && !wasFailed || !newFailures.isEmpty()) {
                out.add(failedEvent(time, id, after, newFailures));
            }
            List<Placement> running = now.getOrDefault(id, List.of());
            placements(id, was.getOrDefault(id, List.of()), running, time, out);
            boolean hadTrouble = wasFailed || !hadFailures.isEmpty();
            boolean hasTrouble = isFailed || !hasFailures.isEmpty();
            if ((wasFailed && !isFailed || hadTrouble && !hasTrouble) && !running.isEmpty()) {
                String nodes = nodesOf(running);
                out.add(ClusterEvent.of(time, EventType.RESOURCE_RECOVERED, Severity.INFO).node(nodes).resource(id)
                        .message(id + " recovered, runs on " + nodes));
            }
        }
    }

    private static ClusterEvent failedEvent(Instant time, String id, ClusterStatus after, List<Failure> newFailures) {
        String node;
        String detail;
        if (newFailures.isEmpty()) {
            node = after.resources().stream().filter(r -> r.id().equals(id) && r.failed())
                    .flatMap(r -> r.nodes().stream()).distinct().collect(Collectors.joining(","));
            detail = "";
        } else {
            Failure f = newFailures.get(0);
            node = f.node();
            detail = ": " + f.operation() + " " + (f.exitStatus() == null ? "failed" : f.exitStatus())
                    + (f.exitReason() == null ? "" : " (" + f.exitReason() + ")");
        }
        return ClusterEvent.of(time, EventType.RESOURCE_FAILED, Severity.CRITICAL).node(node.isEmpty() ? null : node)
                .resource(id).message(id + " failed" + (node.isEmpty() ? "" : " on " + node) + detail);
    }

    /** Pairs what is gone with what is new: same node (role change), then across nodes (move). */
    private static void placements(String id, List<Placement> before, List<Placement> after, Instant time,
            List<ClusterEvent> out) {
        List<Placement> gone = Placement.without(before, after);
        List<Placement> added = Placement.without(after, before);
        for (Iterator<Placement> it = gone.iterator(); it.hasNext(); ) {
            Placement g = it.next();
            Placement a = take(added, p -> p.node().equals(g.node()));
            if (a != null) {
                it.remove();
                roleChange(id, g, a, time, out);
            }
        }
        for (Iterator<Placement> it = gone.iterator(); it.hasNext(); ) {
            Placement g = it.next();
            Placement a = take(added, p -> Objects.equals(p.role(), g.role()));
            if (a == null) {
                a = take(added, p -> true);
            }
            if (a != null) {
                it.remove();
                String roles = Objects.equals(g.role(), a.role()) ? "" : " (" + g.role() + " -> " + a.role() + ")";
                out.add(moved(time, id, g.node(), a.node(), roles));
            }
        }
        for (Placement g : gone) {
            out.add(ClusterEvent.of(time, EventType.RESOURCE_STOPPED, Severity.WARNING).node(g.node()).resource(id)
                    .change(g.role(), "Stopped").message(id + " stopped on " + g.node() + " (was " + g.role() + ")"));
        }
        for (Placement a : added) {
            out.add(ClusterEvent.of(time, EventType.RESOURCE_STARTED, Severity.INFO).node(a.node()).resource(id)
                    .change("Stopped", a.role()).message(id + " started on " + a.node() + " (" + a.role() + ")"));
        }
    }

    static ClusterEvent moved(Instant time, String id, String from, String to, String roles) {
        return ClusterEvent.of(time, EventType.RESOURCE_MOVED, Severity.WARNING).node(to).resource(id).change(from, to)
                .message(id + " moved from " + from + " to " + to + roles);
    }

    private static void roleChange(String id, Placement from, Placement to, Instant time, List<ClusterEvent> out) {
        int rise = rank(to.role()) - rank(from.role());
        if (rise == 0) {
            return;
        }
        EventType type = rise > 0 ? EventType.RESOURCE_PROMOTED : EventType.RESOURCE_DEMOTED;
        out.add(ClusterEvent.of(time, type, Severity.INFO).node(to.node()).resource(id).change(from.role(), to.role())
                .message(id + (rise > 0 ? " promoted" : " demoted") + " on " + to.node() + ": " + from.role() + " -> "
                        + to.role()));
    }

    /** Promoted above every other running role; Started and Unpromoted are the same level. */
    private static int rank(String role) {
        return "Promoted".equals(role) ? 1 : 0;
    }

    private static Placement take(List<Placement> list, Predicate<Placement> match) {
        for (Iterator<Placement> it = list.iterator(); it.hasNext(); ) {
            Placement p = it.next();
            if (match.test(p)) {
                it.remove();
                return p;
            }
        }
        return null;
    }

    private static boolean upIn(ClusterStatus s, String node) {
        return s.nodes().stream().anyMatch(n -> n.name().equals(node) && up(n));
    }

    private static Set<String> failedIds(ClusterStatus s) {
        Set<String> out = new HashSet<>();
        for (Resource r : s.resources()) {
            if (r.failed()) {
                out.add(r.id());
            }
        }
        return out;
    }

    /**
     * Failed operations by resource, in crm_mon's order; {@code rsc:N} (an anonymous clone instance)
     * counts for {@code rsc:N} and for {@code rsc}.
     */
    private static Map<String, List<Failure>> failuresById(ClusterStatus s) {
        Map<String, List<Failure>> out = new HashMap<>();
        for (Failure f : s.failures()) {
            if (f.resource() == null) {
                continue;
            }
            out.computeIfAbsent(f.resource(), k -> new ArrayList<>()).add(f);
            String clone = withoutInstance(f.resource());
            if (!clone.equals(f.resource())) {
                out.computeIfAbsent(clone, k -> new ArrayList<>()).add(f);
            }
        }
        return out;
    }

    static String withoutInstance(String id) {
        return id == null ? null : INSTANCE.matcher(id).replaceFirst("");
    }

    private static String nodesOf(List<Placement> placements) {
        return placements.stream().map(Placement::node).distinct().sorted().collect(Collectors.joining(","));
    }
}
