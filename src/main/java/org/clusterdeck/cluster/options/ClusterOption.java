package org.clusterdeck.cluster.options;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One cluster property as the node's Pacemaker describes it.
 *
 * @param daemon       the daemon whose metadata lists it, e.g. pacemaker-schedulerd
 * @param type         the metadata's content type: boolean, time, select, integer, ...
 * @param defaultValue null when the metadata gives none
 * @param values       the allowed values of a {@code select}; empty otherwise
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"name", "daemon", "summary", "description", "type", "defaultValue", "values"})
public record ClusterOption(String name, String daemon, String summary, String description, String type,
        String defaultValue, List<String> values) {

    public ClusterOption {
        values = List.copyOf(values);
    }

    /** One paragraph for a plan: what it does and its default. */
    public String explain() {
        String text = description != null && !description.isBlank() ? description : summary;
        return name + ": " + (text == null ? "(no description)" : text.strip().replaceAll("\\s+", " "))
                + (defaultValue == null || defaultValue.isEmpty() ? "" : " (default: " + defaultValue + ")");
    }
}
