package org.clusterdeck.ui.drbd;

import java.util.List;

/**
 * The manual split-brain recovery of the DRBD User's Guide, written out for one resource: the
 * victim's changes since the split are discarded, so ClusterDeck never runs it; it explains it.
 */
final class SplitBrainRecovery {
    private SplitBrainRecovery() {
    }

    /**
     * @param resource  the resource name as drbdadm knows it; null when the source did not say
     *                  (/proc/drbd): the admin fills it in
     * @param victim    the node to discard changes on; null when it is the admin's decision
     * @param standAlone the nodes whose connection is StandAlone
     */
    static String steps(String resource, DrbdAlarm.Kind kind, List<String> nodes, String victim,
            List<String> standAlone) {
        String r = resource == null ? "<resource>" : resource;
        String v = victim == null ? "<victim>" : victim;
        List<String> others = nodes.stream().filter(n -> !n.equals(victim)).toList();
        String survivor = victim != null && others.size() == 1 ? others.get(0) : "<survivor>";
        StringBuilder s = new StringBuilder();
        if (kind == DrbdAlarm.Kind.STANDALONE) {
            s.append("StandAlone on ").append(String.join(" and ", standAlone)).append(": DRBD does not try to reach")
                    .append(" its peer. Either someone ran 'drbdadm disconnect ").append(r).append("', or DRBD found")
                    .append(" a split brain and dropped the connection. Look in the kernel log of ")
                    .append(String.join(" and ", standAlone)).append(" ('journalctl -k | grep -i split-brain').\n")
                    .append("If there is no split brain: run 'drbdadm connect ").append(r).append("' on ")
                    .append(String.join(" and ", standAlone)).append(" and watch the resync here.\n")
                    .append("If the log shows a split brain, recover as follows.\n\n");
        } else {
            s.append("DRBD found a split brain: both nodes changed the data of ").append(r)
                    .append(" while disconnected, and neither copy is complete. DRBD keeps both and waits.\n\n");
        }
        s.append("1. Choose the victim: the node whose changes since the split are thrown away. Keep the node")
                .append(" where the service ran and clients wrote (Pacemaker's Promoted instance);")
                .append(victim == null ? " nothing here tells which one that is, so decide before going on."
                        : " here that suggests " + survivor + " survives and " + v + " is the victim.")
                .append(" Copy off the victim whatever must not be lost.\n")
                .append("2. Keep Pacemaker from reacting while you work: crm_attribute --type crm_config")
                .append(" --name maintenance-mode --update true\n")
                .append("3. On ").append(v).append(" (the victim): stop what uses the device (unmount the filesystem), then\n")
                .append("     drbdadm disconnect ").append(r).append('\n')
                .append("     drbdadm secondary ").append(r).append('\n')
                .append("     drbdadm connect --discard-my-data ").append(r).append('\n')
                .append("4. On ").append(survivor).append(" (the survivor), if it is StandAlone too:\n")
                .append("     drbdadm disconnect ").append(r).append('\n')
                .append("     drbdadm connect ").append(r).append('\n')
                .append("5. The victim resyncs from the survivor (SyncTarget). Wait here until both disks are")
                .append(" UpToDate and the connection is Connected.\n")
                .append("6. Hand control back to Pacemaker: crm_attribute --type crm_config --name maintenance-mode")
                .append(" --delete, then 'crm_resource --cleanup' to clear the failures it recorded.\n\n")
                .append("ClusterDeck does not run these commands: discarding data is the admin's decision.");
        return s.toString();
    }
}
