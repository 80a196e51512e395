package org.clusterdeck.app.setup;

import org.clusterdeck.cluster.setup.Destruction;

/** How a run of the {@link SetupRunner} ended. */
public sealed interface SetupOutcome {
    /** Every step is done, now or before. */
    record Finished(int done, int skipped) implements SetupOutcome {
    }

    /** A command failed; the steps before it are done, this one is half done. */
    record Failed(SetupFailure failure) implements SetupOutcome {
    }

    /** The admin declined a destruction; nothing of that step ran. */
    record Declined(String step, Destruction destruction) implements SetupOutcome {
    }
}
