package org.clusterdeck.cluster.setup.preflight;

import org.clusterdeck.cluster.drbd.DrbdGeneration;

/**
 * The node's DRBD kernel module.
 *
 * @param version its version, e.g. {@code 8.4.11}; null when the kernel has none
 * @param source  where the version was read: {@code /proc/drbd} (loaded) or {@code modinfo} (would load)
 */
public record DrbdModule(String version, String source) {
    public static DrbdModule none() {
        return new DrbdModule(null, null);
    }

    public boolean present() {
        return version != null;
    }

    /** 8.4 or 9, what r0.res's syntax and the fence handlers follow; UNKNOWN without a module. */
    public DrbdGeneration generation() {
        return present() ? DrbdGeneration.ofVersion(version) : DrbdGeneration.UNKNOWN;
    }
}
