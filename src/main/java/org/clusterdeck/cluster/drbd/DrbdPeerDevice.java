package org.clusterdeck.cluster.drbd;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Set;

/**
 * One volume as replicated to one peer. {@code syncDonePercent}, {@code speedKiBps} and
 * {@code etaSeconds} are given only while a resync or online verify runs and the source prints
 * them; a time left is never given next to a speed of 0 ({@link #timeLeft}). {@code resyncSuspended}
 * is DRBD's reason list ({@code no}, {@code user}, {@code peer}, {@code dependency},
 * comma-separated); {@code stalled} is /proc/drbd's "no progress for a while".
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"volume", "replicationState", "peerDiskState", "outOfSyncKiB", "syncDonePercent",
        "speedKiBps", "etaSeconds"})
public record DrbdPeerDevice(
        Integer volume,
        String replicationState,
        String peerDiskState,
        Long outOfSyncKiB,
        Double syncDonePercent,
        Long speedKiBps,
        Long etaSeconds,
        @JsonIgnore String resyncSuspended,
        @JsonIgnore boolean stalled) {

    private static final Set<String> RESYNC_STATES = Set.of("SyncSource", "SyncTarget", "PausedSyncS", "PausedSyncT");
    private static final Set<String> VERIFY_STATES = Set.of("VerifyS", "VerifyT");

    public DrbdPeerDevice {
        etaSeconds = timeLeft(speedKiBps, etaSeconds);
    }

    /**
     * The time left that goes with a speed read at the same moment: none at a speed of 0, where
     * nothing moved and no time can be estimated. DRBD 9's drbdsetup says so itself
     * ({@code dbdt1:0.00 eta:nan}); DRBD 8.4's /proc/drbd prints a number all the same, its
     * estimate's division guard ({@code rs_left / (db/100 + 1)} with nothing done, {@code db = 0})
     * turning into blocks left / 100 seconds: {@code finish: 0:05:27 speed: 0 (0)} for 128 MiB,
     * 0:10:55 for the lab's 256 MiB, read in the first second of a resync.
     */
    public static Long timeLeft(Long speedKiBps, Long etaSeconds) {
        return speedKiBps != null && speedKiBps == 0 ? null : etaSeconds;
    }

    /** A resync or an online verify is under way (possibly paused). */
    @JsonIgnore
    public boolean isSyncing() {
        return isResyncing() || isVerifying();
    }

    @JsonIgnore
    public boolean isResyncing() {
        return replicationState != null && RESYNC_STATES.contains(replicationState);
    }

    @JsonIgnore
    public boolean isVerifying() {
        return replicationState != null && VERIFY_STATES.contains(replicationState);
    }

    /** Syncing but not moving: paused by state, suspended for a reason, or reported stalled. */
    @JsonIgnore
    public boolean isPaused() {
        return isSyncing() && (replicationState.startsWith("Paused") || stalled
                || (resyncSuspended != null && !"no".equals(resyncSuspended)));
    }
}
