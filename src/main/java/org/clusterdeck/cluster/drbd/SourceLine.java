package org.clusterdeck.cluster.drbd;

import java.util.LinkedHashMap;
import java.util.Map;
import org.clusterdeck.cluster.FormatException;

/**
 * One line of a line-oriented DRBD format, with what it takes to read {@code key:value} tokens
 * and to report a problem naming the source, line number and line.
 */
record SourceLine(String source, int number, String text) {

    private static final int QUOTE_LIMIT = 120;

    FormatException error(String problem) {
        return new FormatException(source, "line " + number + ": " + problem + ": " + quote(text));
    }

    /** {@code key:value} tokens from index {@code from} on; values may contain colons (addresses). */
    Map<String, String> fields(String[] tokens, int from) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = from; i < tokens.length; i++) {
            int colon = tokens[i].indexOf(':');
            if (colon <= 0) {
                throw error("expected key:value, found '" + tokens[i] + "'");
            }
            fields.put(tokens[i].substring(0, colon), tokens[i].substring(colon + 1));
        }
        return fields;
    }

    Integer integer(Map<String, String> fields, String key) {
        Long value = longValue(fields, key);
        if (value != null && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
            throw error(key + ":" + value + " is out of range");
        }
        return value == null ? null : value.intValue();
    }

    Long longValue(Map<String, String> fields, String key) {
        String value = fields.get(key);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw error(key + ":" + value + " is not a whole number");
        }
    }

    /** A decimal; {@code nan} (printed by drbdsetup when it cannot estimate) reads as unknown. */
    Double decimal(Map<String, String> fields, String key) {
        String value = fields.get(key);
        try {
            return decimal(value);
        } catch (NumberFormatException e) {
            throw error(key + ":" + value + " is not a number");
        }
    }

    /** Null for null and C's nan/inf; NumberFormatException for anything else not a number. */
    static Double decimal(String value) {
        if (value == null || value.matches("(?i)[-+]?(nan|inf|infinity)")) {
            return null;
        }
        double d = Double.parseDouble(value);
        return Double.isNaN(d) || Double.isInfinite(d) ? null : d;
    }

    /** A line shortened and with control characters made visible, safe to put in a message. */
    static String quote(String text) {
        StringBuilder b = new StringBuilder("'");
        int end = Math.min(text.length(), QUOTE_LIMIT);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || c == '\uFFFD') {
                b.append(String.format("\\x%02x", (int) c & 0xff));
            } else {
                b.append(c);
            }
        }
        b.append('\'');
        if (text.length() > QUOTE_LIMIT) {
            b.append(" (").append(text.length() - QUOTE_LIMIT).append(" more characters)");
        }
        return b.toString();
    }
}
