package org.clusterdeck.cluster.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.clusterdeck.cluster.status.ClusterNode;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.cluster.status.Resource;

/**
 * Follows one cluster's views and turns trouble into failovers. One per cluster; not thread-safe.
 *
 * <p>Definitions:
 * <ul>
 * <li>A copy of a resource <em>runs</em> when crm_mon shows it active, not failed, on a node that
 *     is up (online, not unclean): what crm_mon still lists on a lost node does not run.
 *     Fence devices ({@code stonith:} agents) are not the service and are not followed: the
 *     device that fences a node often can run nowhere else once that node is gone.
 * <li><em>Trouble</em> is a {@code node-lost}, {@code resource-failed} or {@code fencing} event,
 *     or {@code resource-stopped} of a resource whose target-role is not Stopped.
 * <li>The <em>baseline</em> is what ran in the view before the trouble: per resource id, how many
 *     copies and how many of them promoted. A resource is <em>short</em> when fewer copies run
 *     than it needs: its baseline copies on nodes that are still up, at least one; and as many
 *     promoted copies as in the baseline, at most as many as it needs copies (a clone instance
 *     on a dead node cannot come back before the node, a promotion can move). A resource whose
 *     target-role becomes Stopped needs nothing.
 * <li>{@code failover-started}: a view with trouble in which some baseline resource is short.
 *     Trouble that leaves nothing short (a lost node that ran nothing, a failure healed before
 *     anything stopped) gives nothing.
 * <li>{@code failover}: the first later view in which no baseline resource is short. Its
 *     duration runs from the view of {@code failover-started} to that view; its resources are
 *     those short at some view in between, in crm_mon's order; {@code from} are the nodes they
 *     left and {@code to} the nodes they came to (both their nodes when they recovered in place).
 * <li>Trouble while a failover is open extends it: resources that ran in the view before join
 *     the baseline; no second {@code failover-started}. A failover that never completes stays
 *     open.
 * <li>A failover can also happen entirely between two views: trouble, nothing short, but some
 *     baseline resources run on other nodes (or in other roles) than before. That is a
 *     {@code failover} on its own, without {@code failover-started}; it began after the view
 *     before, so that view's time is its start.
 * <li>When the monitor reported, through {@link #nodeUnreachable}, that a node the resources
 *     left stopped answering (within {@link #SIGN_WINDOW} before), the failover starts then: that
 *     is the first sign of trouble, usually the moment the node died, while the cluster itself
 *     notices only after its token timeout. Durations are otherwise accurate to the polling
 *     interval.
 * </ul>
 */
public final class FailoverTracker {
    /** Resources a failover's message names before it counts the rest. */
    static final int NAMED = 10;

    /** Corosync notices a dead node within seconds; a longer silence is not this failure's first sign. */
    static final Duration SIGN_WINDOW = Duration.ofSeconds(60);

    private ClusterStatus previous;
    private Instant previousTime;
    private Open open;
    private final Map<String, Instant> unreachableSince = new LinkedHashMap<>();

    /** The baseline of an open failover and what has been short so far. */
    private static final class Open {
        final Instant start;
        final Map<String, List<Placement>> baseline = new LinkedHashMap<>();
        final Set<String> shortOnes = new LinkedHashSet<>();

        Open(Instant start, Map<String, List<Placement>> baseline) {
            this.start = start;
            this.baseline.putAll(baseline);
        }
    }

    /** The monitor lost contact with a node (not the cluster's verdict: a first sign of trouble). */
    public void nodeUnreachable(String node, Instant time) {
        unreachableSince.putIfAbsent(node, time);
    }

    public void nodeReachable(String node) {
        unreachableSince.remove(node);
    }

