package org.clusterdeck.cluster.cib;

import java.util.List;

/** A {@code <template>}: agent and defaults that primitives take over with {@code template=…}; not a resource. */
public record ResourceTemplate(
        String id,
        String resourceClass,
        String provider,
        String type,
        List<NvSet> instanceAttributes,
        List<NvSet> metaAttributes,
        List<Operation> operations) {
    public ResourceTemplate {
        instanceAttributes = List.copyOf(instanceAttributes);
        metaAttributes = List.copyOf(metaAttributes);
        operations = List.copyOf(operations);
    }
}
