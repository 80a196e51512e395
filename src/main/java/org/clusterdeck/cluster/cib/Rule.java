package org.clusterdeck.cluster.cib;

import java.util.List;

/**
 * A {@code <rule>} as written (not evaluated). {@code role} is in Pacemaker 2 words. When written as
 * {@code <rule id-ref=…/>} the referenced rule's content is filled in and {@code idRef} says so.
 */
public record Rule(
        String id,
        String idRef,
        String score,
        String scoreAttribute,
        String booleanOp,
        String role,
        List<RuleExpression> expressions,
        List<Rule> rules) {
    public Rule {
        expressions = List.copyOf(expressions);
        rules = List.copyOf(rules);
    }
}