    /**
     * Feeds the next view with the events found between it and the view before (by
     * {@link StatusChanges}); returns the failover events it causes, if any.
     */
    public List<ClusterEvent> update(ClusterStatus view, List<ClusterEvent> events, Instant time) {
        List<ClusterEvent> out = new ArrayList<>();
        boolean trouble = events.stream().anyMatch(e -> isTrouble(e, view));
        if (previous != null && trouble) {
            if (open == null) {
                Map<String, List<Placement>> baseline = running(previous);
                Open candidate = new Open(firstSign(baseline, view, time, time), baseline);
                List<String> shortNow = shortIn(candidate, view);
                if (!shortNow.isEmpty()) {
                    open = candidate;
                    open.shortOnes.addAll(shortNow);
                    out.add(started(view, events, time));
                } else {
                    List<String> moved = relocated(baseline, view);
                    if (!moved.isEmpty()) {
                        Open between = new Open(firstSign(baseline, view, previousTime, time), baseline);
                        between.shortOnes.addAll(moved);
                        out.add(finished(between, view, time));
                    }
                }
            } else {
                addBaseline(open, previous);
            }
        }
        if (open != null && out.isEmpty()) {
            List<String> now = shortIn(open, view);
            open.shortOnes.addAll(now);
            if (now.isEmpty()) {
                out.add(finished(open, view, time));
                open = null;
            }
        }
        previous = view;
        previousTime = time;
        return out;
    }

    /**
     * When a node the baseline ran on is down now and stopped answering the monitor shortly
     * before, that moment; else {@code otherwise}. A node that has not answered for longer than
     * {@link #SIGN_WINDOW} gives no sign: its SSH may have been broken long before it failed.
     */
    private Instant firstSign(Map<String, List<Placement>> baseline, ClusterStatus view, Instant otherwise, Instant now) {
        Set<String> up = upNodes(view);
        Instant first = null;
        for (List<Placement> placements : baseline.values()) {
            for (Placement p : placements) {
                Instant since = unreachableSince.get(p.node());
                if (since != null && !up.contains(p.node()) && !since.isBefore(now.minus(SIGN_WINDOW))
                        && (first == null || since.isBefore(first))) {
                    first = since;
                }
            }
        }
        return first != null ? first : otherwise;
    }

    /**
     * Baseline resources that run, but not where or not in the roles they ran before on the nodes
     * still up; a clone that merely lost its instance on a dead node has not moved.
     */
    private static List<String> relocated(Map<String, List<Placement>> baseline, ClusterStatus view) {
        Map<String, List<Placement>> now = running(view);
        Set<String> up = upNodes(view);
        Set<String> stopped = targetStopped(view);
        List<String> out = new ArrayList<>();
        baseline.forEach((id, base) -> {
            List<Placement> stayed = base.stream().filter(p -> up.contains(p.node())).toList();
            if (!stopped.contains(id) && !sorted(stayed).equals(sorted(now.getOrDefault(id, List.of())))) {
                out.add(id);
            }
        });
        return out;
    }

    private static List<String> sorted(List<Placement> placements) {
        return placements.stream().map(p -> p.node() + " " + p.role()).sorted().toList();
    }

    private static Set<String> upNodes(ClusterStatus view) {
        Set<String> up = new TreeSet<>();
        view.nodes().stream().filter(StatusChanges::up).forEach(n -> up.add(n.name()));
        return up;
    }

    private static boolean isTrouble(ClusterEvent e, ClusterStatus view) {
        return switch (e.type()) {
            case NODE_LOST, RESOURCE_FAILED, FENCING -> true;
            case RESOURCE_STOPPED -> !targetStopped(view).contains(e.resource());
            default -> false;
        };
    }

    private static void addBaseline(Open o, ClusterStatus before) {
        running(before).forEach(o.baseline::putIfAbsent);
    }

    /** Per followed resource id, the copies that run (see the class comment), in crm_mon's order. */
    private static Map<String, List<Placement>> running(ClusterStatus s) {
        Set<String> up = new TreeSet<>();
        for (ClusterNode n : s.nodes()) {
            if (StatusChanges.up(n)) {
                up.add(n.name());
            }
        }
        Map<String, List<Placement>> out = new LinkedHashMap<>();
        for (Resource r : s.resources()) {
            if (r.agent() != null && r.agent().startsWith("stonith:")) {
                continue;
            }
            List<Placement> list = out.computeIfAbsent(r.id(), id -> new ArrayList<>());
            if (r.active() && !r.failed()) {
                r.nodes().stream().filter(up::contains).forEach(n -> list.add(new Placement(n, r.role())));
            }
        }
        out.values().removeIf(List::isEmpty);
        return out;
    }

