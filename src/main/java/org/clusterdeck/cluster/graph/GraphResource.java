package org.clusterdeck.cluster.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A node of the dependency graph. {@code kind} is one of primitive, group, clone, promotable,
 * bundle; {@code agent} is {@code class:provider:type} for primitives (null otherwise);
 * {@code parent} is the id of the enclosing group, clone or bundle (null at top level).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"id", "kind", "agent", "parent"})
public record GraphResource(String id, String kind, String agent, String parent) {
}
