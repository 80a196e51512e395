package org.clusterdeck.cluster.cib;

import java.util.Comparator;

/**
 * The CIB's version triple. Pacemaker compares CIBs by (admin_epoch, epoch, num_updates) in that
 * order; a replace of an older version is refused, so callers need the ordering, not just the values.
 */
public record CibVersion(long adminEpoch, long epoch, long numUpdates) implements Comparable<CibVersion> {

    private static final Comparator<CibVersion> ORDER = Comparator.comparingLong(CibVersion::adminEpoch)
            .thenComparingLong(CibVersion::epoch)
            .thenComparingLong(CibVersion::numUpdates);

    @Override
    public int compareTo(CibVersion other) {
        return ORDER.compare(this, other);
    }

    /** The form crm_mon and cibadmin print: {@code admin_epoch.epoch.num_updates}. */
    @Override
    public String toString() {
        return adminEpoch + "." + epoch + "." + numUpdates;
    }
}
