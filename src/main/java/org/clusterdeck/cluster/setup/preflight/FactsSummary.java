package org.clusterdeck.cluster.setup.preflight;

import java.util.ArrayList;
import java.util.List;

/**
 * What the pre-flight read on a node and found in order, in an admin's words: the part of the
 * examination that the findings, which name only what is wrong, leave out.
 */
public final class FactsSummary {
    private FactsSummary() {
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
        if (f.dhcpd() != null) {
            fine.add(n + ": the dhcpd account has uid " + f.dhcpd().uid() + ", gid " + f.dhcpd().gid());
        }
        return fine;
    }
}
