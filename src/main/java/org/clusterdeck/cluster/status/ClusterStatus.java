package org.clusterdeck.cluster.status;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What crm_mon reports about a cluster at one moment. Serializes to the {@code status --json}
 * contract (nodes, resources, failures); everything else crm_mon says is kept for the UI but is
 * not part of that contract.
 *
 * @param warnings errors crm_mon printed alongside a usable status (never silently dropped)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"nodes", "resources", "failures"})
public record ClusterStatus(
        @JsonIgnore Summary summary,
        List<ClusterNode> nodes,
        List<Resource> resources,
        List<Failure> failures,
        @JsonIgnore List<Ban> bans,
        @JsonIgnore List<FenceEvent> fenceHistory,
        @JsonIgnore List<Ticket> tickets,
        @JsonIgnore List<String> warnings) {

    public ClusterStatus {
        nodes = List.copyOf(nodes);
        resources = List.copyOf(resources);
        failures = List.copyOf(failures);
        bans = List.copyOf(bans);
        fenceHistory = List.copyOf(fenceHistory);
        tickets = List.copyOf(tickets);
        warnings = List.copyOf(warnings);
    }
}
