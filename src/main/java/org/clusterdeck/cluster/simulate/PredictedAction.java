package org.clusterdeck.cluster.simulate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One line of crm_simulate's transition summary ({@code <actions>}): what the cluster would do to
 * a resource or a node. Resource actions are {@code start}, {@code stop}, {@code move},
 * {@code promote}, {@code demote}, {@code recover}, {@code restart}, {@code migrate},
 * {@code reload} ...; node actions ({@code resource} null) are fencing and shutdown.
 *
 * @param node        where a start, stop or node action happens (crm_simulate's {@code node})
 * @param source      where a move, migration, promotion or demotion starts from
 * @param destination where a move or migration goes ({@code dest})
 * @param role        the role before, {@code nextRole} after (promote and demote), Pacemaker 2 words
 * @param blocked     the cluster wants it but cannot do it (e.g. a stop with no fencing)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"action", "resource", "node", "source", "destination", "role", "nextRole", "reason", "blocked"})
public record PredictedAction(String action, String resource, String node, String source, String destination,
        String role, String nextRole, String reason, boolean blocked) {

    /** Where the action leaves its effect: the destination of a move, else the node acted on. */
    public String where() {
        return destination != null ? destination : node != null ? node : source;
    }

    /** E.g. "move p_vip node1 -> node2", "promote p_drbd:1 on node2 (Unpromoted -> Promoted)", "Fence (reboot) node2". */
    public String describe() {
        StringBuilder sb = new StringBuilder(action).append(' ').append(resource == null ? node : resource);
        if (resource != null && source != null && destination != null) {
            sb.append(' ').append(source).append(" -> ").append(destination);
        } else if (resource != null && where() != null) {
            sb.append(" on ").append(where());
        }
        if (role != null && nextRole != null) {
            sb.append(" (").append(role).append(" -> ").append(nextRole).append(')');
        }
        if (reason != null) {
            sb.append(" due to ").append(reason);
        }
        return blocked ? sb.append(" [blocked]").toString() : sb.toString();
    }
}
