package org.clusterdeck.cluster.agents;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Optional;

/**
 * An agent as its metadata describes it: what it is for, its parameters and its actions.
 *
 * @param agent   null for a daemon's metadata, which lists options, not an agent
 * @param version the agent's version as it says, null when it says none
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"agent", "version", "shortDescription", "longDescription", "parameters", "actions"})
public record AgentMetadata(AgentName agent, String version, String shortDescription, String longDescription,
        List<AgentParameter> parameters, List<AgentAction> actions) {

    public AgentMetadata {
        parameters = List.copyOf(parameters);
        actions = List.copyOf(actions);
    }

    public Optional<AgentParameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The advised actions of that name: one per role for a promotable agent's monitor. */
    public List<AgentAction> actions(String name) {
        return actions.stream().filter(a -> a.name().equals(name)).toList();
    }
}
