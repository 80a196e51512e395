package org.clusterdeck.cluster.agents;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One parameter of an agent as its metadata describes it.
 *
 * @param type         the metadata's content type word as printed (string, integer, boolean, select, ...)
 * @param options      a select's allowed values; empty otherwise
 * @param defaultValue the agent's default, null when it names none ("" is a default too)
 * @param uniqueGroup  OCF 1.1's unique-group: parameters whose values together must differ between resources
 * @param deprecated   the metadata marks it deprecated or obsolete
 * @param replacedBy   the parameter to use instead, where the metadata names one
 * @param advanced     the metadata marks it for experts (Pacemaker's advanced="1")
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"name", "type", "required", "unique", "uniqueGroup", "reloadable", "defaultValue", "options",
        "shortDescription", "longDescription", "deprecated", "replacedBy", "advanced"})
public record AgentParameter(String name, String type, List<String> options, boolean required, boolean unique,
        String uniqueGroup, boolean reloadable, String defaultValue, String shortDescription, String longDescription,
        boolean deprecated, String replacedBy, boolean advanced) {

    public AgentParameter {
        options = List.copyOf(options);
    }

    public ParameterType kind() {
        return ParameterType.of(type);
    }

    /**
     * Why the value does not fit the parameter's type, or null when it does. Agents' types are
     * advice Pacemaker does not check, and some contradict their own defaults (ocf:pacemaker:ping's
     * integer dampen defaults to 5s): where the default does not fit the type, the type is not
     * trusted and any text fits.
     */
    public String problem(String value) {
        boolean typeContradictsDefault = defaultValue != null && !defaultValue.isEmpty()
                && kind().problem(defaultValue, options) != null;
        return (typeContradictsDefault ? ParameterType.STRING : kind()).problem(value, options);
    }
}
