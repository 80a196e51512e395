package org.clusterdeck.cluster.cib;

import java.util.List;

/**
 * A block of name/value pairs: meta_attributes, instance_attributes, utilization,
 * cluster_property_set. Rules are kept as data; {@link #conditional()} tells whether the block
 * applies only when its rules hold. An {@code id-ref} block carries the referenced block's content.
 */
public record NvSet(String id, String idRef, String score, List<Rule> rules, List<NvPair> pairs) {
    public NvSet {
        rules = List.copyOf(rules);
        pairs = List.copyOf(pairs);
    }

    public boolean conditional() {
        return !rules.isEmpty();
    }

    /** The value of the first pair with the name in this block, or null. */
    public String value(String name) {
        for (NvPair p : pairs) {
            if (name.equals(p.name())) {
                return p.value();
            }
        }
        return null;
    }

    /**
     * The value Pacemaker would take without evaluating rules: blocks are tried by descending
     * score (document order among equals), the first block holding the name wins. Blocks with
     * rules are skipped because whether they apply depends on time and node.
     */
    public static String unconditionalValue(List<NvSet> sets, String name) {
        List<NvSet> ordered = sets.stream().filter(s -> !s.conditional())
                .sorted((a, b) -> Long.compare(scoreOf(b), scoreOf(a))).toList();
        for (NvSet s : ordered) {
            String v = s.value(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /**
     * The pairs of the first block without rules, by name: the block an edit changes (as pcs and
     * crmsh do, and {@code PrimitiveEdit}), so the one a form shows.
     */
    public static java.util.Map<String, String> editablePairs(List<NvSet> sets) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        sets.stream().filter(s -> !s.conditional()).findFirst()
                .ifPresent(s -> s.pairs().forEach(nv -> out.put(nv.name(), nv.value())));
        return out;
    }

    private static long scoreOf(NvSet s) {
        return Scores.parse(s.score());
    }
}
