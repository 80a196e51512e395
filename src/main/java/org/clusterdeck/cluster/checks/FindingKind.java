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
    /** A node's clock far from the console's (and so, most likely, from the other nodes'). */
    CLOCK_OFF("clock-off"),
    /** DRBD ran its split-brain handler: the two copies have diverged. */
    DRBD_SPLIT_BRAIN("drbd-split-brain"),
    /** Two nodes are Primary without a connection between them: the data has split or will. */
    DRBD_DIVERGED("drbd-diverged"),
    /** A node does not try to reach its DRBD peer. */
    DRBD_STANDALONE("drbd-standalone"),
    /** A node's DRBD disk is Outdated and not resyncing: it cannot be promoted. */
    DRBD_OUTDATED("drbd-outdated"),
    /** Setup pre-flight: a node could not be reached, so nothing about it is known. */
    SETUP_NODE_UNREACHABLE("setup-node-unreachable"),
    /** Setup pre-flight: a fact could not be read (a tool failed or printed what it should not). */
    SETUP_CHECK_FAILED("setup-check-failed"),
    /** Setup pre-flight: {@code uname -n}, {@code hostname} and the spec's node name disagree. */
    SETUP_NAME_MISMATCH("setup-name-mismatch"),
    /** Setup pre-flight: a node's name does not resolve on a node, or to another address than the spec's. */
    SETUP_NAME_UNRESOLVED("setup-name-unresolved"),
    /** Setup pre-flight: the node's clock is not known to be synchronised. */
    SETUP_NO_TIME_SYNC("setup-no-time-sync"),
    /** Setup pre-flight: corosync or pacemaker runs, or a cluster configuration exists: the node is in a cluster. */
    SETUP_ALREADY_CLUSTERED("setup-already-clustered"),
    /** Setup pre-flight: only the corosync package's single-node default configuration is there. */
    SETUP_DEFAULT_CLUSTER_CONFIG("setup-default-cluster-config"),
    /** Setup pre-flight: the backing disk does not exist, is not a block device, or is read-only. */
    SETUP_DISK_MISSING("setup-disk-missing"),
    /** Setup pre-flight: the backing disk holds a filesystem, partition table, RAID or LVM signature, or is in use. */
    SETUP_DISK_NOT_EMPTY("setup-disk-not-empty"),
    /** Setup pre-flight: the two backing disks differ in size; DRBD uses the smaller. */
    SETUP_DISK_SIZE_DIFFERS("setup-disk-size-differs"),
    /** Setup pre-flight: the kernel has no DRBD module. */
    SETUP_NO_DRBD_MODULE("setup-no-drbd-module"),
    /** Setup pre-flight: one node has DRBD 8.4, the other DRBD 9. */
    SETUP_DRBD_GENERATION_DIFFERS("setup-drbd-generation-differs"),
    /** Setup pre-flight: neither apt nor dnf, so packages cannot be installed. */
    SETUP_NO_PACKAGE_MANAGER("setup-no-package-manager"),
    /** Setup pre-flight: Pacemaker is neither installed nor offered by the node's package sources. */
    SETUP_NO_PACKAGE_SOURCE("setup-no-package-source"),
    /** Setup pre-flight: a cluster package is installed in different versions on the nodes. */
    SETUP_VERSIONS_DIFFER("setup-versions-differ"),
    /** Setup pre-flight: the dhcpd account exists on both nodes with different uids or gids. */
    SETUP_DHCPD_UID_DIFFERS("setup-dhcpd-uid-differs"),
    /** Setup pre-flight: a port corosync, DRBD or pcsd needs is taken. */
    SETUP_PORT_IN_USE("setup-port-in-use"),
    /** Setup pre-flight: SBD's shared disk is missing, read-only, holds data, or is not the same disk on both nodes. */
    SETUP_SBD_DEVICE("setup-sbd-device"),
    /** Setup pre-flight: fencing with SBD, and the node has no watchdog device for sbd to open. */
    SETUP_NO_WATCHDOG("setup-no-watchdog");

    private final String word;

    FindingKind(String word) {
        this.word = word;
    }

    @JsonValue
    public String word() {
        return word;
    }
}
