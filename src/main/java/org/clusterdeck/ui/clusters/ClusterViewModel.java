package org.clusterdeck.ui.clusters;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.clusterdeck.app.action.ActionService;
import org.clusterdeck.app.clusters.ClusterProfile;
import org.clusterdeck.app.monitor.ClusterView;
import org.clusterdeck.app.monitor.MonitorListener;
import org.clusterdeck.app.monitor.NodeView;
import org.clusterdeck.app.monitor.Reach;
import org.clusterdeck.cluster.cib.Cib;
import org.clusterdeck.cluster.drbd.DrbdStatus;
import org.clusterdeck.cluster.events.ClusterEvent;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.ui.Background;
import org.clusterdeck.ui.DialogService;
import org.clusterdeck.ui.action.ActionsViewModel;
import org.clusterdeck.ui.drbd.DrbdViewModel;
import org.clusterdeck.ui.graph.GraphViewModel;
import org.clusterdeck.ui.overview.OverviewViewModel;
import org.clusterdeck.ui.timeline.TimelineViewModel;

/**
 * One cluster in the list: a saved profile (a live cluster, watched while connected) or an opened
 * CIB file, with its overview, graph, failover timeline and DRBD page, and the events seen. Views
 * and events come in on monitor threads and are handed to the UI executor; everything here is
 * read and changed on the UI thread.
 */
public final class ClusterViewModel {
    /** Events kept for the timeline; older ones are dropped first. */
    public static final int MAX_EVENTS = 2000;
    /** Starting returns at once (nodes connect on the monitor's threads); this only catches a stuck start. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    /** Closing waits for polls under way, each bounded by its command timeout. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final ObjectProperty<ClusterProfile> profile = new SimpleObjectProperty<>();
    private final Path file;
    private final Background background;
    private final DialogService dialogs;
    private final ClusterWatcher watcher;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper();
    private final OverviewViewModel overview = new OverviewViewModel();
    private final GraphViewModel graph;
    private final TimelineViewModel timeline = new TimelineViewModel();
    private final DrbdViewModel drbd = new DrbdViewModel();
    private final ActionsViewModel actions;
    private final ObjectProperty<Tab> tab = new SimpleObjectProperty<>(Tab.OVERVIEW);
    private final ReadOnlyObjectWrapper<ConnectionState> connection =
            new ReadOnlyObjectWrapper<>(ConnectionState.DISCONNECTED);
    private final ReadOnlyStringWrapper connectionText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Health> health = new ReadOnlyObjectWrapper<>(Health.UNKNOWN);
    private final ObservableList<ClusterEvent> events = FXCollections.observableArrayList();
    private final BooleanBinding canConnect;
    private final BooleanBinding canDisconnect;

    /** The monitor being started or running; completes off the UI thread once it has started. */
    private CompletableFuture<ClusterWatcher.Session> started;
    /** The running session's actions; null while not connected. */
    private List<ActionService> sessionActions;
    /** Counts connections, so that a monitor's late calls after a disconnect are ignored. */
    private long session;

    /** The cluster page's tabs. */
    public enum Tab {
        OVERVIEW, GRAPH, TIMELINE, DRBD
    }

    private ClusterViewModel(ClusterProfile profile, Path file, Background background, DialogService dialogs,
            ClusterWatcher watcher) {
        this.file = file;
        this.background = background;
        this.dialogs = dialogs;
        this.watcher = watcher;
        this.graph = new GraphViewModel(background, dialogs);
        this.actions = new ActionsViewModel(background, dialogs);
        graph.selectedIdProperty().addListener((o, was, now) -> actions.selectResource(now));
        this.profile.addListener((o, was, now) -> describe());
        this.profile.set(profile);
        describe();
        canConnect = Bindings.createBooleanBinding(() -> file == null && connection.get() == ConnectionState.DISCONNECTED,
                connection);
        canDisconnect = Bindings.createBooleanBinding(() -> connection.get() == ConnectionState.CONNECTING
                || connection.get() == ConnectionState.CONNECTED, connection);
        overview.healthProperty().addListener((o, was, now) -> judgeHealth());
        connection.addListener((o, was, now) -> judgeHealth());
        connection.addListener((o, was, now) -> offerActions());
    }

