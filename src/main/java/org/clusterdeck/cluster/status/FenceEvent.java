package org.clusterdeck.cluster.status;

/**
 * One entry of crm_mon's fencing history.
 *
 * @param status    {@code success}, {@code failed} or {@code pending}
 * @param completed when it finished, as crm_mon prints it; null while pending
 */
public record FenceEvent(String target, String action, String status, String delegate, String client,
        String origin, String completed, String exitReason, String extendedStatus) {
}
