package org.clusterdeck.cluster.cib;

import java.util.List;

/** A {@code <node>} of the configuration; {@code type} is member, remote or ping (legacy: normal). */
public record CibNode(String id, String uname, String type, List<NvSet> attributes, List<NvSet> utilization) {
    public CibNode {
        attributes = List.copyOf(attributes);
        utilization = List.copyOf(utilization);
    }

    public String attribute(String name) {
        return NvSet.unconditionalValue(attributes, name);
    }
}
