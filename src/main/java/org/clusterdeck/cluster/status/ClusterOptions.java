package org.clusterdeck.cluster.status;

/**
 * The cluster properties crm_mon shows in its summary; null where this crm_mon version does not
 * print one. These are the settings behind split brain (fencing off, quorum ignored), so the UI
 * warns about them.
 *
 * @param fencingEnabled {@code fencing-enabled} (Pacemaker 3.0.2+) or {@code stonith-enabled}
 */
public record ClusterOptions(
        Boolean fencingEnabled,
        Boolean symmetricCluster,
        String noQuorumPolicy,
        Boolean maintenanceMode,
        Boolean stopAllResources) {
}
