package org.clusterdeck.ui.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.clusterdeck.cluster.events.ClusterEvent;
import org.clusterdeck.cluster.events.EventType;
import org.clusterdeck.ui.Feed;

/**
 * The monitor's events on a time axis, grouped per failover, and what the admin is notified of.
 * Fed one event at a time through {@link #accept}, on the UI thread, in the order the monitor
 * found them.
 *
 * <p>A failover opens with {@code failover-started} and closes with {@code failover}; a
 * {@code failover} without a start (it happened between two views) is a failover of its own. Its
 * start is the first sign: for a finished one the monitor's measurement ({@code durationMs}
 * before the end, which already counts from the node that stopped answering); for one under way
 * the earliest {@code node-lost}, {@code node-unreachable}, {@code resource-failed} or
 * {@code fencing} within {@link #SIGN_WINDOW} before it that belongs to no earlier failover.
 */
public final class TimelineViewModel {
    /** Events kept; older ones drop off the axis (failovers stay listed). */
    public static final int MAX_EVENTS = 5000;
    /** Notifications shown at once; older ones are still on the timeline. */
    static final int MAX_NOTIFICATIONS = 4;
    /** The same reach back the failover tracker gives a first sign. */
    static final Duration SIGN_WINDOW = Duration.ofSeconds(60);

    private final ObservableList<ClusterEvent> events = FXCollections.observableArrayList();
    private final ObservableList<Failover> failovers = FXCollections.observableArrayList();
    private final ObjectProperty<Failover> selected = new SimpleObjectProperty<>();
    private final ObservableList<ClusterEvent> selectedEvents = FXCollections.observableArrayList();
    private final ObservableList<Move> selectedMoves = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper selectedSummary = new ReadOnlyStringWrapper("");
    private final ObservableList<Notification> notifications = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Instant> latest = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Feed> feed = new SimpleObjectProperty<>(Feed.OFFLINE);
    private final StringBinding failoversEmpty = Bindings.createStringBinding(
            () -> unlessFollowed("No failover seen yet."), feed);
    private final StringBinding eventsEmpty = Bindings.createStringBinding(() -> selected.get() != null
            ? "This failover's events are no longer kept: only the latest " + MAX_EVENTS + " events are."
            : unlessFollowed("No events yet: they appear as the cluster changes."), selected, feed);
    private final StringBinding movesEmpty = Bindings.createStringBinding(() -> {
        Failover f = selected.get();
        return f != null ? (f.open() ? "Nothing has moved yet." : "Nothing moved in this failover.")
                : failovers.isEmpty() ? "No failover yet, so nothing moved." : "Select a failover to see what moved.";
    }, selected, failovers);

    public TimelineViewModel() {
        selected.addListener((o, was, now) -> describeSelected());
    }

    /** The next event from the monitor. */
    public void accept(ClusterEvent e) {
        events.add(e);
        if (events.size() > MAX_EVENTS) {
            events.remove(0, events.size() - MAX_EVENTS);
        }
        if (latest.get() == null || e.time().isAfter(latest.get())) {
            latest.set(e.time());
        }
        if (e.type() == EventType.FAILOVER_STARTED) {
            if (openFailover().isEmpty()) {
                failovers.add(new Failover(firstSign(e), e, null));
            }
        } else if (e.type() == EventType.FAILOVER) {
            Instant start = e.durationMs() == null ? e.time() : e.time().minusMillis(e.durationMs());
            Optional<Failover> open = openFailover();
            Failover done = new Failover(start, open.map(Failover::started).orElse(null), e);
            if (open.isPresent()) {
                int i = failovers.indexOf(open.get());
                boolean wasSelected = open.get().equals(selected.get());
                failovers.set(i, done);
                if (wasSelected) {
                    selected.set(done);
                }
            } else {
                failovers.add(done);
            }
        }
        notify(e);
        Failover s = selected.get();
        if (s == null) {
            selectedEvents.add(e);
            if (selectedEvents.size() > MAX_EVENTS) {
                selectedEvents.remove(0, selectedEvents.size() - MAX_EVENTS);
            }
        } else if (s.covers(e.time(), latest.get())) {
            describeSelected();
        }
    }

