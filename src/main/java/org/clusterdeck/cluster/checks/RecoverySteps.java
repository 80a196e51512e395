package org.clusterdeck.cluster.checks;

import java.util.List;

/** A recovery an admin carries out by hand: the explanation with every step, and its commands in order. */
record RecoverySteps(String text, List<SuggestedCommand> commands) {
    /** /proc/drbd knows minors only, so the admin fills in the resource name. */
    static final String UNNAMED = "/proc/drbd names no resource: 'drbdadm status' on the node shows it; put its name"
            + " for <resource> below.\n";

    RecoverySteps {
        commands = List.copyOf(commands);
    }
}
