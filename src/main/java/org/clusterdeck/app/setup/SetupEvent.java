package org.clusterdeck.app.setup;

import java.util.Locale;
import org.clusterdeck.cluster.setup.FailoverProof;

/** What the {@link SetupRunner} reports while it carries out a plan, in the order it happens. */
public sealed interface SetupEvent {
    /** A short name of the event, its record's name in words: {@code StepStarted} is {@code step-started}. */
    default String kind() {
        return getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** Why a command ran: the step's check, reading a copied file at its source, the change itself, or its verification. */
    enum Phase { CHECK, READ, CHANGE, VERIFY }

    record StepStarted(String step) implements SetupEvent {
    }

    /** Every check command exited 0 on every node: the step was done before (by an earlier, interrupted run). */
    record StepSkipped(String step) implements SetupEvent {
    }

    /** One command ended; its output is not here (a read at the source of a copied file prints a secret). */
    record CommandRan(String step, String node, Phase phase, String command, int exitCode, long millis)
            implements SetupEvent {
    }

    record StepDone(String step) implements SetupEvent {
    }

    /**
     * While a step waits for DRBD's initial sync: how far it is, as the node reports it between two
     * tries of the verification. Speed and time left are null where DRBD gives none yet.
     */
    record SyncProgress(String step, String node, String resource, String replication, Double donePercent,
            Long speedKiBps, Long etaSeconds) implements SetupEvent {
    }

    /**
     * The verification's result: the service moved from {@code activeBefore} to {@code activeAfter}.
     * With a DHCP probe in the spec, {@code firstLease} came before the failover, {@code secondLease}
     * after it, {@code downtimeMillis} after the standby request; without one, those are null.
     */
    record Verified(String activeBefore, String activeAfter, FailoverProof.Lease firstLease,
            FailoverProof.Lease secondLease, Long downtimeMillis) implements SetupEvent {
    }

    /** The admin said no to this sentence: nothing of the step ran, and the run stopped. */
    record Declined(String step, String confirmation) implements SetupEvent {
    }

    /** The admin stopped the run at this step (see {@link SetupOutcome.Stopped}). */
    record Stopped(String step) implements SetupEvent {
    }

    record Failed(SetupFailure failure) implements SetupEvent {
    }

    /** Every step is done or was done before. */
    record Finished(int done, int skipped) implements SetupEvent {
    }
}
