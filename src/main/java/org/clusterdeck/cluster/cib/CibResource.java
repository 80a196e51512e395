package org.clusterdeck.cluster.cib;

import java.util.List;

/** A configured resource: primitive, group, clone (promotable or not, incl. legacy master) or bundle. */
public sealed interface CibResource permits Primitive, Group, Clone, Bundle {
    String id();

    List<NvSet> metaAttributes();

    /** Directly contained resources in document order (empty for a primitive). */
    List<CibResource> children();

    /** The graph contract's word: primitive, group, clone, promotable or bundle. */
    String kind();

    /** This resource's own unconditional meta attribute (no inheritance, see {@link Cib#metaAttribute}). */
    default String meta(String name) {
        return NvSet.unconditionalValue(metaAttributes(), name);
    }
}
