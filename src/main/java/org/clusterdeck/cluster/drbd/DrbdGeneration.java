package org.clusterdeck.cluster.drbd;

/**
 * Which DRBD a status came from, as far as the status tells: the admin commands differ (DRBD 9
 * names a connection {@code resource:peer}, 8.4 has one peer per resource).
 */
public enum DrbdGeneration {
    V8_4,
    V9,
    UNKNOWN;

    /** From a kernel module's version, as /proc/drbd or {@code modinfo} print it: 8.x is 8.4's line, anything later 9. */
    public static DrbdGeneration ofVersion(String version) {
        return version.startsWith("8.") ? V8_4 : V9;
    }

    /**
     * From the version /proc/drbd prints; else from the format (JSON is DRBD 9 only); else from
     * the connection names: drbd-utils call the 8.4 peer {@code peer}, its events2 dump of a
     * StandAlone 8.4 connection has no {@code conn-name:}, while DRBD 9 names every connection
     * after its peer. A status without connections in text form cannot tell.
     */
    public static DrbdGeneration of(DrbdStatus status) {
        if (status.drbdVersion() != null) {
            return ofVersion(status.drbdVersion());
        }
        if (status.format() == DrbdSourceFormat.STATUS_JSON) {
            return V9;
        }
        for (DrbdResource r : status.resources()) {
            for (DrbdConnection c : r.connections()) {
                if ("peer".equals(c.peer()) || c.peer() == null && status.format() == DrbdSourceFormat.EVENTS2) {
                    return V8_4;
                }
                if (c.peer() != null) {
                    return V9;
                }
            }
        }
        return UNKNOWN;
    }
}
