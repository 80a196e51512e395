package org.clusterdeck.cluster.setup.preflight;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clusterdeck.cluster.FormatException;

/** The answers of the time tools a node may have. */
final class TimeSyncParser {
    private static final Pattern LEAP = Pattern.compile("^Leap status\\s*:\\s*(.+?)\\s*$", Pattern.MULTILINE);

    private TimeSyncParser() {
    }

    /** {@code timedatectl show -p NTPSynchronized --value}: {@code yes} or {@code no} (systemd-timesyncd, chrony or ntpd). */
    static TimeSync timedatectl(String text, String source) {
        return switch (text.strip()) {
            case "yes" -> new TimeSync(TimeSync.State.SYNCHRONISED, "timedatectl", null);
            case "no" -> new TimeSync(TimeSync.State.NOT_SYNCHRONISED, "timedatectl", "NTPSynchronized=no");
            default -> throw new FormatException(source, "expected 'yes' or 'no', got '" + text.strip() + "'");
        };
    }

    /** {@code chronyc tracking}: its "Leap status" is {@code Not synchronised} until chronyd has a source. */
    static TimeSync chrony(String text, String source) {
        Matcher m = LEAP.matcher(text);
        if (!m.find()) {
            throw new FormatException(source, "no 'Leap status' line in chronyc's tracking report");
        }
        String leap = m.group(1);
        boolean synced = !leap.equalsIgnoreCase("Not synchronised");
        return new TimeSync(synced ? TimeSync.State.SYNCHRONISED : TimeSync.State.NOT_SYNCHRONISED, "chronyc",
                "Leap status: " + leap);
    }
}
