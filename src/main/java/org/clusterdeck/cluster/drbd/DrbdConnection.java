package org.clusterdeck.cluster.drbd;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The connection to one peer. {@code peer} is the connection name (the peer's host name on
 * DRBD 9; DRBD 8.4's tools print the placeholder {@code peer}; null in {@code /proc/drbd}).
 * {@code splitBrainDetected} is only known from an events2 stream, where DRBD calls its
 * split-brain helper; other formats can only show the StandAlone state that follows.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"peer", "connectionState", "peerRole", "peerDevices"})
public record DrbdConnection(
        String peer,
        String connectionState,
        String peerRole,
        List<DrbdPeerDevice> peerDevices,
        @JsonIgnore boolean splitBrainDetected) {

    public DrbdConnection {
        peerDevices = List.copyOf(peerDevices);
    }

    /**
     * StandAlone: DRBD does not try to reach the peer. Either an admin disconnected, or DRBD
     * dropped the connection itself, typically after detecting a split brain.
     */
    @JsonIgnore
    public boolean isStandAlone() {
        return "StandAlone".equals(connectionState);
    }

    @JsonIgnore
    public boolean isConnected() {
        return "Connected".equals(connectionState);
    }
}
