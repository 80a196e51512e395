package org.clusterdeck.app.action;

import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.cluster.command.ClusterAction;
import org.clusterdeck.cluster.command.ClusterCommandException;
import org.clusterdeck.cluster.command.ClusterNotConnectedException;
import org.clusterdeck.transport.TransportException;

/**
 * The plan of the first node, in the order given, that could make one; any node of a cluster can
 * plan and apply. A node that does not answer, or answers without a running cluster stack (stopped
 * for maintenance, say), is passed over; what else goes wrong (a name the cluster does not have, a
 * tool that fails) would go wrong on every node, so it is thrown.
 *
 * @param passedOver why each node before it was passed over, in order
 */
public record FirstPlan(ActionService service, ActionPlan plan, List<Exception> passedOver) {
    public FirstPlan {
        passedOver = List.copyOf(passedOver);
    }

    /** @throws IllegalStateException when no node could plan: none given, or each was passed over */
    public static FirstPlan of(List<ActionService> nodes, ClusterAction action) throws ClusterCommandException {
        List<Exception> passedOver = new ArrayList<>();
        for (ActionService node : nodes) {
            try {
                return new FirstPlan(node, node.plan(action), passedOver);
            } catch (TransportException | ClusterNotConnectedException e) {
                passedOver.add(e);
            }
        }
        throw new IllegalStateException(nodes.isEmpty() ? "not connected to the cluster"
                : "no node of the cluster could plan it: " + String.join("; ",
                        passedOver.stream().map(Exception::getMessage).toList()));
    }
}
