package org.clusterdeck.cluster.setup.preflight;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.checks.Finding;
import org.clusterdeck.cluster.drbd.DrbdGeneration;
import org.clusterdeck.cluster.setup.NodeGeneration;
import org.clusterdeck.cluster.setup.SetupSpec;
import org.clusterdeck.transport.CommandRunner;

/**
 * The setup's first step: every node examined read-only, every finding reported at once, before
 * anything changes. A CRITICAL finding blocks the setup; a WARNING lets it go on.
 */
public final class Preflight {
    private Preflight() {
    }

    /**
     * Reads each spec node's facts through its runner, one node after the other (the reads are
     * small; a node that does not answer costs its connection timeout once).
     *
     * @param runners by spec node name; a node without a runner is reported unreachable
     */
    public static Map<String, NodeFacts> gather(SetupSpec spec, Map<String, CommandRunner> runners) {
        Map<String, NodeFacts> facts = new LinkedHashMap<>();
        for (SetupSpec.Node n : spec.nodes()) {
            CommandRunner r = runners.get(n.name());
            facts.put(n.name(), r == null ? NodeFacts.unreachable(n.name(), "no connection given for it")
                    : new NodeFactsReader(r, n.name()).read(spec, n.disk()));
        }
        return facts;
    }

    /** All findings: each node's own, then what the two nodes must share. */
    public static List<Finding> findings(SetupSpec spec, Map<String, NodeFacts> facts) {
        Findings out = new Findings();
        for (SetupSpec.Node n : spec.nodes()) {
            NodeRules.judge(spec, n, facts.getOrDefault(n.name(), NodeFacts.unreachable(n.name(), "no facts gathered")),
                    out);
        }
        if (spec.nodes().size() == 2) {
            NodeFacts a = facts.get(spec.nodes().get(0).name());
            NodeFacts b = facts.get(spec.nodes().get(1).name());
            if (a != null && b != null && a.reachable() && b.reachable()) {
                PairRules.judge(a, b, out);
            }
        }
        return out.list();
    }

    /**
     * What the plan needs of each reachable node: its DRBD generation, the Pacemaker version it has
     * or would get, its package manager and the size of its disk.
     *
     * @throws IllegalArgumentException naming the node when one of these is not known (the plan
     *                                  cannot be written for it)
     */
    public static Map<String, NodeGeneration> generations(Map<String, NodeFacts> facts) {
        Map<String, NodeGeneration> g = new LinkedHashMap<>();
        facts.forEach((node, f) -> {
            if (f.reachable()) {
                g.put(node, generation(f));
            }
        });
        return g;
    }

    static NodeGeneration generation(NodeFacts f) {
        String pacemaker = f.packages().getOrDefault("pacemaker", f.pacemakerCandidate());
        NodeGeneration.PackageManager manager = ClusterPackages.APT.equals(f.packageManager())
                ? NodeGeneration.PackageManager.APT
                : ClusterPackages.DNF.equals(f.packageManager()) ? NodeGeneration.PackageManager.DNF : null;
        long disk = f.disk() == null || f.disk().device() == null ? 0 : f.disk().device().sizeBytes();
        // the shared SBD disk's size, which the confirmation of sbd's header names
        long sbd = f.sbdDevice() == null || f.sbdDevice().device() == null ? 0 : f.sbdDevice().device().sizeBytes();
        try {
            return new NodeGeneration(f.drbd() != null && f.drbd().generation() == DrbdGeneration.V9, pacemaker, manager,
                    disk, sbd);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(f.node() + ": " + e.getMessage(), e);
        }
    }
}
