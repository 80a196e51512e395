package org.clusterdeck.ui.clusters;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.clusterdeck.app.clusters.ClusterProfile;
import org.clusterdeck.ui.Background;
import org.clusterdeck.ui.DialogService;
import org.clusterdeck.ui.Feed;
import org.clusterdeck.ui.action.ActionsViewModel;
import org.clusterdeck.ui.drbd.DrbdViewModel;
import org.clusterdeck.ui.graph.GraphViewModel;
import org.clusterdeck.ui.overview.OverviewViewModel;
import org.clusterdeck.ui.timeline.TimelineViewModel;

/**
 * One cluster in the list: a saved profile (a live cluster, watched while connected through its
 * {@link ClusterConnection}) or an opened CIB file, with its {@link ClusterPages}, its name and
 * health badge. Everything here is read and changed on the UI thread.
 */
public final class ClusterViewModel {
    private final ObjectProperty<ClusterProfile> profile = new SimpleObjectProperty<>();
    private final Path file;
    private final ClusterPages pages;
    private final ClusterConnection connection;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper();
    private final ObjectProperty<Tab> tab = new SimpleObjectProperty<>(Tab.OVERVIEW);
    private final ReadOnlyObjectWrapper<Health> health = new ReadOnlyObjectWrapper<>(Health.UNKNOWN);
    private final BooleanBinding canConnect;
    private final BooleanBinding canDisconnect;

    /** The cluster page's tabs. */
    public enum Tab {
        OVERVIEW, GRAPH, TIMELINE, DRBD
    }

    private ClusterViewModel(ClusterProfile profile, Path file, Background background, DialogService dialogs,
            ClusterWatcher watcher) {
        this.file = file;
        this.pages = new ClusterPages(background, dialogs);
        this.connection = new ClusterConnection(this.profile::get, pages, background, dialogs, watcher);
        this.profile.addListener((o, was, now) -> describe());
        this.profile.set(profile);
        describe();
        ReadOnlyObjectProperty<ConnectionState> state = connection.stateProperty();
        canConnect = Bindings.createBooleanBinding(() -> file == null && state.get() == ConnectionState.DISCONNECTED,
                state);
        canDisconnect = Bindings.createBooleanBinding(() -> state.get() == ConnectionState.CONNECTING
                || state.get() == ConnectionState.CONNECTED, state);
        pages.overview().healthProperty().addListener((o, was, now) -> judgeHealth());
        state.addListener((o, was, now) -> judgeHealth());
        pages.feedProperty().bind(Bindings.createObjectBinding(() -> file != null ? Feed.FILE : feed(state.get()), state));
    }

    private static Feed feed(ConnectionState state) {
        return switch (state) {
            case CONNECTING -> Feed.CONNECTING;
            case CONNECTED -> Feed.LIVE;
            case DISCONNECTED, DISCONNECTING -> Feed.OFFLINE;
        };
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
        boolean live = isFile() || connection.stateProperty().get() == ConnectionState.CONNECTED;
        health.set(live ? pages.overview().healthProperty().get() : Health.UNKNOWN);
    }

    /** Starts watching the cluster; the monitor starts off the UI thread and nodes connect on its own threads. */
    public void connect() {
        if (canConnect.get()) {
            connection.connect();
        }
    }

    /**
     * Stops watching: polling ends and the connections close in the background, also when the
     * monitor is still starting; the last data stays on screen, marked as not live. The future
     * completes once everything is closed.
     */
    public CompletableFuture<?> disconnect() {
        return canDisconnect.get() ? connection.disconnect() : CompletableFuture.completedFuture(null);
    }

    public boolean isFile() {
        return file != null;
    }

    /** What the cluster's pages show, fed by the live connection or from a file. */
    public ClusterPages pages() {
        return pages;
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
        return connection.stateProperty();
    }

    /** One line on the live connection: connecting, who answers, unreachable nodes and why, quorum. */
    public ReadOnlyStringProperty connectionTextProperty() {
        return connection.textProperty();
    }

    public BooleanBinding canConnectProperty() {
        return canConnect;
    }

    public BooleanBinding canDisconnectProperty() {
        return canDisconnect;
    }

    public OverviewViewModel overview() {
        return pages.overview();
    }

    public GraphViewModel graph() {
        return pages.graph();
    }

    public TimelineViewModel timeline() {
        return pages.timeline();
    }

    public DrbdViewModel drbd() {
        return pages.drbd();
    }

    /** Failover and configuration actions on this cluster; possible only while connected to a live one. */
    public ActionsViewModel actions() {
        return pages.actions();
    }
}
