package org.clusterdeck.lab;

/**
 * How high DRBD 8.4's /proc/drbd can show the current resync speed when the resync rate is fixed
 * ({@code resync-rate R; c-plan-ahead 0;}, as in the DRBD lab), worked out from DRBD's own
 * counters rather than a guessed margin.
 *
 * <p>With the dynamic controller off, the SyncTarget asks for R/10 every 100 ms tick
 * (drbd_rs_number_requests: SLEEP_TIME * resync_rate / (4 KiB * HZ) blocks), so over a stretch of
 * w seconds at most R * (w + 0.1) is asked for. But /proc/drbd (drbd_syncer_progress) divides the
 * blocks done since a sync mark by whole seconds, {@code dt = (jiffies - mark) / HZ}, cut down:
 * 2.9 s count as 2. The mark is the sync's start until the marks (eight, one per 3 s or more)
 * have gone round, later one at least 18 s old, when blocks asked for before it can still be
 * arriving (at most max-buffers/2 pages in flight). So the speed shown is at most
 * {@code (R * (dt + 1.1) + inFlight) / dt}: up to 2.1 R in the first second, about 1.1 R after
 * 10 s, 1.06 R plus the blocks in flight over 18 s once the marks have gone round (1.12 R at the
 * lab's 4M). DRBD 9 measures in milliseconds and stays under R (the corpus' d1, d2 and e0b
 * streams: at most 0.99 R).
 *
 * <p>dt is not printed, but the average in parentheses is done / whole seconds since the start
 * (pauses left out), which gives the seconds run, and dt is at least that or 18.
 */
final class ResyncSpeedBound {
    /** (DRBD_SYNC_MARKS - 2) * DRBD_SYNC_MARK_STEP: the least age of the mark once they went round. */
    static final int MARK_WINDOW_SECONDS = 18;
    /** max-buffers/2 pages of 4 KiB, with DRBD 8.4's default max-buffers 2048 (the lab sets none). */
    static final long MAX_IN_FLIGHT_KIB = 2048 / 2 * 4;

    private ResyncSpeedBound() {
    }

    /**
     * Whole seconds the resync has run at least, from one /proc/drbd reading: its average speed
     * is 4 KiB * floor(blocks done / seconds), so seconds > blocks done / (average / 4 KiB + 1).
     */
    static long secondsRun(long totalKiB, long leftKiB, long averageKiBps) {
        long doneBlocks = (totalKiB - leftKiB) / 4;
        return doneBlocks / (averageKiBps / 4 + 1) + 1;
    }

    /**
     * The highest current speed (KiB/s) /proc/drbd can show at rate R in this reading or any later
     * one of the same resync: with the window from the start, or (later) of 18 s with blocks in flight.
     */
    static double maxKiBps(long rateKiBps, long totalKiB, long leftKiB, long averageKiBps) {
        long window = Math.min(secondsRun(totalKiB, leftKiB, averageKiBps), MARK_WINDOW_SECONDS);
        double fromTheStart = rateKiBps * (window + 1.1) / window;
        double rolling = (rateKiBps * (MARK_WINDOW_SECONDS + 1.1) + MAX_IN_FLIGHT_KIB) / MARK_WINDOW_SECONDS;
        return Math.max(fromTheStart, rolling);
    }
}
