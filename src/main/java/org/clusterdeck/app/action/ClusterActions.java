package org.clusterdeck.app.action;

import java.time.Duration;
import java.util.List;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.nodes.NodeGroup;
import org.clusterdeck.cluster.command.ClusterAction;

/**
 * Actions on a cluster, the same for the window and the command line: the first node in order
 * that can be reached plans (previews) the action, and the same node applies it; a fence, the
 * first other than the node to fence.
 */
public final class ClusterActions {
    private final NodeGroup nodes;
    private final AuditLog audit;
    private final Duration settleTimeout;
    private final String dialect;

    /** @param dialect one of {@link org.clusterdeck.cluster.command.CommandDialect#NAMES} */
    public ClusterActions(NodeGroup nodes, AuditLog audit, Duration settleTimeout, String dialect) {
        this.nodes = nodes;
        this.audit = audit;
        this.settleTimeout = settleTimeout;
        this.dialect = dialect;
    }

    /**
     * A plan made on a node, the service that applies it there, and why the nodes before it in
     * order did not plan it (they could not be reached).
     */
    public record Planned(ActionService service, ActionPlan plan, List<String> warnings) {
        public Planned {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Previews the action on the first node that can be reached; any other failure (an unknown
     * name, a tool refusing the change) is the answer and is not tried elsewhere.
     */
    public Planned plan(ClusterAction action) throws Exception {
        NodeGroup.Answer<Planned> a = nodes.firstReachable(node -> {
            if (action instanceof ClusterAction.Fence f && nodes.nodes().size() > 1
                    && node.software().nodeName().equals(f.node())) {
                // it would cut the connection the fence and the wait for the cluster go over
                throw new NodeGroup.NotThisNode(f.node() + " is the node to fence: asked from another");
            }
            ActionService s = new ActionService(node, audit, settleTimeout, dialect);
            return new Planned(s, s.plan(action), List.of());
        });
        return new Planned(a.value().service(), a.value().plan(), a.warnings());
    }

    /**
     * Asks the first node that can be reached, as a plan would be made there: for what a form
     * needs from a node (its agents and their metadata).
     */
    public <T> T ask(NodeGroup.Query<T> query) throws Exception {
        return nodes.firstReachable(query).value();
    }

    public boolean isEmpty() {
        return nodes.nodes().isEmpty();
    }
}
