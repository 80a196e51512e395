package org.clusterdeck.cluster.cib;

import java.util.List;

/** A constraint of the CIB: location, colocation, order or ticket; each may use resource sets. */
public sealed interface Constraint
        permits LocationConstraint, ColocationConstraint, OrderConstraint, TicketConstraint {
    String id();

    List<ResourceSet> sets();

    /** location, colocation, order or ticket: the graph contract's word. */
    String kind();

    /** Resource (or tag/template) ids named directly by attributes, in attribute order, without sets. */
    List<String> namedReferences();

    /** Whether it names the id directly or in one of its sets (tags not expanded). */
    default boolean names(String id) {
        return namedReferences().contains(id) || sets().stream().anyMatch(s -> s.resources().contains(id));
    }
}
