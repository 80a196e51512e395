package org.clusterdeck.cluster.cib;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code <op>}: name, interval and role (Pacemaker 2 words) are lifted out; every attribute
 * as written stays in {@code attributes} (timeout, on-fail, start-delay, …).
 */
public record Operation(
        String id,
        String name,
        String interval,
        String role,
        Map<String, String> attributes,
        List<NvSet> metaAttributes,
        List<NvSet> instanceAttributes) {
    public Operation {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        metaAttributes = List.copyOf(metaAttributes);
        instanceAttributes = List.copyOf(instanceAttributes);
    }

    public String attribute(String attributeName) {
        return attributes.get(attributeName);
    }
}
