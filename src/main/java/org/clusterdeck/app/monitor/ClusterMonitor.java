package org.clusterdeck.app.monitor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.clusterdeck.cluster.events.ClusterEvent;
import org.clusterdeck.cluster.events.EventType;
import org.clusterdeck.cluster.events.Severity;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.cluster.status.ViewDisagreement;
import org.clusterdeck.app.nodes.NodeConnection;

/**
 * Watches every node of one cluster. Each node is polled on its own thread, so a node that hangs
 * or died delays nobody else; every answer is merged at once into a new {@link ClusterView} and
 * compared with the previous one to find events. Stop it with {@link #close()}.
 */
public final class ClusterMonitor implements AutoCloseable {
    /** How long the nodes' views must contradict each other before the view says so. */
    static final Duration DISAGREEMENT = Duration.ofSeconds(5);
    private final List<NodePoller> pollers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final MonitorSettings settings;
    private final Clock clock;
    private final MonitorListener listener;
    private final Map<String, NodeView> latest = new LinkedHashMap<>();
    private final ViewChanges changes;
    private ClusterView current;
    private volatile boolean running;

    public ClusterMonitor(List<NodeConnection> nodes, MonitorSettings settings, Clock clock, MonitorListener listener) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a cluster needs at least one node to watch");
        }
        this.settings = settings;
        this.clock = clock;
        this.listener = listener;
        for (NodeConnection node : nodes) {
            NodePoller p = new NodePoller(node, clock, settings.commandTimeout());
            pollers.add(p);
            latest.put(p.host(), NodeView.connecting(p.host()));
        }
        this.changes = new ViewChanges();
        this.current = new ClusterView(clock.instant(), List.copyOf(latest.values()), null, null, null);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (NodePoller p : pollers) {
            Thread t = new Thread(() -> pollLoop(p), "monitor " + p.host());
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** The latest merged view. */
    public synchronized ClusterView current() {
        return current;
    }

    /**
     * Polls one node each interval, and sooner when its change stream reports something, though
     * not more often than four times an interval.
     */
    private void pollLoop(NodePoller poller) {
        long intervalNanos = settings.interval().toNanos();
        while (running) {
            long started = System.nanoTime();
            NodeView view = poller.poll();
            if (!running) {
                return;
            }
            try {
                publish(view);
            } catch (RuntimeException e) {
                // a defect in finding events must not end the watch of this node: say so, go on
                listener.event(ClusterEvent.of(clock.instant(), EventType.ERROR, Severity.WARNING).seenBy(view.host())
                        .message("ClusterDeck failed on the answer of " + view.host() + ": " + e
                                + (e.getStackTrace().length > 0 ? " at " + e.getStackTrace()[0] : "")));
            }
            long next = started + intervalNanos;
            long now = System.nanoTime();
            if (next < now) {
                // a slow answer: poll again soon, without trying to catch up on missed rounds
                next = now + intervalNanos / 10;
            }
            try {
                if (!poller.awaitNextRound(next, started + intervalNanos / 4)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Since when the current nodes' views contradict each other; null while they agree. Guarded by this. */
    private Instant disagreeingSince;

    private synchronized void publish(NodeView view) {
        NodeView before = latest.put(view.host(), view);
        Instant now = clock.instant();
        ClusterView previous = current;
        current = merge(now);
        List<ClusterEvent> events = changes.between(previous, before, current, view, now);
        listener.view(current);
        events.forEach(listener::event);
    }

    /**
     * The status shown is one node's, never a blend: the node it came from last time as long as
     * that node is current and quorate (so two nodes that lag each other do not make the view
     * flicker); otherwise the first current node with quorum in the order given, then any current
     * node. "Current" means it answered within {@link MonitorSettings#staleAfter()}: a dead node's
     * last answer, which still shows the cluster healthy, is dropped as soon as it is late.
     */
    private ClusterView merge(Instant now) {
        List<NodeView> nodes = List.copyOf(latest.values());
        Duration staleAfter = settings.staleAfter();
        List<NodeView> fresh = nodes.stream()
                .filter(n -> n.status() != null && n.answeredAt() != null
                        && Duration.between(n.answeredAt(), now).compareTo(staleAfter) <= 0)
                .toList();
        NodeView chosen = fresh.stream().filter(n -> n.host().equals(current.source()) && quorate(n)).findFirst()
                .or(() -> fresh.stream().filter(ClusterMonitor::quorate).findFirst())
                .or(() -> fresh.stream().findFirst())
                .orElse(null);
        if (chosen == null) {
            // Nobody is current: keep showing the last status (the nodes say they are unreachable)
            return new ClusterView(now, nodes, current.source(), current.status(), current.cib());
        }
        return new ClusterView(now, nodes, chosen.host(), chosen.status(), chosen.cib(), disagreement(fresh, now));
    }

    /**
     * What the current nodes' own views contradict each other about, once it has lasted {@link
     * #DISAGREEMENT}: during a failover one node's crm_mon shows a change a moment before another's.
     */
    private String disagreement(List<NodeView> fresh, Instant now) {
        Map<String, ClusterStatus> views = new LinkedHashMap<>();
        fresh.forEach(n -> views.put(n.nodeName(), n.status()));
        String found = ViewDisagreement.between(views);
        if (found == null) {
            disagreeingSince = null;
            return null;
        }
        disagreeingSince = disagreeingSince == null ? now : disagreeingSince;
        return Duration.between(disagreeingSince, now).compareTo(DISAGREEMENT) >= 0 ? found : null;
    }

    private static boolean quorate(NodeView n) {
        return Boolean.TRUE.equals(n.status().summary().quorum());
    }

    @Override
    public void close() {
        // No interrupts: they would abort a half-written audit record or an SSH exchange. A poll
        // under way ends by itself within its command timeout.
        running = false;
        pollers.forEach(NodePoller::stop);
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }
}
