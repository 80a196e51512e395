package org.clusterdeck.app.action;

import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.cluster.cib.Cib;
import org.clusterdeck.cluster.command.ClusterAction;
import org.clusterdeck.cluster.command.InvalidInputException;
import org.clusterdeck.cluster.command.NewConstraint;
import org.clusterdeck.cluster.status.ClusterNode;
import org.clusterdeck.cluster.status.ClusterStatus;

/**
 * What an action names, checked against the cluster before anything is planned: resources,
 * nodes and constraints must exist (a new constraint's id must not), and a demote without a node
 * is resolved to the node where the resource is promoted.
 */
final class ActionTargets {
    private ActionTargets() {
    }

    /** A demote without a node means the node where the resource is promoted now. */
    static ClusterAction resolve(ClusterAction action, ClusterStatus status) {
        if (!(action instanceof ClusterAction.Demote d) || d.node() != null) {
            return action;
        }
        List<String> promoted = status.resources().stream()
                .filter(r -> "Promoted".equals(r.role()) && (d.resource().equals(r.parent())
                        || d.resource().equals(r.id().replaceFirst(":\\d+$", ""))))
                .flatMap(r -> r.nodes().stream()).distinct().toList();
        if (promoted.size() != 1) {
            throw new InvalidInputException("resource", d.resource(), promoted.isEmpty()
                    ? "it is promoted nowhere (is it a promotable clone?)"
                    : "it is promoted on " + String.join(", ", promoted) + ": name the node to demote it on");
        }
        return new ClusterAction.Demote(d.resource(), promoted.get(0), d.keepConstraint());
    }

    static void requireKnown(ClusterAction action, Cib cib, ClusterStatus status) {
        List<String> resources = new ArrayList<>();
        if (action instanceof ClusterAction.OnResource r) {
            resources.add(r.resource());
        }
        if (action instanceof ClusterAction.AddConstraint a) {
            resources.addAll(a.constraint().resources());
            if (cib.constraint(a.constraint().id()).isPresent() || cib.resource(a.constraint().id()).isPresent()) {
                throw new InvalidInputException("constraint id", a.constraint().id(), "the CIB already has this id");
            }
            if (a.constraint() instanceof NewConstraint.Location l) {
                requireNode(l.node(), status);
            }
        }
        if (action instanceof ClusterAction.RemoveConstraint r && cib.constraint(r.id()).isEmpty()) {
            throw new InvalidInputException("constraint id", r.id(), "the cluster has no constraint with this id");
        }
        for (String id : resources) {
            if (cib.resource(id).isEmpty()) {
                throw new InvalidInputException("resource", id, "the cluster has no resource with this id");
            }
        }
        if (action instanceof ClusterAction.OnNode n) {
            requireNode(n.node(), status);
        }
    }

    private static void requireNode(String nodeName, ClusterStatus status) {
        if (nodeName != null && status.nodes().stream().map(ClusterNode::name).noneMatch(nodeName::equals)) {
            throw new InvalidInputException("node", nodeName, "the cluster has no node of this name ("
                    + String.join(", ", status.nodes().stream().map(ClusterNode::name).toList()) + ")");
        }
    }
}
