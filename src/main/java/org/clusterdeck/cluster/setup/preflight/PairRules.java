package org.clusterdeck.cluster.setup.preflight;

import java.util.Map;
import java.util.Objects;
import org.clusterdeck.cluster.checks.FindingKind;
import org.clusterdeck.cluster.events.Severity;

/** What the pre-flight judges by comparing the two nodes: what must be the same on both sides of DRBD. */
final class PairRules {
    private PairRules() {
    }

    static void judge(NodeFacts a, NodeFacts b, Findings out) {
        String both = a.node() + ", " + b.node();
        diskSizes(a, b, both, out);
        if (a.dhcpd() != null && b.dhcpd() != null
                && (a.dhcpd().uid() != b.dhcpd().uid() || a.dhcpd().gid() != b.dhcpd().gid())) {
            // the leases file lives on the replicated disk: after a failover dhcpd must own it on the survivor too
            out.critical(FindingKind.SETUP_DHCPD_UID_DIFFERS, both, "The dhcpd account differs: uid/gid "
                    + ids(a) + " on " + a.node() + ", " + ids(b) + " on " + b.node() + ". The leases file on the "
                    + "replicated disk would belong to someone else after a failover; give the account the same "
                    + "uid and gid on both nodes.");
        }
        if (a.drbd() != null && b.drbd() != null && a.drbd().present() && b.drbd().present()
                && a.drbd().generation() != b.drbd().generation()) {
            out.critical(FindingKind.SETUP_DRBD_GENERATION_DIFFERS, both, "DRBD " + a.drbd().version() + " on "
                    + a.node() + ", " + b.drbd().version() + " on " + b.node() + ": one resource file cannot serve "
                    + "8.4 and 9; bring both nodes to the same DRBD generation.");
        }
        versions(a, b, both, out);
        sbdDisk(a, b, both, out);
    }

    /** One shared disk is the same size from both nodes; two sizes are two disks, and sbd would fence nobody. */
    private static void sbdDisk(NodeFacts a, NodeFacts b, String both, Findings out) {
        DiskFacts da = a.sbdDevice();
        DiskFacts db = b.sbdDevice();
        if (da == null || db == null || !da.exists() || !db.exists()) {
            return;
        }
        long sa = da.device().sizeBytes();
        long sb = db.device().sizeBytes();
        if (sa != sb) {
            out.critical(FindingKind.SETUP_SBD_DEVICE, both, "The SBD disk is not one shared disk: " + da.path() + " has "
                    + ByteSize.human(sa) + " (" + sa + " bytes) on " + a.node() + ", " + ByteSize.human(sb) + " (" + sb
                    + " bytes) on " + b.node() + ". Both nodes must see the same disk (the same by-id path on both).");
        }
    }

    private static void diskSizes(NodeFacts a, NodeFacts b, String both, Findings out) {
        if (a.disk() == null || b.disk() == null || !a.disk().exists() || !b.disk().exists()) {
            return;
        }
        long sa = a.disk().device().sizeBytes();
        long sb = b.disk().device().sizeBytes();
        Severity severity = DiskSizeRule.severity(sa, sb);
        if (severity == null) {
            return;
        }
        String message = "The backing disks differ in size: " + a.disk().path() + " on " + a.node() + " has "
                + ByteSize.human(sa) + " (" + sa + " bytes), " + b.disk().path() + " on " + b.node() + " "
                + ByteSize.human(sb) + " (" + sb + " bytes). DRBD uses the smaller; "
                + DiskSizeRule.lost(sa, sb) + " of the larger stays unused"
                + (severity == Severity.CRITICAL ? ". That much suggests a wrong disk; the setup stops." : ".");
        out.add(FindingKind.SETUP_DISK_SIZE_DIFFERS, severity, both, message);
    }

    /** The packages step makes the versions equal; until then a difference is worth knowing, not a stop. */
    private static void versions(NodeFacts a, NodeFacts b, String both, Findings out) {
        for (Map.Entry<String, String> e : a.packages().entrySet()) {
            String other = b.packages().get(e.getKey());
            if (other != null && !Objects.equals(other, e.getValue())) {
                out.warning(FindingKind.SETUP_VERSIONS_DIFFER, both, e.getKey() + " " + e.getValue() + " on "
                        + a.node() + ", " + other + " on " + b.node() + ".");
            }
        }
    }

    private static String ids(NodeFacts f) {
        return f.dhcpd().uid() + "/" + f.dhcpd().gid();
    }
}
