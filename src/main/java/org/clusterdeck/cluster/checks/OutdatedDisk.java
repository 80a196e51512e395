package org.clusterdeck.cluster.checks;

import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.cluster.drbd.DrbdConnection;
import org.clusterdeck.cluster.drbd.DrbdGeneration;
import org.clusterdeck.cluster.drbd.DrbdPeerDevice;

/**
 * An Outdated DRBD disk that is not being resynced: typically DRBD's fence-peer handler outdated
 * a Secondary that lost its peer. Such a node cannot be promoted, so the service cannot fail over
 * to it; the cure is the peer and its current data coming back. Using the outdated copy instead
 * gives up the writes made since, which only the admin may decide.
 */
final class OutdatedDisk {
    private static final String IN = "     ";

    private OutdatedDisk() {
    }

    /**
     * The nodes whose disk is Outdated and that are not connected to a peer with UpToDate data
     * (such a pair resyncs at once by itself) nor resyncing.
     */
    static List<DrbdSide> stuck(List<DrbdSide> sides) {
        return sides.stream().filter(DrbdSide::outdated).filter(s -> s.resource().connections().stream()
                .noneMatch(c -> c.isConnected() && c.peerDevices().stream()
                        .anyMatch(p -> p.isSyncing() || "UpToDate".equals(p.peerDiskState())))).toList();
    }

    static RecoverySteps steps(String resource, DrbdGeneration generation, List<DrbdSide> sides) {
        String name = resource == null ? "<resource>" : resource;
        StringBuilder s = new StringBuilder();
        List<SuggestedCommand> commands = new ArrayList<>();
        if (resource == null) {
            s.append(RecoverySteps.UNNAMED);
        }
        for (DrbdSide o : stuck(sides)) {
            String other = DrbdSide.other(sides, o.node());
            String peer = other == null ? "its peer" : other;
            s.append(name).append(" on ").append(o.node()).append(" is Outdated: DRBD knows its data is older than ")
                    .append(other == null ? "its peer's" : other + "'s").append(", so it cannot become Primary: ")
                    .append("Pacemaker will not promote it, and the service cannot fail over to ").append(o.node())
                    .append(" until it has resynced from an UpToDate peer.\n");
            DrbdConnection c = o.to(other);
            if (c != null && c.isConnected()) {
                s.append(o.node()).append(" is connected to ").append(peer).append(", whose disk is ")
                        .append(peerDisks(c)).append(", not UpToDate either: no node it reaches holds current data.\n");
            } else if (c != null) {
                s.append(o.node()).append(" is ").append(c.connectionState()).append(" towards ").append(peer)
                        .append(": the replication link or DRBD on ").append(peer).append(" is down. Once both are")
                        .append(" back, ").append(o.node()).append(" resyncs by itself.\n");
            }
            String on = other == null ? "<peer>" : other;
            s.append("Look at DRBD on ").append(on).append(" (and at the replication link between them):\n");
            String look = generation == DrbdGeneration.V8_4 ? "cat /proc/drbd" : "drbdadm status " + name;
            s.append(IN).append(look).append('\n');
            commands.add(new SuggestedCommand(on, look));
            s.append("If DRBD is down there, bring it up as configured; this discards nothing:\n");
            s.append(IN).append("drbdadm adjust ").append(name).append('\n');
            commands.add(new SuggestedCommand(on, "drbdadm adjust " + name));
            s.append("If ").append(on).append(" and its disk are lost for good, the writes made there since ")
                    .append(o.node()).append(" was outdated are lost with them. Only then may ").append(o.node())
                    .append("'s copy serve again: with Pacemaker in maintenance mode, 'drbdadm primary --force ")
                    .append(name).append("' on ").append(o.node()).append(" makes it UpToDate, and DRBD's fencing")
                    .append(" constraint (").append(LeftoverConstraint.Origin.DRBD_FENCE.prefix()).append(name).append("-*) must go before")
                    .append(" Pacemaker may promote it. Only the admin can decide that; ClusterDeck runs none of")
                    .append(" these commands.\n");
        }
        return new RecoverySteps(s.toString(), commands);
    }

    private static String peerDisks(DrbdConnection c) {
        return String.join("/", c.peerDevices().stream().map(DrbdPeerDevice::peerDiskState).distinct().toList());
    }

}
