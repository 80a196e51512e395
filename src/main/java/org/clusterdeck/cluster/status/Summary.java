package org.clusterdeck.cluster.status;

/**
 * The header of crm_mon's report. Fields crm_mon did not print are null (older versions print
 * fewer; a cluster without a DC has no DC name, version or quorum).
 *
 * @param format             which XML flavour was read
 * @param formatVersion      {@code api-version} of {@code <pacemaker-result>}, or {@code version}
 *                           of legacy {@code <crm_mon>} (the Pacemaker version of crm_mon itself)
 * @param pacemakerVersion   the Pacemaker version the cluster runs, as its DC reports it
 * @param quorum             whether the partition has quorum; null when there is no DC
 */
public record Summary(
        OutputFormat format,
        String formatVersion,
        String stack,
        boolean dcPresent,
        String dcName,
        String dcId,
        String pacemakerVersion,
        Boolean quorum,
        String lastUpdated,
        String lastChange,
        String lastChangeUser,
        String lastChangeClient,
        String lastChangeOrigin,
        Integer nodesConfigured,
        Integer resourcesConfigured,
        Integer resourcesDisabled,
        Integer resourcesBlocked,
        ClusterOptions options) {

    public enum OutputFormat {
        /** {@code crm_mon --output-as=xml}, Pacemaker 2.0.3 and later. */
        PACEMAKER_RESULT,
        /** {@code crm_mon --as-xml}: Pacemaker 1.1, still accepted (hidden) later. */
        LEGACY
    }
}
