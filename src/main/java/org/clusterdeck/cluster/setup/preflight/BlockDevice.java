package org.clusterdeck.cluster.setup.preflight;

import java.util.List;

/**
 * A block device as lsblk shows it, with what sits on it: partitions, LVM volumes, a RAID array
 * or a device-mapper target are its children.
 *
 * @param mountpoint where it is mounted; null when it is not
 */
public record BlockDevice(String name, String path, long sizeBytes, String type, boolean readOnly, String mountpoint,
        List<BlockDevice> children) {
    public BlockDevice {
        children = List.copyOf(children);
    }
}
