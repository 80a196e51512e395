package org.clusterdeck.cluster.cib;

import java.util.List;

/**
 * A {@code <resource_set>} of a constraint. Booleans are null when the attribute is absent (or not
 * a boolean): Pacemaker treats an absent {@code sequential} differently in different places, so
 * "absent" must stay distinguishable from "true". {@code role} is in Pacemaker 2 words;
 * {@code resources} are the resource_ref ids as written (tags not expanded). An
 * {@code id-ref} set carries the referenced set's content.
 */
public record ResourceSet(
        String id,
        String idRef,
        Boolean sequential,
        Boolean requireAll,
        String ordering,
        String role,
        String action,
        String score,
        String kind,
        List<String> resources) {
    public ResourceSet {
        resources = List.copyOf(resources);
    }

    /** The same set naming other resources: tags and templates expanded, as the scheduler unpacks sets. */
    public ResourceSet withResources(List<String> expanded) {
        return new ResourceSet(id, idRef, sequential, requireAll, ordering, role, action, score, kind, expanded);
    }

    public String first() {
        return resources.isEmpty() ? null : resources.get(0);
    }

    public String last() {
        return resources.isEmpty() ? null : resources.get(resources.size() - 1);
    }
}
