package org.clusterdeck.cluster.setup.preflight;

/**
 * Whether a node's clock follows a time source. Cluster logs, fencing history and DRBD's
 * timestamps are compared across nodes; a drifting clock makes them lie.
 *
 * @param source the tool that answered ({@code timedatectl}, {@code chronyc}); null when none did
 * @param detail why the state is unknown, or the tool's own words; null when there is nothing to add
 */
public record TimeSync(State state, String source, String detail) {
    public enum State { SYNCHRONISED, NOT_SYNCHRONISED, UNKNOWN }

    public static TimeSync unknown(String why) {
        return new TimeSync(State.UNKNOWN, null, why);
    }
}
