package org.clusterdeck.cluster.status;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One node as crm_mon reports it.
 *
 * @param dc         crm_mon's {@code is_dc}
 * @param type       {@code member}, {@code remote}, {@code ping} or {@code unknown}, as printed
 * @param attributes the node's attributes from {@code <node_attributes>}, sorted by name
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"name", "online", "standby", "maintenance", "dc"})
public record ClusterNode(
        String name,
        @JsonIgnore String id,
        boolean online,
        boolean standby,
        @JsonIgnore boolean standbyOnFail,
        boolean maintenance,
        @JsonIgnore boolean pending,
        @JsonIgnore boolean unclean,
        @JsonIgnore boolean shutdown,
        @JsonIgnore boolean expectedUp,
        boolean dc,
        @JsonIgnore int resourcesRunning,
        @JsonIgnore String type,
        @JsonIgnore Map<String, String> attributes) {

    public ClusterNode {
        attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
    }
}
