package org.clusterdeck.cluster.setup.preflight;

import java.util.List;

/**
 * What of a cluster already exists on a node.
 *
 * @param configFiles   the cluster configuration files that exist (corosync.conf, the CIB)
 * @param corosyncConf  corosync.conf as read; null when it does not exist
 * @param drbdResource  the text of the spec's DRBD resource file; null when it does not exist
 */
public record ClusterPresence(boolean corosyncRunning, boolean pacemakerRunning, List<String> configFiles,
        CorosyncConf corosyncConf, String drbdResource) {
    public static final String COROSYNC_CONF = "/etc/corosync/corosync.conf";
    public static final String CIB = "/var/lib/pacemaker/cib/cib.xml";

    public ClusterPresence {
        configFiles = List.copyOf(configFiles);
    }

    /** Nothing at all: no process, no file. */
    public boolean bare() {
        return !corosyncRunning && !pacemakerRunning && configFiles.isEmpty();
    }

    /**
     * Only the corosync package's own single-node configuration, running or not, and what
     * Pacemaker made of it: the packages were installed, nobody built a cluster.
     */
    public boolean packageDefaultOnly() {
        return corosyncConf != null && corosyncConf.packageDefault();
    }

    /** The evidence, in an admin's words, e.g. "corosync runs", "/etc/corosync/corosync.conf exists". */
    public List<String> evidence() {
        java.util.List<String> e = new java.util.ArrayList<>();
        if (corosyncRunning) {
            e.add("corosync runs");
        }
        if (pacemakerRunning) {
            e.add("pacemaker runs");
        }
        for (String f : configFiles) {
            if (f.equals(COROSYNC_CONF) && corosyncConf != null) {
                e.add(f + " exists (cluster " + corosyncConf.clusterName() + ", nodes at "
                        + String.join(", ", corosyncConf.nodeAddresses()) + ")");
            } else {
                e.add(f + " exists");
            }
        }
        return List.copyOf(e);
    }
}
