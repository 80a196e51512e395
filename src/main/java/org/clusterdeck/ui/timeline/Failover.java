package org.clusterdeck.ui.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.clusterdeck.cluster.events.ClusterEvent;

/**
 * One failover on the timeline: from its first sign to the monitor's {@code failover} event.
 *
 * @param start    the first sign of trouble; for a finished failover the {@code failover} event's
 *                 time minus its measured duration, which is the monitor's own reading of it
 * @param started  the {@code failover-started} event; null when the failover happened between two views
 * @param finished the {@code failover} event; null while the failover is under way
 */
public record Failover(Instant start, ClusterEvent started, ClusterEvent finished) {

    public boolean open() {
        return finished == null;
    }

    /** The end of the failover; null while it is under way. */
    public Instant end() {
        return finished == null ? null : finished.time();
    }

    /** The measured duration; null while it is under way. */
    public Long durationMs() {
        return finished == null ? null : finished.durationMs();
    }

    /** What the trouble stopped, as the monitor names it (finished: all that was short at some point). */
    public List<String> resources() {
        ClusterEvent e = finished != null ? finished : started;
        return e.resources() == null ? List.of() : e.resources();
    }

    /** Whether {@code time} falls inside the failover; an open one reaches to {@code now}. */
    public boolean covers(Instant time, Instant now) {
        Instant end = open() ? now : end();
        return !time.isBefore(start) && !time.isAfter(end);
    }

    /** One line for the list: when, how long, what moved. */
    public String label() {
        String what = String.join(", ", resources());
        if (open()) {
            return "under way since " + TimelineFormat.clock(start) + ": " + what;
        }
        String nodes = finished.from() == null ? "" : "  " + finished.from() + " \u2192 " + finished.to();
        return TimelineFormat.clock(start) + "  " + TimelineFormat.duration(Duration.ofMillis(durationMs())) + "  "
                + what + nodes;
    }
}
