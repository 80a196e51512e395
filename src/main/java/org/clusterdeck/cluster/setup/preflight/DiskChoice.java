package org.clusterdeck.cluster.setup.preflight;

import java.util.Comparator;
import java.util.List;

/**
 * A whole disk of a node that the admin may pick as DRBD's backing disk, as listed for choosing;
 * the pre-flight examines the one picked with {@code wipefs} before anything is written.
 *
 * @param path     the kernel's name, e.g. {@code /dev/vdb}
 * @param byId     its {@code /dev/disk/by-id/} names, which do not change when disks are added or
 *                 removed; empty when udev gives it none (QEMU's virtio disks without a serial)
 * @param model    null when the disk reports none
 * @param contents what is on it in an admin's words (a filesystem, partitions, a mount); empty
 *                 when lsblk sees nothing
 */
public record DiskChoice(String path, List<String> byId, long sizeBytes, String model, boolean readOnly,
        List<String> contents) {
    /**
     * The by-id names, most readable first: those naming the bus, model and serial ({@code ata-},
     * {@code nvme-}, {@code virtio-}, {@code scsi-}) before the bare world-wide names ({@code wwn-},
     * {@code nvme-eui.}), which say nothing to an admin.
     */
    private static final Comparator<String> READABLE = Comparator.<String, Boolean>comparing(
            p -> p.contains("/wwn-") || p.contains("/nvme-eui.")).thenComparing(Comparator.naturalOrder());

    public DiskChoice {
        byId = byId.stream().sorted(READABLE).toList();
        contents = List.copyOf(contents);
    }

    /** What the spec should name: a by-id path when there is one (it survives a reordering of the disks), else the kernel's. */
    public String stablePath() {
        return byId.isEmpty() ? path : byId.get(0);
    }

    /** Whether DRBD may take it as it is: writable and nothing on it that lsblk can see. */
    public boolean looksEmpty() {
        return !readOnly && contents.isEmpty();
    }
}
