package org.clusterdeck.cluster.setup.preflight;

import org.clusterdeck.cluster.drbd.DrbdGeneration;

/**
 * What the plan needs to know of a node's software to write its files and commands: DRBD 8.4 or 9
 * (r0.res syntax, the fence handlers), Pacemaker's version (property names change at 3.0.2) and
 * how packages are installed.
 *
 * @param pacemakerVersion the installed package's version; null when Pacemaker is not installed yet
 * @param packageManager   {@code apt} or {@code dnf}; null for neither
 */
public record NodeGeneration(boolean drbd9, String pacemakerVersion, String packageManager) {
    public static NodeGeneration of(NodeFacts facts) {
        return new NodeGeneration(facts.drbd() != null && facts.drbd().generation() == DrbdGeneration.V9,
                facts.packages().get("pacemaker"),
                ClusterPackages.NONE.equals(facts.packageManager()) ? null : facts.packageManager());
    }
}
