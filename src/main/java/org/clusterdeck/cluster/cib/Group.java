package org.clusterdeck.cluster.cib;

import java.util.List;

/** A {@code <group>}: its members start in document order and run together. */
public record Group(String id, List<NvSet> metaAttributes, List<NvSet> instanceAttributes, List<Primitive> members)
        implements CibResource {
    public Group {
        metaAttributes = List.copyOf(metaAttributes);
        instanceAttributes = List.copyOf(instanceAttributes);
        members = List.copyOf(members);
    }

    @Override
    public List<CibResource> children() {
        return List.copyOf(members);
    }

    @Override
    public String kind() {
        return "group";
    }
}
