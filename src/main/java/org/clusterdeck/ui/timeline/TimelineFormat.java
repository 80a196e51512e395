package org.clusterdeck.ui.timeline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as an admin reads them on the timeline: local clock time, durations in s or min. */
public final class TimelineFormat {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private TimelineFormat() {
    }

    public static String clock(Instant time) {
        return CLOCK.format(time.atZone(ZoneId.systemDefault()));
    }

    /** 850 ms, 12.3 s, 4 min 05 s: failovers are measured in seconds, a tenth is worth showing. */
    public static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return String.format(java.util.Locale.ROOT, "%d min %02d s", ms / 60_000, ms / 1000 % 60);
    }
}
