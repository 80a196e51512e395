package org.clusterdeck.cluster.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.cib.Cib;
import org.clusterdeck.cluster.cib.NvPair;
import org.clusterdeck.cluster.cib.NvSet;
import org.clusterdeck.cluster.status.ClusterOptions;
import org.clusterdeck.cluster.status.ClusterStatus;

/**
 * A cluster property (crm_config) as it takes effect, and its risk if it has one.
 *
 * @param byDefault the CIB does not set it: {@code value} is the default crm_mon reports in effect
 * @param risk      null when the value is not risky
 */
public record ClusterProperty(String name, String value, boolean byDefault, PropertyRisk risk) {

    /** The value as the overview lists it. */
    public String shown() {
        return byDefault ? value + " (default)" : value;
    }

    /** Why the value is risky; null when it is not. */
    public String warning() {
        return risk == null ? null : risk.text();
    }

    /**
     * Every property the CIB sets, in its order; where the CIB does not set the ones behind split
     * brain, crm_mon's summary tells the value in effect, so a default is judged too.
     *
     * @param cib    null when only crm_mon's view is known
     * @param status null when only the configuration is known
     */
    public static List<ClusterProperty> of(Cib cib, ClusterStatus status) {
        Map<String, String> configured = new LinkedHashMap<>();
        if (cib != null) {
            for (NvSet set : cib.clusterProperties()) {
                if (!set.conditional()) {
                    for (NvPair p : set.pairs()) {
                        configured.putIfAbsent(p.name(), NvSet.unconditionalValue(cib.clusterProperties(), p.name()));
                    }
                }
            }
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        ClusterOptions options = status == null || status.summary() == null ? null : status.summary().options();
        boolean fencingNamed = configured.containsKey("fencing-enabled") || configured.containsKey("stonith-enabled");
        if (options != null && options.fencingEnabled() != null && !fencingNamed) {
            defaults.put("stonith-enabled", options.fencingEnabled().toString());
        }
        if (options != null && options.noQuorumPolicy() != null && !configured.containsKey("no-quorum-policy")) {
            defaults.put("no-quorum-policy", options.noQuorumPolicy());
        }
        PropertyRisk.Shape shape = new PropertyRisk.Shape(memberNodes(cib, status), null);
        List<ClusterProperty> out = new ArrayList<>();
        configured.forEach((name, value) -> out.add(new ClusterProperty(name, value, false,
                PropertyRisk.of(name, value, shape).orElse(null))));
        defaults.forEach((name, value) -> out.add(new ClusterProperty(name, value, true,
                PropertyRisk.of(name, value, shape).orElse(null))));
        return out;
    }

    /** Full cluster members: crm_mon's node list when there is one, else the CIB's; remote nodes and guests do not vote. */
    public static int memberNodes(Cib cib, ClusterStatus status) {
        if (status != null && !status.nodes().isEmpty()) {
            return (int) status.nodes().stream().filter(n -> n.type() == null || n.type().equals("member")).count();
        }
        return cib == null ? 0 : (int) cib.nodes().stream()
                .filter(n -> n.type() == null || n.type().equals("member") || n.type().equals("normal")).count();
    }
}
