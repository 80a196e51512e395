package org.clusterdeck.cluster.drbd;

import java.util.Arrays;
import java.util.regex.Pattern;
import org.clusterdeck.cluster.FormatException;

/**
 * Reads DRBD state from whichever of the four formats the text is: {@code drbdsetup status --json}
 * (starts with {@code [}), {@code /proc/drbd} ({@code version:}), {@code drbdsetup events2}
 * (an action word, optionally after a timestamp) or {@code drbdadm status} text (a resource line
 * with {@code role:}, or drbdsetup's "no DRBD configured" comment).
 */
public final class DrbdStatusReader {
    private static final String EXPECTED = "expected drbdsetup status --json, drbdsetup events2, drbdadm status"
            + " or /proc/drbd output";
    private static final Pattern EVENTS2 = Pattern.compile(
            "(?:\\d{4}-\\d{2}-\\d{2}T\\S+\\s+)?(?:exists|create|change|destroy|call|response)\\s+\\S+.*");

    private DrbdStatusReader() {
    }

    /** A resource line: a name, then key:value tokens with role: among them; or a comment. */
    private static boolean isStatusText(String first) {
        if (first.startsWith("#")) {
            return true;
        }
        String[] tokens = first.strip().split("\\s+");
        return !tokens[0].contains(":")
                && Arrays.stream(tokens).skip(1).anyMatch(t -> t.startsWith("role:"))
                && Arrays.stream(tokens).skip(1).allMatch(t -> t.indexOf(':') > 0);
    }

    public static DrbdStatus parse(String text, String source) {
        if (text == null || text.isBlank()) {
            throw new FormatException(source, "empty output, " + EXPECTED);
        }
        String stripped = text.stripLeading();
        if (stripped.startsWith("[") || stripped.startsWith("{")) {
            return new DrbdStatusJsonParser().parse(text, source);
        }
        String first = stripped.lines().findFirst().orElse("");
        if (first.startsWith("version:")) {
            return new ProcDrbdParser().parse(stripped, source);
        }
        if (EVENTS2.matcher(first).matches()) {
            return new DrbdEvents2Parser().parse(text, source);
        }
        if (isStatusText(first)) {
            return new DrbdAdmStatusParser().parse(text, source);
        }
        throw new FormatException(source, "unknown format, " + EXPECTED + "; first line: " + SourceLine.quote(first));
    }
}
