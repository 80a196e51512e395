package org.clusterdeck.cluster.cib;

import java.util.List;

/**
 * A {@code <primitive>}. When it uses {@code template}, the agent fields not written on the
 * primitive are taken from the template, as Pacemaker does.
 */
public record Primitive(
        String id,
        String resourceClass,
        String provider,
        String type,
        String template,
        List<NvSet> instanceAttributes,
        List<NvSet> metaAttributes,
        List<NvSet> utilization,
        List<Operation> operations) implements CibResource {
    public Primitive {
        instanceAttributes = List.copyOf(instanceAttributes);
        metaAttributes = List.copyOf(metaAttributes);
        utilization = List.copyOf(utilization);
        operations = List.copyOf(operations);
    }

    /** {@code class:provider:type}, or {@code class:type} for classes without providers; null if unknown. */
    public String agent() {
        if (resourceClass == null || type == null) {
            return null;
        }
        return provider == null ? resourceClass + ":" + type : resourceClass + ":" + provider + ":" + type;
    }

    public String instanceAttribute(String name) {
        return NvSet.unconditionalValue(instanceAttributes, name);
    }

    @Override
    public List<CibResource> children() {
        return List.of();
    }

    @Override
    public String kind() {
        return "primitive";
    }
}
