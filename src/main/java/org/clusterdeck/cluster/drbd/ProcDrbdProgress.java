package org.clusterdeck.cluster.drbd;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resync progress from {@code /proc/drbd} for a status that lacks it. DRBD 8.4's
 * {@code drbdsetup events2 --statistics} names resources and peers but gives only the out-of-sync
 * amount during a resync, and {@code drbdadm status} no speed or time left; the kernel's
 * {@code /proc/drbd} has percentage, speed and time left per minor but no names. Matched by minor
 * and replication state, so progress of a resync that ended between the two reads is not carried over.
 */
public final class ProcDrbdProgress {
    private ProcDrbdProgress() {
    }

    /** True when a sync runs and the source left out a part that /proc/drbd may give. */
    public static boolean lacksProgress(DrbdStatus status) {
        return status.format() != DrbdSourceFormat.PROC_DRBD && status.resources().stream()
                .flatMap(r -> r.connections().stream()).flatMap(c -> c.peerDevices().stream())
                .anyMatch(p -> p.isSyncing() && (p.syncDonePercent() == null || p.speedKiBps() == null
                        || p.etaSeconds() == null));
    }

    /** {@code status} with what it lacks taken from {@code proc} (a parsed /proc/drbd of the same node). */
    public static DrbdStatus fillIn(DrbdStatus status, DrbdStatus proc) {
        Map<Integer, DrbdPeerDevice> byMinor = new HashMap<>();
        for (DrbdResource r : proc.resources()) {
            // 8.4's /proc/drbd: one device and at most one connection per minor
            if (r.devices().size() == 1 && r.devices().get(0).minor() != null && r.connections().size() == 1
                    && r.connections().get(0).peerDevices().size() == 1) {
                byMinor.put(r.devices().get(0).minor(), r.connections().get(0).peerDevices().get(0));
            }
        }
        List<DrbdResource> resources = new ArrayList<>();
        for (DrbdResource r : status.resources()) {
            List<DrbdConnection> connections = new ArrayList<>();
            for (DrbdConnection c : r.connections()) {
                List<DrbdPeerDevice> peerDevices = new ArrayList<>();
                for (DrbdPeerDevice p : c.peerDevices()) {
                    peerDevices.add(fillIn(p, byMinor.get(minor(r, p.volume()))));
                }
                connections.add(new DrbdConnection(c.peer(), c.connectionState(), c.peerRole(), peerDevices,
                        c.splitBrainDetected()));
            }
            resources.add(new DrbdResource(r.name(), r.role(), r.devices(), connections));
        }
        return new DrbdStatus(resources, status.format(), status.drbdVersion() != null ? status.drbdVersion()
                : proc.drbdVersion());
    }

    private static Integer minor(DrbdResource r, Integer volume) {
        return r.devices().stream().filter(d -> volume == null || volume.equals(d.volume()))
                .map(DrbdDevice::minor).findFirst().orElse(null);
    }

    /**
     * Speed and time left come as a pair from one source, as read at one moment: /proc/drbd's
     * unless the named source gave a speed of its own.
     */
    private static DrbdPeerDevice fillIn(DrbdPeerDevice p, DrbdPeerDevice fromProc) {
        if (!p.isSyncing() || fromProc == null || !p.replicationState().equals(fromProc.replicationState())) {
            return p;
        }
        DrbdPeerDevice rate = p.speedKiBps() != null ? p : fromProc;
        return new DrbdPeerDevice(p.volume(), p.replicationState(), p.peerDiskState(), p.outOfSyncKiB(),
                p.syncDonePercent() != null ? p.syncDonePercent() : fromProc.syncDonePercent(),
                rate.speedKiBps(), rate.etaSeconds(), p.resyncSuspended(), p.stalled() || fromProc.stalled());
    }
}
