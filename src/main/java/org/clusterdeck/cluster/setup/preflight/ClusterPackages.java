package org.clusterdeck.cluster.setup.preflight;

import java.util.List;
import java.util.Map;

/**
 * The packages the reference cluster uses, by their Debian names, and what dnf's distributions
 * call them where that differs. Versions are always reported under the Debian name, so the two
 * nodes and the plan compare like with like.
 */
public final class ClusterPackages {
    public static final String APT = "apt";
    public static final String DNF = "dnf";
    /** Checked: the node has neither. */
    public static final String NONE = "none";

    public static final List<String> NAMES = List.of("corosync", "pacemaker", "drbd-utils", "resource-agents",
            "isc-dhcp-server", "crmsh", "pcs");

    /** Fedora and EL name ISC's server {@code dhcp-server}; the rest agree. */
    private static final Map<String, String> DNF_NAMES = Map.of("isc-dhcp-server", "dhcp-server");

    private ClusterPackages() {
    }

    /** The names as the node's package manager knows them, in {@link #NAMES}' order. */
    public static List<String> forManager(String manager) {
        return NAMES.stream().map(n -> DNF.equals(manager) ? DNF_NAMES.getOrDefault(n, n) : n).toList();
    }

    /** The Debian name of a package the manager reported. */
    public static String debianName(String manager, String name) {
        if (DNF.equals(manager)) {
            return DNF_NAMES.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey)
                    .findFirst().orElse(name);
        }
        return name;
    }
}
