package org.clusterdeck.cluster.drbd;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Set;

/**
 * One volume as replicated to one peer. {@code syncDonePercent}, {@code speedKiBps} and
 * {@code etaSeconds} are given only while a resync or online verify runs and the source prints
 * them. {@code resyncSuspended} is DRBD's reason list ({@code no}, {@code user}, {@code peer},
 * {@code dependency}, comma-separated); {@code stalled} is /proc/drbd's "no progress for a while".
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
