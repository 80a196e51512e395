package org.clusterdeck.cluster.command;

import java.util.List;

/**
 * A Pacemaker tool could not reach the cluster on its node (exit code 102, {@code CRM_EX_DISCONNECT}):
 * the cluster stack is stopped there or still starting. The node itself answered, so another node
 * of the cluster may well serve, which is why it has a type of its own (pcs treats the node as
 * offline the same way).
 */
public final class ClusterNotConnectedException extends ClusterCommandException {
    ClusterNotConnectedException(String node, String command, List<String> messages) {
        super(node, command, PacemakerExitCode.DISCONNECT.code(), messages);
    }
}
