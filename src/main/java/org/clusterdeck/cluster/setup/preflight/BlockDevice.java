package org.clusterdeck.cluster.setup.preflight;

import java.util.ArrayList;
import java.util.List;

/**
 * A block device as lsblk shows it, with what sits on it: partitions, LVM volumes, a RAID array
 * or a device-mapper target are its children.
 *
 * @param mountpoint where it is mounted; null when it is not
 * @param model      the vendor's model; null when the device has none or it was not asked for
 * @param fstype     what udev's probe found on it ({@code ext4}, {@code LVM2_member}, {@code drbd}, …);
 *                   null for nothing or when not asked for. {@code wipefs} is the authority before a
 *                   disk is overwritten; this is for listing many disks cheaply
 */
public record BlockDevice(String name, String path, long sizeBytes, String type, boolean readOnly, String mountpoint,
        String model, String fstype, List<BlockDevice> children) {
    public BlockDevice {
        children = List.copyOf(children);
    }

    /** What sits on the device, in an admin's words: its mount, and each child with its own. */
    public List<String> holdings() {
        List<String> found = new ArrayList<>();
        if (mountpoint != null) {
            found.add("mounted on " + mountpoint);
        }
        for (BlockDevice c : children) {
            found.add(c.type() + " " + c.path() + (c.mountpoint() == null ? "" : " mounted on " + c.mountpoint()));
        }
        return List.copyOf(found);
    }
}
