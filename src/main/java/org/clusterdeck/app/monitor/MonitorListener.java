package org.clusterdeck.app.monitor;

import org.clusterdeck.cluster.events.ClusterEvent;

/**
 * Receives the monitor's output on the monitor's own threads, one call at a time and in order;
 * a window hands it to its UI thread, a command line prints it.
 */
public interface MonitorListener {
    void view(ClusterView view);

    void event(ClusterEvent event);
}
