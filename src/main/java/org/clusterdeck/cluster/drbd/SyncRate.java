package org.clusterdeck.cluster.drbd;

/**
 * Units of resync progress as DRBD 9's drbdsetup prints them (user/v9/drbdsetup.c): rates are
 * {@code db/dt} in MiB/s (sectors per ms * 1000 / 2048), the ETA is seconds estimated from the
 * recent rate {@code db1/dt1}, and when it has no data drbdsetup prints 987654321 (JSON) or nan.
 */
final class SyncRate {
    static final long NO_ESTIMATE = 987654321L;

    private SyncRate() {
    }

    /** Whole KiB/s, cut like design.md's example (1.94 MiB/s is 1986 KiB/s). */
    static Long kibPerSecond(Double mibPerSecond) {
        return mibPerSecond == null ? null : (long) Math.floor(mibPerSecond * 1024.0);
    }

    static Long etaSeconds(Double seconds) {
        if (seconds == null || seconds < 0 || seconds >= NO_ESTIMATE) {
            return null;
        }
        return Math.round(seconds);
    }
}
