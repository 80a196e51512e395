package org.clusterdeck.cluster.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A constraint as the graph lists it. {@code kind} is order, colocation, location or ticket;
 * {@code resources} are all resources it names, tags expanded, in document order without repeats.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"id", "kind", "resources", "score"})
public record GraphConstraint(String id, String kind, List<String> resources, String score) {
    public GraphConstraint {
        resources = List.copyOf(resources);
    }
}
