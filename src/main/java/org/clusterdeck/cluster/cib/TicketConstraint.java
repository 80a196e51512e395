package org.clusterdeck.cluster.cib;

import java.util.ArrayList;
import java.util.List;

/** An {@code rsc_ticket}: the resource(s) may run only while the site holds the ticket. */
public record TicketConstraint(
        String id,
        String ticket,
        String rsc,
        String rscRole,
        String lossPolicy,
        List<ResourceSet> sets) implements Constraint {
    public TicketConstraint {
        sets = List.copyOf(sets);
    }

    @Override
    public String kind() {
        return "ticket";
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
