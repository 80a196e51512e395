package org.clusterdeck.app.action;

/**
 * An action the audit log shows confirmed and never ended: the console stopped (killed, crashed,
 * powered off) while applying it, so whether its commands reached the cluster, and whether a move's
 * temporary constraint is still there, is known only from the cluster itself.
 *
 * @param confirmedAt when it was confirmed, as the audit log writes times
 * @param node        the node it was applied through
 */
public record UnfinishedAction(String actionId, String confirmedAt, String node, String description) {
}
