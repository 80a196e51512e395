package org.clusterdeck.cluster.setup.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.drbd.DrbdGeneration;

/**
 * What the pre-flight read on a node and found in order, in an admin's words: the part of the
 * examination that the findings, which name only what is wrong, leave out.
 */
public final class FactsSummary {
    private FactsSummary() {
    }

    /**
     * Every node's sentences, in order, then what holds between the two: the same disk size, dhcpd
     * account and DRBD generation, which the pre-flight's pair rules compare.
     */
    public static List<String> of(Map<String, NodeFacts> facts) {
        List<String> fine = new ArrayList<>();
        facts.values().forEach(f -> fine.addAll(of(f)));
        List<NodeFacts> nodes = facts.values().stream().filter(NodeFacts::reachable).toList();
        if (nodes.size() != 2) {
            return fine;
        }
        NodeFacts a = nodes.get(0);
        NodeFacts b = nodes.get(1);
        String both = a.node() + ", " + b.node() + ": ";
        if (a.disk() != null && b.disk() != null && a.disk().exists() && b.disk().exists()
                && a.disk().device().sizeBytes() == b.disk().device().sizeBytes()) {
            fine.add(both + "the backing disks are the same size (" + ByteSize.human(a.disk().device().sizeBytes()) + ")");
        }
        if (a.dhcpd() != null && b.dhcpd() != null && a.dhcpd().uid() == b.dhcpd().uid()
                && a.dhcpd().gid() == b.dhcpd().gid()) {
            fine.add(both + "the dhcpd accounts have the same uid and gid");
        }
        if (a.drbd() != null && b.drbd() != null && a.drbd().present() && b.drbd().present()
                && a.drbd().generation() == b.drbd().generation() && a.drbd().generation() != DrbdGeneration.UNKNOWN) {
            fine.add(both + "the same DRBD generation (" + a.drbd().generation().name().substring(1).replace('_', '.') + ")");
        }
        return fine;
    }

    /** What is in order for SBD on the node (its view of the shared disk, its watchdog), without the node's name. */
    public static List<String> sbd(NodeFacts f) {
        List<String> fine = new ArrayList<>();
        if (f.sbdDevice() != null && f.sbdDevice().exists() && f.sbdDevice().contents().isEmpty()) {
            fine.add("the SBD disk " + f.sbdDevice().path() + " holds nothing udev knows ("
                    + ByteSize.human(f.sbdDevice().device().sizeBytes()) + ")");
        }
        if (f.watchdog() != null && f.watchdog().ready()) {
            fine.add("watchdog " + String.join(", ", f.watchdog().devices()));
        }
        return fine;
    }

    /** One sentence per fact that holds; nothing for an unreachable node. */
    public static List<String> of(NodeFacts f) {
        List<String> fine = new ArrayList<>();
        if (!f.reachable()) {
            return fine;
        }
        String n = f.node();
        if (n.equals(f.unameNode()) && n.equals(f.hostname())) {
            fine.add(n + ": uname -n and hostname both say " + n);
        }
        if (f.timeSync() != null && f.timeSync().state() == TimeSync.State.SYNCHRONISED) {
            fine.add(n + ": the clock is synchronised (" + f.timeSync().source() + ")");
        }
        if (f.cluster() != null && f.cluster().bare()) {
            fine.add(n + ": no cluster configured or running");
        }
        if (f.disk() != null && f.disk().exists() && f.disk().contents().isEmpty()) {
            fine.add(n + ": " + f.disk().path() + " is empty (" + ByteSize.human(f.disk().device().sizeBytes()) + ")");
        }
        if (f.drbd() != null && f.drbd().present()) {
            fine.add(n + ": DRBD module " + f.drbd().version());
        }
        String installed = f.packages().get("pacemaker");
        if (installed != null) {
            fine.add(n + ": Pacemaker " + installed + " installed");
        } else if (f.pacemakerCandidate() != null) {
            fine.add(n + ": Pacemaker " + f.pacemakerCandidate() + " offered by " + f.packageManager());
        }
        sbd(f).forEach(line -> fine.add(n + ": " + line));
        if (f.dhcpd() != null) {
            fine.add(n + ": the dhcpd account has uid " + f.dhcpd().uid() + ", gid " + f.dhcpd().gid());
        }
        return fine;
    }
}
