package org.clusterdeck.ui.overview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clusterdeck.cluster.cib.Cib;
import org.clusterdeck.cluster.cib.NvPair;
import org.clusterdeck.cluster.cib.NvSet;
import org.clusterdeck.cluster.status.ClusterOptions;
import org.clusterdeck.cluster.status.ClusterStatus;

/**
 * The cluster properties with warnings for the settings behind split brain and silent outages.
 * Values come from the CIB (what is configured); where the CIB does not set one, crm_mon's summary
 * tells the effective value, so a default is judged too.
 */
final class RiskySettings {
    private RiskySettings() {
    }

    static List<ClusterProperty> properties(Cib cib, ClusterStatus status) {
        Map<String, String> values = new LinkedHashMap<>();
        if (cib != null) {
            for (NvSet set : cib.clusterProperties()) {
                if (!set.conditional()) {
                    for (NvPair p : set.pairs()) {
                        values.putIfAbsent(p.name(), NvSet.unconditionalValue(cib.clusterProperties(), p.name()));
                    }
                }
            }
        }
        ClusterOptions options = status == null || status.summary() == null ? null : status.summary().options();
        boolean fencingNamed = values.containsKey("fencing-enabled") || values.containsKey("stonith-enabled");
        if (options != null && options.fencingEnabled() != null && !fencingNamed) {
            values.put("stonith-enabled", options.fencingEnabled().toString() + " (default)");
        }
        if (options != null && options.noQuorumPolicy() != null && !values.containsKey("no-quorum-policy")) {
            values.put("no-quorum-policy", options.noQuorumPolicy() + " (default)");
        }
        int nodeCount = countNodes(cib, status);
        List<ClusterProperty> out = new ArrayList<>();
        values.forEach((name, value) -> out.add(new ClusterProperty(name, value, warning(name, value, nodeCount))));
        return out;
    }

    private static int countNodes(Cib cib, ClusterStatus status) {
        if (status != null && !status.nodes().isEmpty()) {
            return (int) status.nodes().stream().filter(n -> n.type() == null || n.type().equals("member")).count();
        }
        return cib == null ? 0 : (int) cib.nodes().stream()
                .filter(n -> n.type() == null || n.type().equals("member") || n.type().equals("normal")).count();
    }

    static String warning(String name, String value, int nodeCount) {
        String v = value == null ? "" : value.toLowerCase(Locale.ROOT).replace(" (default)", "");
        return switch (name) {
            case "stonith-enabled", "fencing-enabled" -> isFalse(v)
                    ? "Fencing is disabled: a node that stops answering is never powered off, so both nodes may "
                            + "run the same resources and mount the same data (split brain)."
                    : null;
            case "no-quorum-policy" -> !v.equals("ignore") ? null : nodeCount == 2
                    ? "Quorum is ignored: in a two-node cluster use Corosync's two_node: 1 instead, which keeps "
                            + "quorum safely when one node fails (together with fencing)."
                    : "Quorum is ignored: a partition without quorum keeps running resources (split brain).";
            case "maintenance-mode" -> isTrue(v)
                    ? "Maintenance mode is on: the cluster neither starts, stops nor monitors any resource." : null;
            case "stop-all-resources" -> isTrue(v) ? "All resources are told to stop." : null;
            default -> null;
        };
    }

    /** Pacemaker's boolean spellings (crm_is_true). */
    private static boolean isTrue(String v) {
        return List.of("true", "on", "yes", "y", "1").contains(v);
    }

    private static boolean isFalse(String v) {
        return List.of("false", "off", "no", "n", "0").contains(v);
    }
}
