package org.clusterdeck.cluster.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.clusterdeck.cluster.cib.Cib;
import org.clusterdeck.cluster.cib.CibResource;
import org.clusterdeck.cluster.cib.ColocationConstraint;
import org.clusterdeck.cluster.cib.Constraint;
import org.clusterdeck.cluster.cib.LocationConstraint;
import org.clusterdeck.cluster.cib.OrderConstraint;
import org.clusterdeck.cluster.cib.Primitive;
import org.clusterdeck.cluster.cib.ResourceSet;

/**
 * Builds the {@code graph} contract from a CIB.
 *
 * <p>Decisions the contract leaves open:
 * <ul>
 * <li>{@code constraints[].resources}: every id the constraint names (rsc, with-rsc, first, then,
 * resource_refs), tags and templates expanded to their resources, in document order without
 * repeats; for {@code rsc-pattern} the top-level resources the pattern matches (as the scheduler
 * matches only top-level resources; a leading {@code !} inverts). Ids that name nothing are left
 * out and reported in the warnings.</li>
 * <li>{@code constraints[].score}: the constraint's {@code score} attribute, null when absent (a
 * location constraint with rules has its scores on the rules; an order's score is the deprecated
 * form of kind).</li>
 * <li>Edges follow the scheduler's unpacking exactly (see {@link OrderEdges},
 * {@link ColocationEdges}). Order edges carry the actions as written, null when absent;
 * {@link GraphEdge#order()} has kind, symmetry and effective actions. Colocation edges carry the
 * roles as written (Pacemaker 2 words), null when absent; colocations with score 0 have no edge
 * because Pacemaker ignores them. Location and ticket constraints have no edges.</li>
 * <li>A constraint naming an id that is no resource, tag or template gets no edges, as Pacemaker
 * ignores it; the warnings say so.</li>
 * </ul>
 */
public final class GraphBuilder {
    private final Cib cib;
    private final References refs;
    private final List<String> warnings = new ArrayList<>();

    private GraphBuilder(Cib cib) {
        this.cib = cib;
        this.refs = new References(cib);
    }

    public static DependencyGraph build(Cib cib) {
        return new GraphBuilder(cib).build();
    }

    private DependencyGraph build() {
        List<GraphConstraint> constraints = new ArrayList<>();
        Set<GraphEdge> edges = new LinkedHashSet<>();
        for (Constraint c : cib.constraints()) {
            constraints.add(new GraphConstraint(c.id(), c.kind(), named(c), scoreOf(c)));
            if (allKnown(c)) {
                edges.addAll(edges(c));
            }
        }
        List<GraphEdge> edgeList = List.copyOf(edges);
        warnings.addAll(OrderCycles.warnings(edgeList));
        warnings.addAll(ColocationConflicts.warnings(edgeList));
        return new DependencyGraph(resources(), constraints, edgeList, warnings);
    }

    private List<GraphResource> resources() {
        List<GraphResource> out = new ArrayList<>();
        for (CibResource top : cib.resources()) {
            add(top, null, out);
        }
        return out;
    }

    private static void add(CibResource r, String parent, List<GraphResource> out) {
        String agent = r instanceof Primitive p ? p.agent() : null;
        out.add(new GraphResource(r.id(), r.kind(), agent, parent));
        r.children().forEach(c -> add(c, r.id(), out));
    }

    private static String scoreOf(Constraint c) {
        if (c instanceof LocationConstraint l) {
            return l.score();
        } else if (c instanceof ColocationConstraint col) {
            return col.score();
        } else if (c instanceof OrderConstraint o) {
            return o.score();
        }
        return null; // tickets have no score
    }

    private List<String> named(Constraint c) {
        Set<String> out = new LinkedHashSet<>();
        c.namedReferences().forEach(id -> out.addAll(refs.expand(id)));
        if (c instanceof LocationConstraint l && l.rscPattern() != null) {
            out.addAll(matching(l));
        }
        for (ResourceSet s : c.sets()) {
            out.addAll(refs.expandAll(s.resources()));
        }
        return List.copyOf(out);
    }

    private List<String> matching(LocationConstraint l) {
        boolean invert = l.rscPattern().startsWith("!");
        try {
            Pattern p = Pattern.compile(invert ? l.rscPattern().substring(1) : l.rscPattern());
            return cib.resources().stream().map(CibResource::id)
                    .filter(id -> p.matcher(id).find() != invert).toList();
        } catch (PatternSyntaxException e) {
            warnings.add("location constraint '" + l.id() + "': rsc-pattern '" + l.rscPattern()
                    + "' is not a regular expression this tool can read; its resources are not listed");
            return List.of();
        }
    }

    /** Warns about every id that names nothing; true when all are known. */
    private boolean allKnown(Constraint c) {
        List<String> ids = new ArrayList<>(c.namedReferences());
        c.sets().forEach(s -> ids.addAll(s.resources()));
        boolean ok = true;
        for (String id : ids) {
            if (!refs.known(id)) {
                warnings.add(c.kind() + " constraint '" + c.id() + "' names '" + id
                        + "', which is no resource, tag or template: Pacemaker ignores the constraint");
                ok = false;
            }
        }
        return ok;
    }

    private List<GraphEdge> edges(Constraint c) {
        if (c instanceof OrderConstraint o) {
            if (!o.sets().isEmpty()) {
                return OrderEdges.sets(o, expanded(o.sets()));
            }
            if (o.first() == null || o.then() == null) {
                return List.of();
            }
            if (refs.isGrouping(o.first()) || refs.isGrouping(o.then())) {
                return OrderEdges.sets(o, List.of(
                        tagSet(o.first(), null, o.firstAction()), tagSet(o.then(), null, o.thenAction())));
            }
            return OrderEdges.simple(o);
        }
        if (c instanceof ColocationConstraint col) {
            if (!col.sets().isEmpty()) {
                return ColocationEdges.sets(col.id(), col.score(), expanded(col.sets()));
            }
            if (col.rsc() == null || col.withRsc() == null) {
                return List.of();
            }
            boolean rscTag = refs.isGrouping(col.rsc());
            boolean withTag = refs.isGrouping(col.withRsc());
            if (rscTag && withTag) {
                warnings.add("colocation constraint '" + col.id() + "' colocates two tags or templates: "
                        + "Pacemaker ignores the constraint");
                return List.of();
            }
            if (rscTag || withTag) {
                return ColocationEdges.sets(col.id(), col.score(), List.of(
                        tagSet(col.rsc(), col.rscRole(), null), tagSet(col.withRsc(), col.withRscRole(), null)));
            }
            return ColocationEdges.simple(col.id(), col.rsc(), col.withRsc(), col.rscRole(), col.withRscRole(),
                    col.score());
        }
        return List.of();
    }

    private List<ResourceSet> expanded(List<ResourceSet> sets) {
        return sets.stream().map(s -> s.withResources(refs.expandAll(s.resources()))).toList();
    }

    /**
     * pcmk__tag_to_set(): a tag or template becomes a set of its resources with sequential=false;
     * a plain resource on the other side becomes a one-member set without a sequential attribute.
     * The constraint's role or action for that side moves onto the set.
     */
    private ResourceSet tagSet(String id, String role, String action) {
        Boolean sequential = refs.isGrouping(id) ? Boolean.FALSE : null;
        return new ResourceSet(id, null, sequential, null, null, role, action, null, null, refs.expand(id));
    }
}
