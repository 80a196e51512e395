package org.clusterdeck.cluster.graph;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The resource dependency graph of a CIB configuration. Serializes (Jackson) to exactly the
 * {@code graph --format json} contract of design.md; {@link #warnings()} (ordering cycles,
 * contradictory constraints) is reported separately.
 */
@JsonPropertyOrder({"resources", "constraints", "edges"})
public record DependencyGraph(
        List<GraphResource> resources,
        List<GraphConstraint> constraints,
        List<GraphEdge> edges,
        @JsonIgnore List<String> warnings) {

    public DependencyGraph {
        resources = List.copyOf(resources);
        constraints = List.copyOf(constraints);
        edges = List.copyOf(edges);
        warnings = List.copyOf(warnings);
    }
}
