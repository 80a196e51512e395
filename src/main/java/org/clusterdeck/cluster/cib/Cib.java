package org.clusterdeck.cluster.cib;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A CIB as {@code cibadmin -Q} prints it: version, configuration and a minimal view of the status
 * section. {@code resources} holds the top-level resources; nested ones are reached through
 * {@link CibResource#children()} or the lookups below. {@code haveQuorum} is the raw attribute.
 */
public record Cib(
        CibVersion version,
        String validateWith,
        String haveQuorum,
        String dcUuid,
        String lastWritten,
        List<NvSet> clusterProperties,
        List<CibNode> nodes,
        List<CibResource> resources,
        List<ResourceTemplate> templates,
        List<NvSet> rscDefaults,
        List<NvSet> opDefaults,
        List<CibTag> tags,
        List<Constraint> constraints,
        List<NodeState> nodeStates) {

    public Cib {
        clusterProperties = List.copyOf(clusterProperties);
        nodes = List.copyOf(nodes);
        resources = List.copyOf(resources);
        templates = List.copyOf(templates);
        rscDefaults = List.copyOf(rscDefaults);
        opDefaults = List.copyOf(opDefaults);
        tags = List.copyOf(tags);
        constraints = List.copyOf(constraints);
        nodeStates = List.copyOf(nodeStates);
    }

    /** Every resource, parents before their children, in document order. */
    public List<CibResource> allResources() {
        List<CibResource> out = new ArrayList<>();
        resources.forEach(r -> collect(r, out));
        return out;
    }

    private static void collect(CibResource r, List<CibResource> out) {
        out.add(r);
        r.children().forEach(c -> collect(c, out));
    }

    public Optional<CibResource> resource(String id) {
        return allResources().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The group, clone or bundle directly containing the resource; empty at top level or if unknown. */
    public Optional<CibResource> parent(String id) {
        return allResources().stream()
                .filter(r -> r.children().stream().anyMatch(c -> c.id().equals(id)))
                .findFirst();
    }

    public List<CibResource> children(String id) {
        return resource(id).map(CibResource::children).orElse(List.of());
    }

    /**
     * A resource's meta attribute as Pacemaker resolves it without evaluating rules: the resource's
     * own unconditional value, else its parents' (clones and groups pass meta down), else
     * rsc_defaults. Null when none says anything.
     */
    public String metaAttribute(String resourceId, String name) {
        Optional<CibResource> r = resource(resourceId);
        while (r.isPresent()) {
            String v = r.get().meta(name);
            if (v != null) {
                return v;
            }
            r = parent(r.get().id());
        }
        return NvSet.unconditionalValue(rscDefaults, name);
    }

    /** A cluster property (crm_config) from the unconditional property sets, or null. */
    public String clusterProperty(String name) {
        return NvSet.unconditionalValue(clusterProperties, name);
    }

    public Optional<CibTag> tag(String id) {
        return tags.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<ResourceTemplate> template(String id) {
        return templates.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<Constraint> constraint(String id) {
        return constraints.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
