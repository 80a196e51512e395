package org.clusterdeck.ui;

import java.time.Duration;
import org.clusterdeck.cluster.command.CommandDialect;
import org.clusterdeck.app.nodes.NodeGroup;
import org.clusterdeck.app.action.ClusterActions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.clusterdeck.app.clusters.ClusterProfile;
import org.clusterdeck.app.monitor.MonitorListener;
import org.clusterdeck.ui.clusters.ClusterWatcher;

/**
 * Stands in for the monitor in view-model tests: records each connection, whose listener the test
 * then feeds from another thread, as the monitor's own threads would.
 */
public final class ScriptedWatcher implements ClusterWatcher {
    /** For tests that never connect. */
    public static final ClusterWatcher NONE = (profile, listener) -> {
        throw new IllegalStateException("this test does not connect to " + profile.name());
    };

    public final List<Watch> watches = new CopyOnWriteArrayList<>();

    /** One connection: what was asked for, where the monitor's output goes, and whether it was closed. */
    public static final class Watch implements AutoCloseable {
        public final ClusterProfile profile;
        public final MonitorListener listener;
        public final CountDownLatch closed = new CountDownLatch(1);
        public volatile String closedOn;

        Watch(ClusterProfile profile, MonitorListener listener) {
            this.profile = profile;
            this.listener = listener;
        }

        @Override
        public void close() {
            closedOn = Thread.currentThread().getName();
            closed.countDown();
        }
    }

    /** What actions of the next connections go through: no node, so none. */
    private static final ClusterActions NO_ACTIONS = new ClusterActions(new NodeGroup(List.of()), null,
            Duration.ofSeconds(1), CommandDialect.AUTO);

    @Override
    public Session watch(ClusterProfile profile, MonitorListener listener) {
        Watch w = new Watch(profile, listener);
        watches.add(w);
        return new Session(w, NO_ACTIONS);
    }
}
