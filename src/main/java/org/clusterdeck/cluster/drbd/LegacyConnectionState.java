package org.clusterdeck.cluster.drbd;

import java.util.Map;
import java.util.Set;

/**
 * DRBD 8.4's single connection state ({@code cs:} in /proc/drbd) split into DRBD 9's connection
 * and replication states the way drbd-utils 9 does it for 8.4 kernels (user/v84/drbdsetup.c,
 * drbd_conn_str9/drbd_repl_str9): the connection is 8.4's state up to WFReportParams, with
 * WFConnection called Connecting and WFReportParams called Connected; replication is Off below
 * Connected, Established for Connected, and the 8.4 word itself for the sync states above it.
 * TearDown only exists as a connection state in DRBD 9, so its replication is Off.
 */
record LegacyConnectionState(String connectionState, String replicationState) {

    private static final Map<String, String> NOT_CONNECTED = Map.of(
            "StandAlone", "StandAlone",
            "Disconnecting", "Disconnecting",
            "Unconnected", "Unconnected",
            "Timeout", "Timeout",
            "BrokenPipe", "BrokenPipe",
            "NetworkFailure", "NetworkFailure",
            "ProtocolError", "ProtocolError",
            "TearDown", "TearDown",
            "WFConnection", "Connecting",
            "WFReportParams", "Connected");

    private static final Set<String> CONNECTED_REPLICATION = Set.of(
            "StartingSyncS", "StartingSyncT", "WFBitMapS", "WFBitMapT", "WFSyncUUID",
            "SyncSource", "SyncTarget", "VerifyS", "VerifyT", "PausedSyncS", "PausedSyncT", "Ahead", "Behind");

    /** The split of an 8.4 state word; an unknown word is kept as the connection state. */
    static LegacyConnectionState of(String cs) {
        String connection = NOT_CONNECTED.get(cs);
        if (connection != null) {
            return new LegacyConnectionState(connection, "Off");
        }
        if (cs.equals("Connected")) {
            return new LegacyConnectionState("Connected", "Established");
        }
        if (CONNECTED_REPLICATION.contains(cs)) {
            return new LegacyConnectionState("Connected", cs);
        }
        return new LegacyConnectionState(cs, null);
    }
}
