package org.clusterdeck.ui.drbd;

import java.time.Instant;

/** The resync speed of one peer volume at the time of one status. */
public record SpeedSample(Instant time, long kiBps) {
}
