package org.clusterdeck.cluster.cib;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code rsc_colocation}: {@code rsc} is placed relative to {@code withRsc} (which is placed
 * first). Roles in Pacemaker 2 words; score as written (Pacemaker's default is 0, i.e. no effect).
 */
public record ColocationConstraint(
        String id,
        String rsc,
        String withRsc,
        String rscRole,
        String withRscRole,
        String score,
        String nodeAttribute,
        String influence,
        List<ResourceSet> sets) implements Constraint {
    public ColocationConstraint {
        sets = List.copyOf(sets);
    }

    @Override
    public String kind() {
        return "colocation";
    }

    @Override
    public List<String> namedReferences() {
        List<String> out = new ArrayList<>();
        if (rsc != null) {
            out.add(rsc);
        }
        if (withRsc != null) {
            out.add(withRsc);
        }
        return out;
    }
}
