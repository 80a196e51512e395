package org.clusterdeck.cluster.cib;

import java.util.List;

/**
 * A {@code <clone>} or legacy {@code <master>}. {@code promotable} is true for a master, or for a
 * clone whose meta {@code promotable} is true (any true spelling Pacemaker accepts). {@code child}
 * is the cloned primitive or group, null if the CIB has none.
 */
public record Clone(
        String id,
        boolean promotable,
        boolean legacyMaster,
        List<NvSet> metaAttributes,
        List<NvSet> instanceAttributes,
        CibResource child) implements CibResource {
    public Clone {
        metaAttributes = List.copyOf(metaAttributes);
        instanceAttributes = List.copyOf(instanceAttributes);
    }

    @Override
    public List<CibResource> children() {
        return child == null ? List.of() : List.of(child);
    }

    @Override
    public String kind() {
        return promotable ? "promotable" : "clone";
    }
}
