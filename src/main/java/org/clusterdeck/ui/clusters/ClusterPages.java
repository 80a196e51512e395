package org.clusterdeck.ui.clusters;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.clusterdeck.app.action.ClusterActions;
import org.clusterdeck.app.monitor.ClusterView;
import org.clusterdeck.app.monitor.NodeView;
import org.clusterdeck.app.monitor.Reach;
import org.clusterdeck.cluster.checks.ClockOffset;
import org.clusterdeck.cluster.cib.Cib;
import org.clusterdeck.cluster.drbd.DrbdStatus;
import org.clusterdeck.cluster.events.ClusterEvent;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.ui.Background;
import org.clusterdeck.ui.DialogService;
import org.clusterdeck.ui.Feed;
import org.clusterdeck.ui.action.ActionsViewModel;
import org.clusterdeck.ui.drbd.DrbdViewModel;
import org.clusterdeck.ui.graph.GraphViewModel;
import org.clusterdeck.ui.overview.OverviewViewModel;
import org.clusterdeck.ui.timeline.TimelineViewModel;

/**
 * The pages of one cluster (overview, graph, failover timeline, DRBD) and its actions, fed from
 * whatever shows the cluster: a live monitor's views and events, or a CIB file. Call on the UI thread.
 */
public final class ClusterPages {
    private final OverviewViewModel overview = new OverviewViewModel();
    private final GraphViewModel graph;
    private final TimelineViewModel timeline = new TimelineViewModel();
    private final DrbdViewModel drbd = new DrbdViewModel();
    private final ActionsViewModel actions;
    private final ObjectProperty<Feed> feed = new SimpleObjectProperty<>(Feed.OFFLINE);
    private ClusterStatus shownStatus;
    private Cib shownCib;

    ClusterPages(Background background, DialogService dialogs) {
        this.graph = new GraphViewModel(background, dialogs);
        this.actions = new ActionsViewModel(background, dialogs);
        graph.selectedIdProperty().addListener((o, was, now) -> actions.selectResource(now));
        overview.feedProperty().bind(feed);
        timeline.feedProperty().bind(feed);
        drbd.feedProperty().bind(feed);
    }

    /** A new view of the cluster: status from crm_mon, configuration from the CIB (may be null). */
    public void show(ClusterStatus status, Cib cib) {
        // A monitor round that found nothing new hands over the same status and CIB again, every
        // second or two: refreshing the pages from them redid the checks and re-set every table for
        // nothing, a fifth of a core's idle time with 1,000 resources.
        if (status == shownStatus && cib == shownCib) {
            return;
        }
        shownStatus = status;
        shownCib = cib;
        overview.update(status, cib);
        graph.update(status, cib);
        actions.update(status, cib);
    }

    /**
     * A monitor's merged view: which nodes the console cannot reach, each node's DRBD (and which
     * nodes were found to have none), and the cluster's status once known.
     */
    void show(ClusterView view) {
        Set<String> cut = new LinkedHashSet<>();
        Map<String, DrbdStatus> drbdByNode = new LinkedHashMap<>();
        Set<String> withoutDrbd = new LinkedHashSet<>();
        List<ClockOffset> clocksOff = new ArrayList<>();
        for (NodeView n : view.nodes()) {
            if (n.reach() == Reach.UNREACHABLE) {
                cut.add(n.nodeName());
            }
            // only those off: each reading differs by milliseconds, and any change works the findings out again
            if (n.clock() != null && n.clock().off()) {
                clocksOff.add(n.clock());
            }
            drbdByNode.put(n.nodeName(), n.drbd());
            // probed (the software is known, also while unreachable) and no DRBD module loaded
            if (n.software() != null && !n.software().hasDrbd()) {
                withoutDrbd.add(n.nodeName());
            }
        }
        overview.unreachableProperty().set(Set.copyOf(cut));
        overview.clocksOffProperty().set(List.copyOf(clocksOff));
        drbd.update(drbdByNode, withoutDrbd, view.time());
        if (view.status() != null) {
            show(view.status(), view.cib());
        }
    }

    /** The monitor's next event: onto the timeline, and notified if it must be. */
    public void accept(ClusterEvent event) {
        timeline.accept(event);
    }

    /** Each node's latest DRBD status (by node name; null or absent when it gave none) at the view's time. */
    public void showDrbd(Map<String, DrbdStatus> byNode, Instant time) {
        drbd.update(byNode, time);
    }

    /** Where the pages' data comes from now: what their tables say while they have none. */
    public ObjectProperty<Feed> feedProperty() {
        return feed;
    }

    /** Actions go through a live session's nodes; null when there is none. */
    void offerActions(ClusterActions session) {
        if (session == null) {
            actions.disconnected();
        } else {
            actions.connected(session);
        }
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

    public ActionsViewModel actions() {
        return actions;
    }
}
