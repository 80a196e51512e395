package org.clusterdeck.cluster.setup;

import java.util.Locale;

/**
 * A command that wipes what a disk holds (DRBD's create-md, mkfs, sbd's create). It runs only
 * after the admin confirms the sentence {@link #confirmation}, which names node, disk and size,
 * so that the wrong disk of the wrong node is noticed before, not after.
 *
 * @param node      where it runs
 * @param disk      the device it overwrites
 * @param sizeBytes the device's size as the pre-flight found it
 * @param operation the command's name, e.g. {@code drbdadm create-md}
 */
public record Destruction(String node, String disk, long sizeBytes, String operation) {
    /** What the admin confirms; the pre-flight's finding on the disk (signatures, partitions) is added beside it. */
    public String confirmation() {
        return String.format(Locale.ROOT, "%s on %s overwrites %s (%d bytes, %.1f GiB): whatever it holds is lost",
                operation, node, disk, sizeBytes, sizeBytes / (double) (1L << 30));
    }
}
