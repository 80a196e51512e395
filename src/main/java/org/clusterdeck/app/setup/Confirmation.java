package org.clusterdeck.app.setup;

import org.clusterdeck.cluster.setup.Destruction;

/** Asks the admin before a command that overwrites a disk; the answer is final for this run. */
@FunctionalInterface
public interface Confirmation {
    /** Whether the admin accepts {@link Destruction#confirmation()}; false stops the run before the step. */
    boolean confirm(String step, Destruction destruction);
}
