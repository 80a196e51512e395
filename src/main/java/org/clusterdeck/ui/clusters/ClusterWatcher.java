package org.clusterdeck.ui.clusters;

import java.util.List;
import org.clusterdeck.app.action.ActionService;
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

    /**
     * A running watch and the actions that go through its connections.
     *
     * @param actions one per node, in the profile's order: the first that answers plans and applies
     */
    record Session(AutoCloseable watch, List<ActionService> actions) implements AutoCloseable {
        public Session {
            actions = List.copyOf(actions);
        }

        @Override
        public void close() throws Exception {
            watch.close();
        }
    }
}
