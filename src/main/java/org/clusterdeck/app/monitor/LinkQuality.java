package org.clusterdeck.app.monitor;

import java.time.Duration;

/**
 * How a node that answers slowly has answered over the last minute: a lossy or congested path makes
 * TCP resend, so over SSH loss shows as answers that come late, not as answers that never come.
 *
 * @param rounds    poll rounds the node answered in the window
 * @param late      of those, the ones that took longer than {@link #LATE}
 * @param slowest   the longest of the answered ones
 * @param silentFor how long the node has not answered at all now; zero while it answers
 */
public record LinkQuality(int rounds, int late, Duration slowest, Duration silentFor) {
    /** A live sshd on a sound network answers a keepalive within milliseconds; this is late. */
    public static final Duration LATE = Duration.ofSeconds(3);
    /** The window late answers are counted in, and how long a node answers promptly before it is well again. */
    public static final Duration WINDOW = Duration.ofSeconds(60);

    public String describe() {
        String window = late + " of " + rounds + " answers in the last " + WINDOW.toSeconds() + " s took over "
                + LATE.toSeconds() + " s, the slowest " + seconds(slowest);
        if (silentFor.isZero()) {
            return window;
        }
        return "no answer for " + seconds(silentFor) + (late == 0 ? "" : "; before that " + window);
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
