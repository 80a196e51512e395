package org.clusterdeck.cluster.setup.preflight;

import java.util.List;
import java.util.Map;

/**
 * Everything the pre-flight read on one node, read-only. A fact that could not be read is null
 * (or empty) and {@link #problems} says why, naming the command; an unreachable node has only its
 * name and {@link #unreachable}.
 *
 * @param node           the spec's name for the node
 * @param unreachable    why the node could not be asked at all; null when it answered
 * @param lookups        how this node resolves each spec node's name
 * @param packageManager {@code apt}, {@code dnf}, {@code none} for neither; null when it could not be checked
 * @param packages       installed versions by Debian package name; absent when not installed
 * @param pacemakerCandidate the Pacemaker version the package manager would install where it is not
 *                       installed yet (what the plan's property names follow); null otherwise or unknown
 * @param dhcpd          the dhcpd account; null where it does not exist (yet)
 * @param listening      ports held on the node
 * @param sbdDevice      the spec's shared SBD disk as this node sees it; null when the spec does not fence with SBD
 * @param watchdog       the node's watchdogs; null when the spec does not fence with SBD
 */
public record NodeFacts(String node, String unreachable, String unameNode, String hostname, List<NameLookup> lookups,
        TimeSync timeSync, ClusterPresence cluster, DiskFacts disk, DrbdModule drbd, String packageManager,
        Map<String, String> packages, String pacemakerCandidate, Account dhcpd, List<ListeningPort> listening,
        DiskFacts sbdDevice, Watchdog watchdog, List<String> problems) {

    public NodeFacts {
        lookups = lookups == null ? List.of() : List.copyOf(lookups);
        packages = packages == null ? Map.of() : Map.copyOf(packages);
        listening = listening == null ? List.of() : List.copyOf(listening);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public static NodeFacts unreachable(String node, String why) {
        return new NodeFacts(node, why, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    public boolean reachable() {
        return unreachable == null;
    }
}
