package org.clusterdeck.cluster.cib;

/**
 * Pacemaker scores: integers clamped to ±1000000, with INFINITY spellings. An absent score is 0.
 * A value that is not a number (e.g. the node-health words red/yellow/green) cannot be judged
 * statically; {@link #parse} returns 0 for it and {@link #isKnown} says so.
 */
public final class Scores {
    public static final long INFINITY = 1_000_000L;

    private Scores() {
    }

    public static long parse(String score) {
        if (score == null) {
            return 0;
        }
        String s = score.trim();
        switch (s.toUpperCase()) {
            case "INFINITY", "+INFINITY" -> {
                return INFINITY;
            }
            case "-INFINITY" -> {
                return -INFINITY;
            }
            default -> {
                try {
                    long v = Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
                    return Math.max(-INFINITY, Math.min(INFINITY, v));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
    }

    public static boolean isKnown(String score) {
        if (score == null) {
            return true;
        }
        String s = score.trim().toUpperCase();
        return s.matches("[+-]?(INFINITY|\\d+)");
    }
}