    private Optional<Failover> openFailover() {
        return failovers.stream().filter(Failover::open).findFirst();
    }

    private Instant firstSign(ClusterEvent started) {
        Instant after = failovers.isEmpty() ? Instant.MIN : failovers.get(failovers.size() - 1).end();
        Instant earliest = started.time();
        for (ClusterEvent e : events) {
            boolean sign = switch (e.type()) {
                case NODE_LOST, NODE_UNREACHABLE, RESOURCE_FAILED, FENCING -> true;
                default -> false;
            };
            if (sign && e.time().isBefore(earliest) && e.time().isAfter(after)
                    && !e.time().isBefore(started.time().minus(SIGN_WINDOW))) {
                earliest = e.time();
            }
        }
        return earliest;
    }

    // ---- notifications

    /**
     * What the admin is told at once: a node lost, a node fenced, a resource failed, a DRBD split
     * brain. Node reachability is the console's own contact, not the cluster's verdict, and
     * everything else is on the timeline.
     */
    static Optional<String> notificationTitle(EventType type) {
        return Optional.ofNullable(switch (type) {
            case NODE_LOST -> "Node lost";
            case FENCING -> "Fencing";
            case RESOURCE_FAILED -> "Resource failed";
            case DRBD_SPLIT_BRAIN -> "DRBD split brain";
            default -> null;
        });
    }

    private void notify(ClusterEvent e) {
        Optional<String> title = notificationTitle(e.type());
        if (title.isEmpty()) {
            return;
        }
        Notification last = notifications.isEmpty() ? null : notifications.get(0);
        if (last != null && last.type() == e.type() && last.time().equals(e.time())) {
            List<String> lines = new ArrayList<>(last.lines());
            lines.add(e.message());
            notifications.set(0, new Notification(last.time(), last.type(), worse(last, e), plural(title.get(),
                    lines.size()), lines));
            return;
        }
        notifications.add(0, new Notification(e.time(), e.type(), e.severity(), title.get(), List.of(e.message())));
        if (notifications.size() > MAX_NOTIFICATIONS) {
            notifications.remove(MAX_NOTIFICATIONS, notifications.size());
        }
    }

    private static org.clusterdeck.cluster.events.Severity worse(Notification n, ClusterEvent e) {
        return e.severity().compareTo(n.severity()) > 0 ? e.severity() : n.severity();
    }

    private static String plural(String title, int count) {
        return switch (title) {
            case "Node lost" -> count + " nodes lost";
            case "Resource failed" -> count + " resources failed";
            default -> title + " (" + count + ")";
        };
    }

    public void dismiss(Notification n) {
        notifications.remove(n);
    }

    public void dismissAll() {
        notifications.clear();
    }

    // ---- selection

    /** Selects the failover after the selected one (the first when none is); stays at the last. */
    public void selectNext() {
        step(1);
    }

    public void selectPrevious() {
        step(-1);
    }

    private void step(int by) {
        if (failovers.isEmpty()) {
            return;
        }
        int i = failovers.indexOf(selected.get());
        int next = i < 0 ? (by > 0 ? 0 : failovers.size() - 1) : Math.max(0, Math.min(failovers.size() - 1, i + by));
        selected.set(failovers.get(next));
    }

    /** The failover whose band lies at {@code time}, if any (a click on the axis). */
    public Optional<Failover> failoverAt(Instant time) {
        return failovers.stream().filter(f -> f.covers(time, latest.get())).findFirst();
    }

    private void describeSelected() {
        Failover f = selected.get();
        if (f == null) {
            selectedEvents.setAll(events);
            selectedMoves.clear();
            selectedSummary.set("");
            return;
        }
        List<ClusterEvent> inside = events.stream().filter(e -> f.covers(e.time(), latest.get())).toList();
        selectedEvents.setAll(inside);
        selectedMoves.setAll(moves(f, inside));
        selectedSummary.set(summary(f));
    }

