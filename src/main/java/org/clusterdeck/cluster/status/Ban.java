package org.clusterdeck.cluster.status;

/**
 * A location constraint keeping a resource away from a node (negative score), as crm_mon lists
 * it. Left-over {@code cli-ban-*} constraints from a move are the usual surprise.
 *
 * @param promotedOnly {@code promoted-only} (legacy {@code master_only})
 */
public record Ban(String id, String resource, String node, Integer weight, boolean promotedOnly) {
}
