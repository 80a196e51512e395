package org.clusterdeck.cluster.status;

/**
 * A multi-site ticket as crm_mon shows it.
 *
 * @param status {@code granted} or {@code revoked}
 */
public record Ticket(String id, String status, boolean standby, String lastGranted) {
}
