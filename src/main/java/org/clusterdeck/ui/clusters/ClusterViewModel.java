package org.clusterdeck.ui.clusters;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.clusterdeck.app.clusters.ClusterProfile;
import org.clusterdeck.cluster.cib.Cib;
import org.clusterdeck.cluster.drbd.DrbdStatus;
import org.clusterdeck.cluster.events.ClusterEvent;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.ui.Background;
import org.clusterdeck.ui.DialogService;
import org.clusterdeck.ui.drbd.DrbdViewModel;
import org.clusterdeck.ui.graph.GraphViewModel;
import org.clusterdeck.ui.overview.OverviewViewModel;
import org.clusterdeck.ui.timeline.TimelineViewModel;

/**
 * One cluster in the list: a saved profile (a live cluster) or an opened CIB file, with its
 * overview, graph, failover timeline and DRBD page. {@link #show} is where views of the cluster come in, from a file today and
 * from the monitor later.
 */
public final class ClusterViewModel {
    private final ObjectProperty<ClusterProfile> profile = new SimpleObjectProperty<>();
    private final Path file;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper();
    private final OverviewViewModel overview = new OverviewViewModel();
    private final GraphViewModel graph;
    private final TimelineViewModel timeline = new TimelineViewModel();
    private final DrbdViewModel drbd = new DrbdViewModel();
    private final ObjectProperty<Tab> tab = new SimpleObjectProperty<>(Tab.OVERVIEW);

    /** The cluster page's tabs. */
    public enum Tab {
        OVERVIEW, GRAPH, TIMELINE, DRBD
    }

    private ClusterViewModel(ClusterProfile profile, Path file, Background background, DialogService dialogs) {
        this.file = file;
        this.graph = new GraphViewModel(background, dialogs);
        this.profile.addListener((o, was, now) -> describe());
        this.profile.set(profile);
        describe();
    }

    public static ClusterViewModel forProfile(ClusterProfile profile, Background background, DialogService dialogs) {
        return new ClusterViewModel(profile, null, background, dialogs);
    }

    public static ClusterViewModel forFile(Path file, Background background, DialogService dialogs) {
        return new ClusterViewModel(null, file, background, dialogs);
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

    /** A new view of the cluster: status from crm_mon, configuration from the CIB (may be null). */
    public void show(ClusterStatus status, Cib cib) {
        overview.update(status, cib);
        graph.update(status, cib);
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
        return overview.healthProperty();
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
}
