package org.clusterdeck.ui.action;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.clusterdeck.cluster.cib.Cib;
import org.clusterdeck.cluster.cib.CibResource;
import org.clusterdeck.cluster.cib.Primitive;
import org.clusterdeck.cluster.cib.Constraint;
import org.clusterdeck.cluster.status.ClusterNode;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.cluster.status.Resource;

/**
 * What the action menus need to know about the cluster as last seen, so they offer only what
 * applies: where a resource runs or is promoted, whether the cluster manages it, which
 * constraints name it. Either part may be missing (not seen yet); the answers are then empty.
 */
record ClusterFacts(ClusterStatus status, Cib cib) {
    static final ClusterFacts NONE = new ClusterFacts(null, null);

    List<ClusterNode> nodes() {
        return status == null ? List.of() : status.nodes();
    }

    List<String> onlineNodes() {
        return nodes().stream().filter(ClusterNode::online).map(ClusterNode::name).toList();
    }

    /** crm_mon's entries of a resource: itself, its members or its instances. */
    private Stream<Resource> entries(String id) {
        return status == null || id == null ? Stream.empty()
                : status.resources().stream().filter(r -> id.equals(r.id()) || id.equals(r.parent()));
    }

    /** Where a resource, or any member or instance of it, is active. */
    Set<String> runningOn(String id) {
        return nodesOf(entries(id).filter(Resource::active));
    }

    /** Where an instance of a promotable clone has the promoted role. */
    Set<String> promotedOn(String clone) {
        return nodesOf(entries(clone).filter(r -> r.active() && "Promoted".equals(r.role())));
    }

    private static Set<String> nodesOf(Stream<Resource> rs) {
        return rs.map(Resource::nodes).flatMap(List::stream).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Whether the cluster manages the resource, as crm_mon reports it: false as soon as one member
     * or instance is unmanaged; empty when crm_mon does not list it.
     */
    Optional<Boolean> managed(String id) {
        List<Resource> rs = entries(id).toList();
        return rs.isEmpty() ? Optional.empty() : Optional.of(rs.stream().allMatch(Resource::managed));
    }

    /**
     * The promotable clone a resource stands for: itself, or the clone it is the instance of (a
     * box inside the clone's box in the graph), since promotion is asked of the clone.
     */
    Optional<String> promotableClone(String id) {
        if (cib == null || id == null) {
            return Optional.empty();
        }
        return cib.resource(constrainable(id)).filter(ClusterFacts::promotable).map(CibResource::id);
    }

    Set<String> promotableClones() {
        return cib == null ? Set.of() : cib.allResources().stream().filter(ClusterFacts::promotable)
                .map(CibResource::id).collect(Collectors.toSet());
    }

    private static boolean promotable(CibResource r) {
        return r.kind().equals("promotable");
    }

    /** The resource as the CIB configures it; empty when not seen yet. */
    Optional<CibResource> configured(String id) {
        return cib == null || id == null ? Optional.empty() : cib.resource(id);
    }

    /** The group or clone the resource is in; empty for one on its own (or not seen yet). */
    Optional<CibResource> parent(String id) {
        return cib == null || id == null ? Optional.empty() : cib.parent(id);
    }

    /** The groups of the configuration, in CIB order. */
    List<String> groups() {
        return cib == null ? List.of() : cib.allResources().stream().filter(r -> r.kind().equals("group"))
                .map(CibResource::id).toList();
    }

    /** Every constraint that names the resource (location, colocation, order, ticket), in CIB order. */
    List<Constraint> constraintsOf(String id) {
        return cib == null || id == null ? List.of() : cib.constraints().stream().filter(c -> c.names(id)).toList();
    }

    /** Every resource id of the configuration, parents before children. */
    List<String> resourceIds() {
        return cib == null ? List.of() : cib.allResources().stream().map(CibResource::id).toList();
    }

    /**
     * What a constraint names for a resource: a clone's instance stands for its clone, since
     * Pacemaker places and orders the clone (a constraint on the primitive inside is not how it is
     * meant); anything else stands for itself.
     */
    String constrainable(String id) {
        return cib == null ? id : cib.parent(id).filter(p -> p.kind().equals("clone") || promotable(p))
                .map(CibResource::id).orElse(id);
    }

    /** The resources a constraint may name: every one but a clone's instance. */
    List<String> constrainableIds() {
        return resourceIds().stream().filter(id -> constrainable(id).equals(id)).toList();
    }

    /**
     * Resource and constraint ids in use, which a new constraint's id must not repeat. (The CIB
     * wants ids unique everywhere; a clash with some other element's id fails when the plan stages
     * the change on the copy, before anything reaches the cluster.)
     */
    Set<String> takenIds() {
        if (cib == null) {
            return Set.of();
        }
        Set<String> out = new TreeSet<>(resourceIds());
        cib.constraints().forEach(c -> out.add(c.id()));
        return out;
    }

    /** What the resource form checks a new or changed primitive against. */
    NewResourceViewModel.Configured formContext() {
        return new NewResourceViewModel.Configured(takenIds(), groups(), cib == null ? List.of()
                : cib.allResources().stream().filter(r -> r instanceof Primitive).map(r -> (Primitive) r).toList());
    }
}
