package org.clusterdeck.cluster.drbd;

/** Which tool output a {@link DrbdStatus} was read from; the formats differ in what they can tell. */
public enum DrbdSourceFormat {
    /** DRBD 9 {@code drbdsetup status --json [--verbose --statistics]}. */
    STATUS_JSON,
    /** {@code drbdsetup events2} (one-shot {@code --now} dump or a stream), DRBD 8.4 or 9. */
    EVENTS2,
    /** {@code drbdadm status} / {@code drbdsetup status} text, DRBD 8.4 or 9. */
    STATUS_TEXT,
    /** {@code /proc/drbd}: per-minor state on DRBD 8.4, only the version line on DRBD 9. */
    PROC_DRBD
}