    /** Actions need a live cluster that has answered, and the session's connections. */
    private void offerActions() {
        if (connection.get() == ConnectionState.CONNECTED && sessionActions != null) {
            actions.connected(sessionActions);
        } else {
            actions.disconnected();
        }
    }

    public static ClusterViewModel forProfile(ClusterProfile profile, Background background, DialogService dialogs,
            ClusterWatcher watcher) {
        return new ClusterViewModel(profile, null, background, dialogs, watcher);
    }

    public static ClusterViewModel forFile(Path file, Background background, DialogService dialogs) {
        return new ClusterViewModel(null, file, background, dialogs, null);
    }

    private void describe() {
        ClusterProfile p = profile.get();
        if (p != null) {
            name.set(p.name());
            source.set(String.join(", ", p.hosts()) + (p.jumpHost() != null && !p.jumpHost().isBlank()
                    ? " via " + p.jumpHost() : ""));
        } else {
            name.set(file.getFileName().toString());
            source.set("CIB file " + file);
        }
    }

    /**
     * A file's verdict is the overview's; a live cluster's only while connected, since data from a
     * closed connection may be stale.
     */
    private void judgeHealth() {
        boolean live = isFile() || connection.get() == ConnectionState.CONNECTED;
        health.set(live ? overview.healthProperty().get() : Health.UNKNOWN);
    }

    /** A new view of the cluster: status from crm_mon, configuration from the CIB (may be null). */
    public void show(ClusterStatus status, Cib cib) {
        overview.update(status, cib);
        graph.update(status, cib);
        actions.update(status, cib);
    }

    /** The monitor's next event, on the UI thread: onto the timeline, and notified if it must be. */
    public void acceptEvent(ClusterEvent event) {
        timeline.accept(event);
    }

    /** Each node's latest DRBD status (by node name; null or absent when it gave none) at the view's time. */
    public void showDrbd(Map<String, DrbdStatus> byNode, Instant time) {
        drbd.update(byNode, time);
    }

    /** The nodes the console cannot reach itself; the monitor sets this per host. */
    public void setUnreachable(Set<String> nodes) {
        overview.unreachableProperty().set(Set.copyOf(nodes));
    }

    /** Starts watching the cluster; the monitor starts off the UI thread and nodes connect on its own threads. */
    public void connect() {
        if (!canConnect.get()) {
            return;
        }
        long mine = ++session;
        ClusterProfile p = profile.get();
        connection.set(ConnectionState.CONNECTING);
        connectionText.set("Connecting to " + String.join(", ", p.hosts()) + " \u2026");
        started = background.run("Connecting to " + p.name(), START_TIMEOUT, () -> watcher.watch(p, new Listener(mine)),
                live -> {
                    if (mine == session) {
                        sessionActions = live.actions();
                        offerActions();
                    }
                }, error -> {
                    if (mine == session) {
                        connection.set(ConnectionState.DISCONNECTED);
                        connectionText.set("Could not connect to " + p.name());
                        dialogs.showError("Cannot connect to " + p.name(), String.valueOf(error.getMessage()));
                    }
                });
    }

    /**
     * Stops watching: polling ends and the connections close in the background, also when the
     * monitor is still starting; the last data stays on screen, marked as not live. The future
     * completes once everything is closed.
     */
    public CompletableFuture<?> disconnect() {
        if (!canDisconnect.get()) {
            return CompletableFuture.completedFuture(null);
        }
        long mine = ++session;
        CompletableFuture<ClusterWatcher.Session> watch = started;
        started = null;
        sessionActions = null;
        connection.set(ConnectionState.DISCONNECTING);
        connectionText.set("Disconnecting from " + name.get() + " \u2026");
        return watch.handle((w, startError) -> w).thenCompose(w -> {
            if (w == null) {
                background.ui().execute(() -> ended(mine));
                return CompletableFuture.completedFuture(null);
            }
            return background.run("Disconnecting from " + name.get(), STOP_TIMEOUT, () -> {
                w.close();
                return w;
            }, closed -> ended(mine), error -> {
                ended(mine);
                dialogs.showError("Disconnecting from " + name.get(), String.valueOf(error.getMessage()));
            });
        });
    }

    private void ended(long mine) {
        if (mine == session && connection.get() == ConnectionState.DISCONNECTING) {
            connection.set(ConnectionState.DISCONNECTED);
            connectionText.set("Disconnected from " + name.get());
        }
    }

