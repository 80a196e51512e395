package org.clusterdeck.ui.overview;

import java.util.List;
import java.util.Optional;
import org.clusterdeck.cluster.cib.Constraint;
import org.clusterdeck.cluster.cib.LocationConstraint;

/**
 * A location constraint that tools add for a moment and that admins forget: the prefer/ban left by
 * a move, or DRBD's fencing constraint left after a resync that never unfenced.
 */
public record LeftoverConstraint(String id, String origin, String resource, String node, String score,
        String advice) {

    private record Prefix(String prefix, String origin, String advice) {
    }

    private static final List<Prefix> PREFIXES = List.of(
            new Prefix("cli-prefer-", "move (crm_resource --move, pcs resource move)",
                    "Pins the resource to this node until cleared: crm_resource --clear -r RESOURCE."),
            new Prefix("cli-ban-", "ban or move (crm_resource --ban/--move)",
                    "Keeps the resource off this node until cleared: crm_resource --clear -r RESOURCE."),
            new Prefix("drbd-fence-by-handler-", "DRBD fence-peer handler (crm-fence-peer)",
                    "Only the node with up-to-date data may be promoted. DRBD removes it after a resync; "
                            + "if the peer is UpToDate again and it is still here, promotion elsewhere stays blocked."));

    /** The constraint as a leftover, or empty when it is an ordinary one. */
    public static Optional<LeftoverConstraint> of(Constraint c) {
        if (!(c instanceof LocationConstraint loc)) {
            return Optional.empty();
        }
        for (Prefix p : PREFIXES) {
            if (loc.id().startsWith(p.prefix())) {
                return Optional.of(new LeftoverConstraint(loc.id(), p.origin(), resourceOf(loc), nodeOf(loc),
                        scoreOf(loc), p.advice()));
            }
        }
        return Optional.empty();
    }

    private static String resourceOf(LocationConstraint loc) {
        if (loc.rsc() != null) {
            return loc.rsc();
        }
        return loc.rscPattern() != null ? "pattern " + loc.rscPattern() : null;
    }

    /**
     * A move writes node= directly (older crm_resource a rule "#uname eq NODE"). DRBD's handler writes a -INFINITY rule with one
     * "#uname ne NODE" (or "drbd-site ne SITE") per node holding good data: "only there".
     */
    private static String nodeOf(LocationConstraint loc) {
        if (loc.node() != null) {
            return loc.node();
        }
        List<String> parts = new java.util.ArrayList<>();
        boolean onlyNe = true;
        for (var rule : loc.rules()) {
            for (var e : rule.expressions()) {
                String attr = e.attribute("attribute");
                String op = e.attribute("operation");
                onlyNe &= "ne".equals(op);
                parts.add(("#uname".equals(attr) ? "" : attr + " ") + ("ne".equals(op) || "eq".equals(op) ? "" : op + " ")
                        + e.attribute("value"));
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        boolean banned = loc.rules().stream().allMatch(r -> "-INFINITY".equals(r.score()));
        return (onlyNe && banned ? "only " : "") + String.join(", ", parts);
    }

    private static String scoreOf(LocationConstraint loc) {
        if (loc.score() != null) {
            return loc.score();
        }
        return loc.rules().stream().map(r -> r.score()).filter(s -> s != null).findFirst().orElse(null);
    }
}
