package org.clusterdeck.app.monitor;

import java.time.Duration;

/**
 * How often each node is asked and how long one command may take. Each round is a keepalive, or
 * a crm_mon read when something changed (see NodePoller). At the default second a lost node is
 * reported within about a second of crm_mon showing it (docs/benchmarks.md).
 */
public record MonitorSettings(Duration interval, Duration commandTimeout) {
    public static final MonitorSettings DEFAULT = new MonitorSettings(Duration.ofSeconds(1), Duration.ofSeconds(5));

    public MonitorSettings {
        if (interval.toMillis() < 100) {
            throw new IllegalArgumentException("poll interval must be at least 100 ms, not " + interval.toMillis() + " ms");
        }
        if (commandTimeout.toMillis() < 500) {
            throw new IllegalArgumentException("command timeout must be at least 500 ms");
        }
    }

    /** A node whose latest answer is older than this has missed a poll and is not shown as current. */
    Duration staleAfter() {
        return interval.plus(interval.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : interval);
    }
}
