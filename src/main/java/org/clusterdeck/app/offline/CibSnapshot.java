package org.clusterdeck.app.offline;

import java.nio.file.Path;
import org.clusterdeck.cluster.cib.Cib;
import org.clusterdeck.cluster.status.ClusterStatus;

/** A CIB file read as the console shows a cluster: its configuration and the status crm_mon computes from it. */
public record CibSnapshot(Path file, Cib cib, ClusterStatus status) {
}
