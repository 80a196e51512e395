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

    /**
     * The admin stopped the run: before {@code step}, or while it waited for its verification (its
     * commands ran; a later run checks it again). Running the same plan again goes on from there.
     */
    record Stopped(String step) implements SetupOutcome {
    }

    /** The admin declined a destruction; nothing of that step ran. */
    record Declined(String step, Destruction destruction) implements SetupOutcome {
    }
}
