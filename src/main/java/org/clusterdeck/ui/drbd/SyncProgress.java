package org.clusterdeck.ui.drbd;

import java.util.Locale;
import org.clusterdeck.cluster.drbd.DrbdPeerDevice;

/**
 * A resync or online verify under way on one peer volume, as the source gives it; a part it does
 * not give is null ({@code drbdadm status} has no speed or ETA, DRBD 8.4's drbdsetup no ETA).
 *
 * @param state      the replication state (SyncSource, SyncTarget, PausedSyncS, VerifyS, …)
 * @param source     the node the data comes from
 * @param target     the node being brought up to date
 * @param speedKiBps as the source gives it, else the out-of-sync amount's drop since the last status
 * @param etaSeconds as the source gives it, but none next to a speed of 0 (also a derived one:
 *                   {@link DrbdPeerDevice#timeLeft})
 */
public record SyncProgress(String state, String source, String target, Double donePercent, Long speedKiBps,
        Long etaSeconds, boolean paused) {

    public SyncProgress {
        etaSeconds = DrbdPeerDevice.timeLeft(speedKiBps, etaSeconds);
    }

    /** 0..1 for a progress bar; -1 (indeterminate) when the source gives no percentage. */
    public double fraction() {
        return donePercent == null ? -1 : Math.max(0, Math.min(1, donePercent / 100.0));
    }

    /** "SyncSource vm1 → vm2: 32.2 %, 1.9 MiB/s, 0:48 left". */
    public String text() {
        String direction = source != null && target != null ? " " + source + " \u2192 " + target : "";
        return state + direction + ": " + shortText();
    }

    /** "32.2 %, 1.9 MiB/s, 0:48 left": what a progress bar's label needs. */
    public String shortText() {
        StringBuilder s = new StringBuilder();
        s.append(donePercent == null ? "done unknown" : String.format(Locale.ROOT, "%.1f %%", donePercent));
        if (paused) {
            s.append(", paused");
        } else {
            if (speedKiBps != null) {
                s.append(", ").append(speed(speedKiBps));
            }
            if (etaSeconds != null) {
                s.append(", ").append(String.format(Locale.ROOT, "%d:%02d left", etaSeconds / 60, etaSeconds % 60));
            }
        }
        return s.toString();
    }

    static String speed(long kiBps) {
        return kiBps >= 1024 ? String.format(Locale.ROOT, "%.1f MiB/s", kiBps / 1024.0) : kiBps + " KiB/s";
    }
}
