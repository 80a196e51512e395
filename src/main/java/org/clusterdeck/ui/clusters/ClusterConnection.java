package org.clusterdeck.ui.clusters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.clusterdeck.app.action.ClusterActions;
import org.clusterdeck.app.clusters.ClusterProfile;
import org.clusterdeck.app.monitor.ClusterView;
import org.clusterdeck.app.monitor.MonitorListener;
import org.clusterdeck.app.monitor.NodeView;
import org.clusterdeck.app.monitor.Reach;
import org.clusterdeck.cluster.events.ClusterEvent;
import org.clusterdeck.ui.Background;
import org.clusterdeck.ui.DialogService;

/**
 * The live connection to a saved cluster: connecting, the running monitor session, disconnecting,
 * and what the status line says about it. The monitor's views and events arrive on its threads and
 * are handed to the cluster's pages on the UI thread; a closed session's late calls are dropped.
 * Everything here is read and changed on the UI thread.
 */
final class ClusterConnection {
    /** Starting returns at once (nodes connect on the monitor's threads); this only catches a stuck start. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    /** Closing waits for polls under way, each bounded by its command timeout. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Supplier<ClusterProfile> profile;
    private final ClusterPages pages;
    private final Background background;
    private final DialogService dialogs;
    private final ClusterWatcher watcher;
    private final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(ConnectionState.DISCONNECTED);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");

    /** The monitor being started or running; completes off the UI thread once it has started. */
    private CompletableFuture<ClusterWatcher.Session> started;
    /** The running session's actions; null while not connected. */
    private ClusterActions sessionActions;
    /** Counts connections, so that a monitor's late calls after a disconnect are ignored. */
    private long session;

    ClusterConnection(Supplier<ClusterProfile> profile, ClusterPages pages, Background background,
            DialogService dialogs, ClusterWatcher watcher) {
        this.profile = profile;
        this.pages = pages;
        this.background = background;
        this.dialogs = dialogs;
        this.watcher = watcher;
        state.addListener((o, was, now) -> offerActions());
    }

    /** Actions need a live cluster that has answered, and the session's connections. */
    private void offerActions() {
        pages.offerActions(state.get() == ConnectionState.CONNECTED ? sessionActions : null);
    }

    /** Starts watching the cluster; the monitor starts off the UI thread and nodes connect on its own threads. */
    void connect() {
        long mine = ++session;
        ClusterProfile p = profile.get();
        state.set(ConnectionState.CONNECTING);
        text.set("Connecting to " + String.join(", ", p.hosts()) + " \u2026");
        started = background.run("Connecting to " + p.name(), START_TIMEOUT, () -> watcher.watch(p, new Listener(mine)),
                live -> {
                    if (mine == session) {
                        sessionActions = live.actions();
                        offerActions();
                    }
                }, error -> {
                    if (mine == session) {
                        state.set(ConnectionState.DISCONNECTED);
                        text.set("Could not connect to " + p.name());
                        dialogs.showError("Cannot connect to " + p.name(), String.valueOf(error.getMessage()));
                    }
                });
    }

    /**
     * Stops watching: polling ends and the connections close in the background, also when the
     * monitor is still starting. The future completes once everything is closed.
     */
    CompletableFuture<?> disconnect() {
        long mine = ++session;
        String name = profile.get().name();
        CompletableFuture<ClusterWatcher.Session> watch = started;
        started = null;
        sessionActions = null;
        state.set(ConnectionState.DISCONNECTING);
        text.set("Disconnecting from " + name + " \u2026");
        return watch.handle((w, startError) -> w).thenCompose(w -> {
            if (w == null) {
                background.ui().execute(() -> ended(mine, name));
                return CompletableFuture.completedFuture(null);
            }
            return background.run("Disconnecting from " + name, STOP_TIMEOUT, () -> {
                w.close();
                return w;
            }, closed -> ended(mine, name), error -> {
                ended(mine, name);
                dialogs.showError("Disconnecting from " + name, String.valueOf(error.getMessage()));
            });
        });
    }

    private void ended(long mine, String name) {
        if (mine == session && state.get() == ConnectionState.DISCONNECTING) {
            state.set(ConnectionState.DISCONNECTED);
            text.set("Disconnected from " + name);
        }
    }

    /** On the UI thread: a view from the monitor of connection {@code mine}. */
    private void show(long mine, ClusterView view) {
        if (mine != session) {
            return;
        }
        pages.show(view);
        if (view.status() != null) {
            state.set(ConnectionState.CONNECTED);
        }
        text.set(describe(view));
    }

    private void accept(long mine, ClusterEvent e) {
        if (mine == session) {
            pages.accept(e);
        }
    }

    /** What the status line says about a live cluster: who answers, who does not and why, and quorum. */
    static String describe(ClusterView view) {
        List<String> parts = new ArrayList<>();
        long answering = view.nodes().stream().filter(n -> n.reach() == Reach.REACHABLE || n.reach() == Reach.SLOW)
                .count();
        parts.add((view.status() == null ? "Connecting: " : "Connected: ") + answering + " of " + view.nodes().size()
                + " nodes answer");
        for (NodeView n : view.nodes()) {
            if (n.reach() == Reach.UNREACHABLE) {
                parts.add(n.nodeName() + " unreachable" + (n.error() == null ? "" : " (" + n.error().detail() + ")"));
            } else if (n.reach() == Reach.CONNECTING) {
                parts.add(n.host() + " connecting");
            } else if (n.reach() == Reach.SLOW) {
                parts.add(n.nodeName() + " answers slowly (" + n.link().describe() + ")");
            } else if (n.error() != null) {
                parts.add(n.nodeName() + ": " + n.error().detail());
            }
        }
        if (view.disagreement() != null) {
            parts.add("SPLIT: " + view.disagreement());
        }
        if (view.status() != null && view.status().summary() != null) {
            Boolean q = view.status().summary().quorum();
            parts.add(q == null ? "quorum unknown" : q ? "quorum" : "NO QUORUM");
            parts.add("status from " + view.source());
        }
        return String.join("  \u00b7  ", parts);
    }

    ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
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
                background.ui().execute(() -> show(mine, waiting.getAndSet(null)));
            }
        }

        @Override
        public void event(ClusterEvent event) {
            background.ui().execute(() -> accept(mine, event));
        }
    }
}
