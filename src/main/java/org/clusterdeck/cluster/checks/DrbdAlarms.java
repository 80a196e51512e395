package org.clusterdeck.cluster.checks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.clusterdeck.cluster.drbd.DrbdConnection;
import org.clusterdeck.cluster.drbd.DrbdGeneration;
import org.clusterdeck.cluster.drbd.DrbdPeers;
import org.clusterdeck.cluster.drbd.DrbdResource;
import org.clusterdeck.cluster.drbd.DrbdStatus;

/**
 * The DRBD alarms of a cluster from each node's own DRBD status, with the recovery written out
 * for the DRBD generation the nodes run: split brain, two Primaries apart, StandAlone, and an
 * Outdated disk that does not resync. The DRBD view and {@code drbd} show exactly these.
 */
public final class DrbdAlarms {
    private DrbdAlarms() {
    }

    /**
     * @param byNode  each node's DRBD status by cluster node name; a node without one is left out or null
     * @param victims the admin's choice of victim per resource, where made
     * @return one alarm per resource that needs an admin, in resource order
     */
    public static List<DrbdAlarm> of(Map<String, DrbdStatus> byNode, Map<String, String> victims) {
        Map<String, DrbdStatus> statuses = new TreeMap<>();
        byNode.forEach((node, status) -> {
            if (status != null) {
                statuses.put(node, status);
            }
        });
        Map<String, Set<String>> holders = new LinkedHashMap<>();
        Map<String, DrbdGeneration> generations = new LinkedHashMap<>();
        statuses.forEach((node, status) -> {
            DrbdGeneration g = DrbdGeneration.of(status);
            for (DrbdResource r : status.resources()) {
                String name = DrbdPeers.key(r);
                holders.computeIfAbsent(name, k -> new TreeSet<>()).add(node);
                for (DrbdConnection c : r.connections()) {
                    // a peer that did not report counts by its DRBD 9 name; 8.4's placeholder "peer" names no node
                    String peer = DrbdPeers.nodeOf(c.peer(), node, statuses.keySet());
                    if (peer != null && (statuses.containsKey(peer) || g == DrbdGeneration.V9)) {
                        holders.get(name).add(peer);
                    }
                }
                if (g != DrbdGeneration.UNKNOWN) {
                    generations.putIfAbsent(name, g);
                }
            }
        });
        List<DrbdAlarm> out = new ArrayList<>();
        holders.forEach((name, nodes) -> {
            List<DrbdSide> sides = nodes.stream().map(n -> side(statuses, n, name)).toList();
            DrbdAlarm.Kind kind = kind(sides);
            if (kind == null) {
                return;
            }
            String resource = name.startsWith("minor ") ? null : name;
            DrbdGeneration generation = generations.getOrDefault(name, DrbdGeneration.UNKNOWN);
            if (kind == DrbdAlarm.Kind.OUTDATED) {
                RecoverySteps steps = OutdatedDisk.steps(resource, generation, sides);
                out.add(new DrbdAlarm(name, kind, List.of(), null, false, title(kind, name, sides), steps.text(),
                        steps.commands()));
                return;
            }
            List<String> candidates = List.copyOf(nodes);
            String chosen = victims.get(name);
            boolean suggested = chosen == null || !candidates.contains(chosen);
            String victim = suggested ? suggestVictim(sides) : chosen;
            RecoverySteps steps = SplitBrainRecovery.steps(resource, kind, generation, sides, victim,
                    suggested);
            out.add(new DrbdAlarm(name, kind, candidates, victim, suggested && victim != null,
                    title(kind, name, sides), steps.text(), steps.commands()));
        });
        return List.copyOf(out);
    }

    /** The alarms as findings, for the command line. */
    public static List<Finding> findings(Map<String, DrbdStatus> byNode) {
        return of(byNode, Map.of()).stream().map(DrbdAlarm::finding).toList();
    }

    private static DrbdSide side(Map<String, DrbdStatus> statuses, String node, String resource) {
        DrbdStatus status = statuses.get(node);
        DrbdResource r = status == null ? null
                : status.resources().stream().filter(x -> DrbdPeers.key(x).equals(resource)).findFirst().orElse(null);
        Map<String, DrbdConnection> toPeers = new HashMap<>();
        if (r != null) {
            r.connections().forEach(c -> {
                String peer = DrbdPeers.nodeOf(c.peer(), node, statuses.keySet());
                if (peer != null) {
                    toPeers.putIfAbsent(peer, c);
                }
            });
        }
        return new DrbdSide(node, r, toPeers);
    }

    /**
     * Split brain when DRBD said so (its handler ran); diverged when two nodes are Primary
     * without a connection between them, whatever state the connection is in (a cut link leaves
     * both Connecting, and DRBD finds the split brain only when they meet again); else StandAlone
     * when some node does not try to reach its peer; else Outdated when a node's disk is Outdated
     * and not being resynced; else no alarm.
     */
    private static DrbdAlarm.Kind kind(List<DrbdSide> sides) {
        boolean handler = sides.stream().anyMatch(x -> x.resource() != null
                && x.resource().connections().stream().anyMatch(DrbdConnection::splitBrainDetected));
        if (handler) {
            return DrbdAlarm.Kind.SPLIT_BRAIN;
        }
        List<DrbdSide> primaries = sides.stream().filter(DrbdSide::primary).toList();
        for (DrbdSide a : primaries) {
            for (DrbdSide b : primaries) {
                DrbdConnection c = a.to(b.node());
                if (a != b && (c == null || !c.isConnected())) {
                    return DrbdAlarm.Kind.DIVERGED;
                }
            }
        }
        if (sides.stream().anyMatch(DrbdSide::notTrying)) {
            return DrbdAlarm.Kind.STANDALONE;
        }
        return OutdatedDisk.stuck(sides).isEmpty() ? null : DrbdAlarm.Kind.OUTDATED;
    }

    private static String title(DrbdAlarm.Kind kind, String name, List<DrbdSide> sides) {
        return switch (kind) {
            case SPLIT_BRAIN -> "Split brain on " + name + ": DRBD dropped the connection between "
                    + String.join(" and ", sides.stream().map(DrbdSide::node).toList());
            case DIVERGED -> "Split brain on " + name + ": Primary without a connection on "
                    + String.join(" and ", sides.stream().filter(DrbdSide::primary).map(DrbdSide::node).toList());
            case STANDALONE -> "StandAlone on " + name + ": " + String.join(", ",
                    sides.stream().filter(DrbdSide::notTrying).map(DrbdSide::node).toList());
            case OUTDATED -> "Outdated on " + name + ": " + String.join(", ",
                    OutdatedDisk.stuck(sides).stream().map(DrbdSide::node).toList()) + " cannot be promoted";
        };
    }

    /**
     * With two nodes of which exactly one is Primary, the other: Pacemaker runs the service on the
     * Primary, so its copy is the one clients wrote last. Otherwise (both Primary after a split
     * without fencing, both Secondary, more nodes) nothing here can tell, and the admin decides.
     */
    static String suggestVictim(List<DrbdSide> sides) {
        if (sides.size() != 2 || sides.stream().anyMatch(x -> x.resource() == null)) {
            return null;
        }
        List<DrbdSide> primaries = sides.stream().filter(DrbdSide::primary).toList();
        return primaries.size() != 1 ? null
                : sides.stream().filter(x -> x != primaries.get(0)).findFirst().orElseThrow().node();
    }
}
