package org.clusterdeck.cluster.checks;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a finding is about, as {@code status --json} and {@code drbd --json} name it in {@code kind}. */
public enum FindingKind {
    /** This partition has no quorum. */
    NO_QUORUM("no-quorum"),
    /** No designated controller: the cluster decides nothing. */
    NO_DC("no-dc"),
    /** A node is offline, unclean, or the console cannot reach it. */
    NODE_DOWN("node-down"),
    /** A node is up but in standby or maintenance. */
    NODE_RESTRICTED("node-restricted"),
    RESOURCE_FAILED("resource-failed"),
    /** crm_mon lists failed operations (the fail counts behind them stay until cleaned up). */
    FAILED_ACTIONS("failed-actions"),
    UNMANAGED_RESOURCES("unmanaged-resources"),
    FENCING_DISABLED("fencing-disabled"),
    QUORUM_IGNORED("quorum-ignored"),
    STARTUP_FENCING_DISABLED("startup-fencing-disabled"),
    MAINTENANCE_MODE("maintenance-mode"),
    STOP_ALL_RESOURCES("stop-all-resources"),
    /** A cli-prefer constraint a move left behind. */
    LEFTOVER_MOVE("leftover-move"),
    /** A cli-ban constraint a ban (or an old-style move) left behind. */
    LEFTOVER_BAN("leftover-ban"),
    /** DRBD's fence-peer handler's constraint, which should go once the peer is UpToDate again. */
    DRBD_FENCE_CONSTRAINT("drbd-fence-constraint"),
    /** An error crm_mon printed beside a usable status. */
    CRM_MON_WARNING("crm-mon-warning"),
    /** DRBD ran its split-brain handler: the two copies have diverged. */
    DRBD_SPLIT_BRAIN("drbd-split-brain"),
    /** Two nodes are Primary without a connection between them: the data has split or will. */
    DRBD_DIVERGED("drbd-diverged"),
    /** A node does not try to reach its DRBD peer. */
    DRBD_STANDALONE("drbd-standalone"),
    /** A node's DRBD disk is Outdated and not resyncing: it cannot be promoted. */
    DRBD_OUTDATED("drbd-outdated");

    private final String word;

    FindingKind(String word) {
        this.word = word;
    }

    @JsonValue
    public String word() {
        return word;
    }
}