    /** On the UI thread: a view from the monitor of connection {@code mine}. */
    private void apply(long mine, ClusterView view) {
        if (mine != session) {
            return;
        }
        Set<String> cut = new LinkedHashSet<>();
        Map<String, DrbdStatus> drbdByNode = new LinkedHashMap<>();
        for (NodeView n : view.nodes()) {
            if (n.reach() == Reach.UNREACHABLE) {
                cut.add(n.nodeName());
            }
            drbdByNode.put(n.nodeName(), n.drbd());
        }
        setUnreachable(cut);
        showDrbd(drbdByNode, view.time());
        if (view.status() != null) {
            show(view.status(), view.cib());
            connection.set(ConnectionState.CONNECTED);
        }
        connectionText.set(describe(view));
    }

    /** What the status line says about a live cluster: who answers, who does not and why, and quorum. */
    static String describe(ClusterView view) {
        List<String> parts = new ArrayList<>();
        long answering = view.nodes().stream().filter(n -> n.reach() == Reach.REACHABLE).count();
        parts.add((view.status() == null ? "Connecting: " : "Connected: ") + answering + " of " + view.nodes().size()
                + " nodes answer");
        for (NodeView n : view.nodes()) {
            if (n.reach() == Reach.UNREACHABLE) {
                parts.add(n.nodeName() + " unreachable" + (n.error() == null ? "" : " (" + n.error().detail() + ")"));
            } else if (n.reach() == Reach.CONNECTING) {
                parts.add(n.host() + " connecting");
            } else if (n.error() != null) {
                parts.add(n.nodeName() + ": " + n.error().detail());
            }
        }
        if (view.status() != null && view.status().summary() != null) {
            Boolean q = view.status().summary().quorum();
            parts.add(q == null ? "quorum unknown" : q ? "quorum" : "NO QUORUM");
            parts.add("status from " + view.source());
        }
        return String.join("  \u00b7  ", parts);
    }

    private void add(long mine, ClusterEvent e) {
        if (mine != session) {
            return;
        }
        events.add(e);
        acceptEvent(e);
        if (events.size() > MAX_EVENTS) {
            events.remove(0, events.size() - MAX_EVENTS);
        }
    }

    /**
     * Hands the monitor's output to the UI thread. Views are coalesced: when the UI thread lags,
     * only the newest waiting view is shown; events are all delivered, in order.
     */
    private final class Listener implements MonitorListener {
        private final long mine;
        private final AtomicReference<ClusterView> waiting = new AtomicReference<>();

        Listener(long mine) {
            this.mine = mine;
        }

        @Override
        public void view(ClusterView view) {
            if (waiting.getAndSet(view) == null) {
                background.ui().execute(() -> apply(mine, waiting.getAndSet(null)));
            }
        }

        @Override
        public void event(ClusterEvent event) {
            background.ui().execute(() -> add(mine, event));
        }
    }

    public boolean isFile() {
        return file != null;
    }

    /** Which tab of the cluster's page is shown. */
    public ObjectProperty<Tab> tabProperty() {
        return tab;
    }

    public ObjectProperty<ClusterProfile> profileProperty() {
        return profile;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Health> healthProperty() {
        return health.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    /** One line on the live connection: connecting, who answers, unreachable nodes and why, quorum. */
    public ReadOnlyStringProperty connectionTextProperty() {
        return connectionText.getReadOnlyProperty();
    }

    public BooleanBinding canConnectProperty() {
        return canConnect;
    }

    public BooleanBinding canDisconnectProperty() {
        return canDisconnect;
    }

    /**
     * The monitor's events, oldest first, at most {@link #MAX_EVENTS}; appended on the UI thread
     * while connected and kept after a disconnect.
     */
    public ObservableList<ClusterEvent> events() {
        return events;
    }

    public OverviewViewModel overview() {
        return overview;
    }

    public GraphViewModel graph() {
        return graph;
    }

    public TimelineViewModel timeline() {
        return timeline;
    }

    public DrbdViewModel drbd() {
        return drbd;
    }

    /** Failover and configuration actions on this cluster; possible only while connected to a live one. */
    public ActionsViewModel actions() {
        return actions;
    }
}
