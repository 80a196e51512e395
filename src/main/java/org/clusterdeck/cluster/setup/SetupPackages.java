package org.clusterdeck.cluster.setup;

import java.util.ArrayList;
import java.util.List;

/**
 * What each node needs installed for the spec, and the services Pacemaker will own, in the
 * package names of Debian (apt) and of Red Hat's family (dnf; DRBD there from LINBIT or ELRepo).
 */
final class SetupPackages {
    private SetupPackages() {
    }

    static List<String> needed(SetupSpec spec, NodeGeneration.PackageManager pm) {
        boolean apt = pm == NodeGeneration.PackageManager.APT;
        List<String> out = new ArrayList<>(apt
                ? List.of("corosync", "pacemaker", "pacemaker-cli-utils", "resource-agents", "drbd-utils",
                        "isc-dhcp-server", "psmisc")
                : List.of("corosync", "pacemaker", "resource-agents", "drbd-utils", "drbd-pacemaker", "dhcp-server",
                        "psmisc"));
        // psmisc: the Filesystem agent needs its fuser and refuses to run without ("not installed"), but
        // Debian 12's resource-agents only recommends it
        switch (spec.fencing().kind()) {
            case "ipmi" -> out.add(apt ? "fence-agents" : "fence-agents-ipmilan");
            case "virsh" -> out.add(apt ? "fence-agents" : "fence-agents-virsh");
            case "sbd" -> out.addAll(apt ? List.of("sbd", "fence-agents") : List.of("sbd", "fence-agents-sbd"));
            default -> {
                // lab: the lab installs its own fence_lab; none: nothing
            }
        }
        if (spec.filesystem().type().equals("xfs")) {
            out.add("xfsprogs");
        }
        if (spec.dialect().equals("crmsh") || spec.dialect().equals("pcs")) {
            out.add(spec.dialect());
        }
        return out;
    }

    /** Services that start DRBD or dhcpd at boot: Pacemaker starts them, on one node at a time. */
    static List<String> ownedServices(NodeGeneration.PackageManager pm) {
        return pm == NodeGeneration.PackageManager.APT ? List.of("drbd", "isc-dhcp-server") : List.of("drbd", "dhcpd");
    }
}
