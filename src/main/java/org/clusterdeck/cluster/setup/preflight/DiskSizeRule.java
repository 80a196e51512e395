package org.clusterdeck.cluster.setup.preflight;

import java.util.Locale;
import org.clusterdeck.cluster.events.Severity;

/**
 * How far two backing disks may differ. DRBD takes the smaller disk's size for the replicated
 * device (less its internal metadata), so what the larger disk has beyond it is never used.
 *
 * <p>Disks meant to be equal differ by little: virtual disks are made to the byte, and physical
 * disks of one nominal size differ by the vendors' rounding, well under 1 % (IDEMA's LBA count
 * makes them equal since 2011). A larger difference says the disks were not meant as a pair, most
 * often that the spec names the wrong disk on one node, and {@code create-md} on the wrong disk
 * destroys data. So: any difference is a warning that says how much is lost; more than 1 % of the
 * larger disk blocks the setup until the admin gives disks (or a spec) that match.
 */
public final class DiskSizeRule {
    /** The share of the larger disk that may go unused before the setup stops, in per mille. */
    static final int BLOCKING_PER_MILLE = 10;

    private DiskSizeRule() {
    }

    /** Null when the sizes are equal. */
    public static Severity severity(long a, long b) {
        long larger = Math.max(a, b);
        long lost = Math.abs(a - b);
        if (lost == 0) {
            return null;
        }
        // lost / larger > 10 / 1000, without rounding a few bytes away
        return lost * 1000 > larger * (long) BLOCKING_PER_MILLE ? Severity.CRITICAL : Severity.WARNING;
    }

    /** "8.0 MiB (20.0 % of the larger disk)". */
    public static String lost(long a, long b) {
        long lost = Math.abs(a - b);
        return ByteSize.human(lost) + String.format(Locale.ROOT, " (%.1f %% of the larger disk)",
                100.0 * lost / Math.max(a, b));
    }
}
