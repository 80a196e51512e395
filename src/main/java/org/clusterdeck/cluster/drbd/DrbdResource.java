package org.clusterdeck.cluster.drbd;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A DRBD resource as this node sees it. {@code name} is null for {@code /proc/drbd}, which only
 * knows minors (there each minor becomes a resource of its own).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"name", "role", "devices", "connections"})
public record DrbdResource(
        String name,
        String role,
        List<DrbdDevice> devices,
        List<DrbdConnection> connections) {

    public DrbdResource {
        devices = List.copyOf(devices);
        connections = List.copyOf(connections);
    }

    @JsonIgnore
    public boolean isPrimary() {
        return "Primary".equals(role);
    }
}
