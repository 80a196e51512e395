package org.clusterdeck.cluster.graph;

/**
 * How Pacemaker reads an order edge: {@code kind} Mandatory, Optional or Serialize;
 * {@code symmetrical} whether the reverse (stop/demote) ordering applies too; the actions with
 * Pacemaker's defaults applied (start; a plain order's then-action defaults to its first-action).
 */
public record OrderDetail(String kind, boolean symmetrical, String firstAction, String thenAction) {
}
