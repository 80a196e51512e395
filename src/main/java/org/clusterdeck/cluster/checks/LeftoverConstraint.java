package org.clusterdeck.cluster.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clusterdeck.cluster.cib.Cib;
import org.clusterdeck.cluster.cib.LocationConstraint;
import org.clusterdeck.cluster.cib.Rule;
import org.clusterdeck.cluster.cib.RuleExpression;
import org.clusterdeck.cluster.command.CibAdmin;
import org.clusterdeck.cluster.command.CrmResource;
import org.clusterdeck.cluster.command.InvalidInputException;
import org.clusterdeck.cluster.events.Severity;
import org.clusterdeck.cluster.status.Ban;
import org.clusterdeck.transport.Command;

/**
 * A location constraint that tools add for a moment and that admins forget: the prefer/ban left
 * by a move or ban ({@code crm_resource}, {@code crm resource}, {@code pcs resource} all name them
 * {@code cli-prefer-*}/{@code cli-ban-*}), or DRBD's fencing constraint left after a resync that
 * never unfenced.
 *
 * @param resource the resource, {@code pattern P} for a resource pattern; null when unknown
 * @param node     the node it pins to or bans from, or "only N, M" for DRBD's rule; null when unknown
 * @param commands what removes it
 */
public record LeftoverConstraint(String id, Origin origin, String resource, String node, String score,
        List<SuggestedCommand> commands) {

    public LeftoverConstraint {
        commands = List.copyOf(commands);
    }

    /** Who leaves such constraints behind, by the id prefix they give them. */
    public enum Origin {
        MOVE("cli-prefer-", FindingKind.LEFTOVER_MOVE, "move (crm_resource --move, pcs resource move)",
                "Pins the resource to this node until cleared."),
        BAN("cli-ban-", FindingKind.LEFTOVER_BAN, "ban or move (crm_resource --ban/--move)",
                "Keeps the resource off this node until cleared."),
        DRBD_FENCE("drbd-fence-by-handler-", FindingKind.DRBD_FENCE_CONSTRAINT,
                "DRBD fence-peer handler (crm-fence-peer)",
                "Only the node with up-to-date data may be promoted. DRBD removes it after a resync; if the peer is"
                        + " UpToDate again and it is still here, promotion elsewhere stays blocked: remove it then,"
                        + " never before.");

        private final String prefix;
        private final FindingKind kind;
        private final String description;
        private final String advice;

        Origin(String prefix, FindingKind kind, String description, String advice) {
            this.prefix = prefix;
            this.kind = kind;
            this.description = description;
            this.advice = advice;
        }

        /** The start of the ids this tool gives its constraints. */
        public String prefix() {
            return prefix;
        }

        /** Which tool left it, in a few words. */
        public String description() {
            return description;
        }

        static Optional<Origin> of(String id) {
            for (Origin o : values()) {
                if (id != null && id.startsWith(o.prefix)) {
                    return Optional.of(o);
                }
            }
            return Optional.empty();
        }
    }

    /** What it does and how to remove it, as the overview's table shows it. */
    public String advice() {
        return origin.advice + (commands.isEmpty() ? "" : " " + String.join("; ",
                commands.stream().map(SuggestedCommand::command).toList()));
    }

    public Finding finding() {
        return new Finding(origin.kind, Severity.WARNING, id, "Leftover constraint " + id + " from "
                + origin.description + (resource == null ? "" : " on " + resource)
                + (node == null ? "" : " (" + node + ")") + ": " + origin.advice, commands, null);
    }

    /** Whether a constraint id is one a move or ban leaves (cli-prefer-/cli-ban-), whoever made it. */
    public static boolean isMoveOrBan(String id) {
        return Origin.of(id).filter(o -> o != Origin.DRBD_FENCE).isPresent();
    }

    /** The leftovers among a CIB's constraints, in its order. */
    public static List<LeftoverConstraint> of(Cib cib) {
        List<LeftoverConstraint> out = new ArrayList<>();
        cib.constraints().stream().filter(LocationConstraint.class::isInstance).map(LocationConstraint.class::cast)
                .forEach(c -> of(c).ifPresent(out::add));
        return out;
    }

    /** The constraint as a leftover, or empty when it is an ordinary one. */
    public static Optional<LeftoverConstraint> of(LocationConstraint loc) {
        return Origin.of(loc.id()).map(o -> new LeftoverConstraint(loc.id(), o, resourceOf(loc), nodeOf(loc),
                scoreOf(loc), removal(o, loc.id(), loc.rsc(), loc.node())));
    }

    /**
     * Without the CIB, crm_mon's list of bans (negative location scores) still shows the cli-ban
     * and DRBD fencing leftovers, and an older crm_resource's move, which bans every other node by
     * a rule (crm_mon then gives the rule's id); a plain cli-prefer is no ban and stays unseen.
     */
    public static List<LeftoverConstraint> of(List<Ban> bans) {
        List<LeftoverConstraint> out = new ArrayList<>();
        for (Ban b : bans) {
            if (out.stream().anyMatch(l -> l.id().equals(b.id()))) {
                // crm_mon lists a rule-based constraint once per node it keeps the resource from
                continue;
            }
            // only a ban's own node is the node it is about: a move's rule bans every node but its target
            Origin.of(b.id()).ifPresent(o -> out.add(new LeftoverConstraint(b.id(), o, b.resource(),
                    o == Origin.BAN ? b.node() : null, b.weight() == null ? null : score(b.weight()),
                    // crm_mon may name the rule rather than the constraint: DRBD's is removed by id from the CIB
                    o == Origin.DRBD_FENCE ? List.of() : removal(o, b.id(), b.resource(), o == Origin.BAN ? b.node() : null))));
        }
        return out;
    }

    private static String score(int weight) {
        return weight <= -1_000_000 ? "-INFINITY" : Integer.toString(weight);
    }

    /**
     * A move or ban is cleared as its tool clears it ({@code crm_resource --clear}, for that node
     * where known so that other moves stay); DRBD's constraint and anything on a resource pattern
     * is deleted by id.
     */
    private static List<SuggestedCommand> removal(Origin origin, String id, String rsc, String node) {
        try {
            Command c = origin != Origin.DRBD_FENCE && rsc != null ? CrmResource.clear(rsc, node)
                    : CibAdmin.deleteConstraint(id);
            return List.of(SuggestedCommand.anyNode(c));
        } catch (InvalidInputException e) {
            // a name no command of ours would take: better no suggestion than a wrong one
            return List.of();
        }
    }

    private static String resourceOf(LocationConstraint loc) {
        if (loc.rsc() != null) {
            return loc.rsc();
        }
        return loc.rscPattern() != null ? "pattern " + loc.rscPattern() : null;
    }

    /**
     * A move writes node= directly (older crm_resource a rule "#uname eq NODE"). DRBD's handler
     * writes a -INFINITY rule with one "#uname ne NODE" (or "drbd-site ne SITE") per node holding
     * good data: "only there".
     */
    private static String nodeOf(LocationConstraint loc) {
        if (loc.node() != null) {
            return loc.node();
        }
        List<String> parts = new ArrayList<>();
        boolean onlyNe = true;
        for (Rule rule : loc.rules()) {
            for (RuleExpression e : rule.expressions()) {
                String attr = e.attribute("attribute");
                String op = e.attribute("operation");
                onlyNe &= "ne".equals(op);
                parts.add(("#uname".equals(attr) ? "" : attr + " ")
                        + ("ne".equals(op) || "eq".equals(op) ? "" : op + " ") + e.attribute("value"));
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
        return loc.rules().stream().map(Rule::score).filter(s -> s != null).findFirst().orElse(null);
    }
}
