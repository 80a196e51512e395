package org.clusterdeck.cluster.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.cib.Cib;
import org.clusterdeck.cluster.cib.CibResource;
import org.clusterdeck.cluster.cib.CibTag;
import org.clusterdeck.cluster.cib.Primitive;

/**
 * What an id in a constraint stands for. Like the scheduler (pcmk__valid_resource_or_tag()), an id
 * is a resource, else a template (standing for the primitives derived from it), else a tag
 * (standing for the resources it lists; its other references, e.g. to nodes, are dropped).
 */
final class References {
    private final Map<String, CibResource> resources = new LinkedHashMap<>();
    private final Map<String, List<String>> groupings = new HashMap<>();

    References(Cib cib) {
        cib.allResources().forEach(r -> resources.put(r.id(), r));
        cib.templates().forEach(t -> groupings.put(t.id(), derivedFrom(t.id())));
        for (CibTag tag : cib.tags()) {
            List<String> members = new ArrayList<>();
            for (String ref : tag.references()) {
                if (resources.containsKey(ref)) {
                    members.add(ref);
                } else if (groupings.containsKey(ref)) {
                    members.addAll(groupings.get(ref));
                }
            }
            groupings.putIfAbsent(tag.id(), members);
        }
    }

    private List<String> derivedFrom(String templateId) {
        return resources.values().stream()
                .filter(r -> r instanceof Primitive p && templateId.equals(p.template()))
                .map(CibResource::id).toList();
    }

    Map<String, CibResource> resources() {
        return resources;
    }

    boolean isResource(String id) {
        return resources.containsKey(id);
    }

    /** A tag or template id (not a resource). */
    boolean isGrouping(String id) {
        return !isResource(id) && groupings.containsKey(id);
    }

    boolean known(String id) {
        return isResource(id) || groupings.containsKey(id);
    }

    /** The resources the id stands for; empty when it names nothing known. */
    List<String> expand(String id) {
        if (id == null) {
            return List.of();
        }
        if (isResource(id)) {
            return List.of(id);
        }
        return groupings.getOrDefault(id, List.of());
    }

    List<String> expandAll(List<String> ids) {
        List<String> out = new ArrayList<>();
        ids.forEach(id -> out.addAll(expand(id)));
        return out;
    }
}
