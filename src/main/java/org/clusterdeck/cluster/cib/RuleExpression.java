package org.clusterdeck.cluster.cib;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule condition kept as data (rules are evaluated against a live cluster at a moment in time,
 * which a configuration viewer cannot do). {@code type} is the element name: expression,
 * date_expression, rsc_expression, op_expression, or whatever future schemas add; {@code children}
 * holds nested date_spec/duration elements.
 */
public record RuleExpression(String type, Map<String, String> attributes, List<RuleExpression> children) {
    public RuleExpression {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        children = List.copyOf(children);
    }

    public String attribute(String name) {
        return attributes.get(name);
    }
}