    private String summary(Failover f) {
        String cause = f.started() != null ? f.started().message() : "happened between two views of the cluster";
        if (f.open()) {
            return "Failover under way since " + TimelineFormat.clock(f.start()) + " ("
                    + TimelineFormat.duration(Duration.between(f.start(), latest.get())) + " so far). " + cause;
        }
        ClusterEvent end = f.finished();
        String nodes = end.from() == null ? "" : " from " + end.from() + " to " + end.to();
        return "Failover " + TimelineFormat.clock(f.start()) + " \u2013 " + TimelineFormat.clock(f.end()) + ", took "
                + TimelineFormat.duration(Duration.ofMillis(f.durationMs())) + ": " + String.join(", ", f.resources())
                + nodes + "." + (f.started() != null ? "\nFirst sign: " + cause : "");
    }

    /**
     * Per resource of the failover, where it went: a {@code resource-moved} inside the failover
     * names both nodes; else a start or promotion names where it came up (from where the failover
     * says resources left); else the failover's own from/to, or nowhere yet while it is open.
     */
    static List<Move> moves(Failover f, List<ClusterEvent> inside) {
        List<Move> out = new ArrayList<>();
        String from = f.open() ? f.started().node() : f.finished().from();
        for (String id : f.resources()) {
            ClusterEvent moved = last(inside, id, EventType.RESOURCE_MOVED);
            ClusterEvent up = moved != null ? null : last(inside, id, EventType.RESOURCE_STARTED,
                    EventType.RESOURCE_PROMOTED, EventType.RESOURCE_RECOVERED);
            if (moved != null) {
                out.add(new Move(id, moved.from(), moved.to()));
            } else if (up != null) {
                out.add(new Move(id, from, up.node()));
            } else {
                out.add(new Move(id, from, f.open() ? null : f.finished().to()));
            }
        }
        return out;
    }

    private static ClusterEvent last(List<ClusterEvent> events, String resource, EventType... types) {
        ClusterEvent found = null;
        for (ClusterEvent e : events) {
            if (resource.equals(e.resource()) && List.of(types).contains(e.type())) {
                found = e;
            }
        }
        return found;
    }

    /**
     * Events come only from a live cluster's monitor, while it is followed: a CIB file has none,
     * and a cluster not followed has none yet; {@code live} is what no events means while followed.
     */
    private String unlessFollowed(String live) {
        return switch (feed.get()) {
            case FILE -> "A CIB file has no history: events are recorded while ClusterDeck follows a live cluster.";
            case LIVE -> live;
            default -> feed.get().waiting();
        };
    }

    // ---- state for the view

    /** Where events come from now: what the empty lists say. */
    public ObjectProperty<Feed> feedProperty() {
        return feed;
    }

    public StringBinding failoversEmptyText() {
        return failoversEmpty;
    }

    /** All events, or the selected failover's. */
    public StringBinding eventsEmptyText() {
        return eventsEmpty;
    }

    public StringBinding movesEmptyText() {
        return movesEmpty;
    }

    /** Every event kept, in the monitor's order. */
    public ObservableList<ClusterEvent> events() {
        return events;
    }

    /** Failovers oldest first; one under way is replaced by its finished self when it ends. */
    public ObservableList<Failover> failovers() {
        return failovers;
    }

    public ObjectProperty<Failover> selectedProperty() {
        return selected;
    }

    /** The events inside the selected failover (its signs, the moves, the failover events); all while none is selected. */
    public ObservableList<ClusterEvent> selectedEvents() {
        return selectedEvents;
    }

    public ObservableList<Move> selectedMoves() {
        return selectedMoves;
    }

    public ReadOnlyStringProperty selectedSummaryProperty() {
        return selectedSummary.getReadOnlyProperty();
    }

    /** Newest first, at most {@value #MAX_NOTIFICATIONS}. */
    public ObservableList<Notification> notifications() {
        return notifications;
    }

    /** The time of the newest event: the right end of the axis and "now" for a failover under way. */
    public ReadOnlyObjectProperty<Instant> latestProperty() {
        return latest.getReadOnlyProperty();
    }
}
