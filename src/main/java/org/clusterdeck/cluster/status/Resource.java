package org.clusterdeck.cluster.status;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One {@code <resource>} element of crm_mon's output: a primitive, a clone instance, a group
 * member or a resource of a bundle replica. Anonymous clone instances all carry the clone's
 * primitive id, exactly as crm_mon prints them.
 *
 * @param agent      {@code resource_agent}, e.g. {@code ocf:linbit:drbd}
 * @param role       current role in Pacemaker 2 words (Promoted/Unpromoted, never Master/Slave)
 * @param targetRole the configured {@code target-role}, same words; null when not set
 * @param removed    crm_mon's {@code orphaned} (renamed {@code removed}): no longer configured
 * @param nodes      names of the nodes it is active on, sorted
 * @param parent     id of the enclosing group, clone or bundle as crm_mon prints it (a group
 *                   inside a clone is printed as {@code grp:0}, and that is its members' parent;
 *                   a bundle's {@code <replica>} wrapper is skipped); null at top level
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"id", "agent", "role", "nodes", "parent", "managed", "failed"})
public record Resource(
        String id,
        String agent,
        String role,
        @JsonIgnore String targetRole,
        @JsonIgnore boolean active,
        @JsonIgnore boolean removed,
        @JsonIgnore boolean blocked,
        boolean managed,
        boolean failed,
        @JsonIgnore boolean failureIgnored,
        List<String> nodes,
        String parent) {

    public Resource {
        nodes = nodes.stream().sorted().toList();
    }
}
