package org.clusterdeck.cluster.setup.preflight;

import java.util.ArrayList;
import java.util.List;

/**
 * The spec's backing disk on one node.
 *
 * @param missing    why the disk is not usable as a block device (lsblk's words); null when it is one
 * @param device     lsblk's view of it; null when missing
 * @param signatures what wipefs finds on it; empty when missing
 */
public record DiskFacts(String path, String missing, BlockDevice device, List<DiskSignature> signatures) {
    public DiskFacts {
        signatures = List.copyOf(signatures);
    }

    public static DiskFacts missing(String path, String why) {
        return new DiskFacts(path, why, null, List.of());
    }

    public boolean exists() {
        return device != null;
    }

    /**
     * Everything that says the disk holds something, in an admin's words: signatures, partitions or
     * volumes on it, mounts. Empty for a disk {@code create-md} may take.
     */
    public List<String> contents() {
        List<String> found = new ArrayList<>();
        signatures.forEach(s -> found.add(s.describe()));
        if (device != null) {
            found.addAll(device.holdings());
        }
        return List.copyOf(found);
    }
}
