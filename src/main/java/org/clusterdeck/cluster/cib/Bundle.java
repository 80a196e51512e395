package org.clusterdeck.cluster.cib;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code <bundle>}: a container ({@code containerType} docker, podman, rkt, …, with its
 * attributes such as image and replicas) and at most one primitive run inside it.
 * Network and storage mappings are not modelled.
 */
public record Bundle(
        String id,
        String containerType,
        Map<String, String> containerAttributes,
        List<NvSet> metaAttributes,
        Primitive primitive) implements CibResource {
    public Bundle {
        containerAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(containerAttributes));
        metaAttributes = List.copyOf(metaAttributes);
    }

    public String image() {
        return containerAttributes.get("image");
    }

    @Override
    public List<CibResource> children() {
        return primitive == null ? List.of() : List.of(primitive);
    }

    @Override
    public String kind() {
        return "bundle";
    }
}
