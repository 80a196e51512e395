package org.clusterdeck.ui.clusters;

import org.clusterdeck.app.action.ClusterActions;
import org.clusterdeck.app.clusters.ClusterProfile;
import org.clusterdeck.app.monitor.MonitorListener;

/**
 * Starts watching a live cluster: the window's seam to the monitor, which view-model tests replace
 * with a scripted one. Called off the FX thread; must return without waiting for the nodes.
 */
@FunctionalInterface
public interface ClusterWatcher {
    /** Starts the monitor; {@code listener} hears it on the monitor's threads. Closing the session stops everything. */
    Session watch(ClusterProfile profile, MonitorListener listener) throws Exception;

    /** A running watch and the actions that go through its connections (the first node reached plans and applies). */
    record Session(AutoCloseable watch, ClusterActions actions) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            watch.close();
        }
    }
}