    private static List<String> shortIn(Open o, ClusterStatus view) {
        Map<String, List<Placement>> now = running(view);
        Set<String> up = upNodes(view);
        Set<String> stopped = targetStopped(view);
        List<String> out = new ArrayList<>();
        o.baseline.forEach((id, base) -> {
            if (stopped.contains(id)) {
                return;
            }
            long needCopies = Math.max(1, base.stream().filter(p -> up.contains(p.node())).count());
            long needPromoted = Math.min(base.stream().filter(Placement::promoted).count(), needCopies);
            List<Placement> have = now.getOrDefault(id, List.of());
            if (have.size() < needCopies || have.stream().filter(Placement::promoted).count() < needPromoted) {
                out.add(id);
            }
        });
        return out;
    }

    /** Resources the admin stopped (target-role Stopped): not running is what they should do. */
    private static Set<String> targetStopped(ClusterStatus s) {
        Set<String> out = new HashSet<>();
        for (Resource r : s.resources()) {
            if ("Stopped".equals(r.targetRole())) {
                out.add(r.id());
            }
        }
        return out;
    }

    private ClusterEvent started(ClusterStatus view, List<ClusterEvent> events, Instant time) {
        ClusterEvent cause = events.stream().filter(e -> isTrouble(e, view)).findFirst().orElseThrow();
        List<String> affected = List.copyOf(open.shortOnes);
        return ClusterEvent.of(time, EventType.FAILOVER_STARTED, Severity.CRITICAL).node(cause.node())
                .resources(affected)
                .message("failover started (" + cause.message() + "); not running: " + named(affected));
    }

    private static ClusterEvent finished(Open open, ClusterStatus view, Instant time) {
        Map<String, List<Placement>> now = running(view);
        List<String> affected = open.baseline.keySet().stream().filter(open.shortOnes::contains).toList();
        Set<String> from = new TreeSet<>();
        Set<String> to = new TreeSet<>();
        for (String id : affected) {
            Set<String> was = nodes(open.baseline.get(id));
            Set<String> is = nodes(now.getOrDefault(id, List.of()));
            was.stream().filter(n -> !is.contains(n)).forEach(from::add);
            is.stream().filter(n -> !was.contains(n)).forEach(to::add);
        }
        if (from.isEmpty() && to.isEmpty()) {
            affected.forEach(id -> to.addAll(nodes(now.getOrDefault(id, List.of()))));
            from.addAll(to);
        }
        long ms = Duration.between(open.start, time).toMillis();
        String fromText = String.join(",", from);
        String toText = String.join(",", to);
        return ClusterEvent.of(time, EventType.FAILOVER, Severity.WARNING).node(toText.isEmpty() ? null : toText)
                .change(fromText.isEmpty() ? null : fromText, toText.isEmpty() ? null : toText)
                .duration(ms, affected)
                .message("failover done in " + ms + " ms: " + named(affected) + " from "
                        + (fromText.isEmpty() ? "-" : fromText) + " to " + (toText.isEmpty() ? "-" : toText));
    }

    /**
     * The resources a message names: all of them up to {@link #NAMED}, else the first ones and how
     * many more. A cluster of 1,000 resources fails over 500 at once, and a message naming each is
     * 6,000 characters on a line; the event's resource list keeps them all.
     */
    static String named(List<String> ids) {
        if (ids.size() <= NAMED) {
            return String.join(", ", ids);
        }
        return String.join(", ", ids.subList(0, NAMED - 1)) + " and " + (ids.size() - NAMED + 1) + " more";
    }

    private static Set<String> nodes(List<Placement> placements) {
        Set<String> out = new TreeSet<>();
        placements.forEach(p -> out.add(p.node()));
        return out;
    }
}
