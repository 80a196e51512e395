package org.clusterdeck.cluster.cib;

import java.util.ArrayList;
import java.util.List;

/** An {@code rsc_location}: a resource (or pattern, or sets) on a node with a score, or by rules. */
public record LocationConstraint(
        String id,
        String rsc,
        String rscPattern,
        String node,
        String score,
        String role,
        String resourceDiscovery,
        List<Rule> rules,
        List<ResourceSet> sets) implements Constraint {
    public LocationConstraint {
        rules = List.copyOf(rules);
        sets = List.copyOf(sets);
    }

    @Override
    public String kind() {
        return "location";
    }

    @Override
    public List<String> namedReferences() {
        List<String> out = new ArrayList<>();
        if (rsc != null) {
            out.add(rsc);
        }
        return out;
    }
}
