package org.clusterdeck.ui.timeline;

import java.time.Instant;
import java.util.List;
import org.clusterdeck.cluster.events.EventType;
import org.clusterdeck.cluster.events.Severity;

/**
 * Something the admin is told about at once, whichever tab is shown. Events of one kind seen in
 * the same view make one notification (a lost node fails many resources at once).
 *
 * @param lines one line per event, the monitor's own message
 */
public record Notification(Instant time, EventType type, Severity severity, String title, List<String> lines) {
    public Notification {
        lines = List.copyOf(lines);
    }

    public String text() {
        return String.join("\n", lines);
    }
}
