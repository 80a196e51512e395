package org.clusterdeck.cluster.setup.preflight;

/**
 * One signature wipefs finds: a filesystem ({@code ext4}, {@code xfs}, {@code swap}), a partition
 * table ({@code dos}, {@code gpt}), a RAID member ({@code linux_raid_member}), an LVM physical
 * volume ({@code LVM2_member}), an old DRBD's metadata ({@code drbd}).
 *
 * @param uuid  null when the signature has none
 * @param label null when the signature has none
 */
public record DiskSignature(String type, String offset, String uuid, String label) {
    /** The type with the label or UUID that tell an admin which one it is, e.g. {@code ext4 "data" (UUID 6c80…)}. */
    public String describe() {
        StringBuilder s = new StringBuilder(type);
        if (label != null) {
            s.append(" \"").append(label).append('"');
        }
        if (uuid != null) {
            s.append(" (UUID ").append(uuid).append(')');
        }
        return s.toString();
    }
}
