package org.clusterdeck.cluster.agents;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.clusterdeck.cluster.PacemakerBoolean;

/**
 * What kind of value a parameter takes, from its metadata's {@code <content type>}, and whether a
 * value is one: what a form checks before a plan is made. OCF agents use string, integer, boolean
 * and select; fence agents also second; Pacemaker's own options time, duration, timeout,
 * percentage, port, score, nonnegative_integer and epoch_time. A type no rule knows takes any
 * text, as Pacemaker itself does not check agents' parameters.
 */
public enum ParameterType {
    STRING, INTEGER, NONNEGATIVE_INTEGER, BOOLEAN, TIME, PERCENTAGE, PORT, SCORE, SELECT;

    private static final Pattern INTEGER_TEXT = Pattern.compile("[+-]?\\d{1,18}");
    // Pacemaker's interval specification: a number with an optional unit (seconds without one), or ISO 8601
    private static final Pattern TIME_TEXT = Pattern.compile(
            "\\s*\\d{1,12}\\s*(ms|msec|us|usec|s|sec|m|min|h|hr)?\\s*|P(?=\\d|T\\d)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?"
                    + "(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?");

    /** The type of a metadata {@code type} word; STRING for null and for words no rule knows. */
    public static ParameterType of(String word) {
        if (word == null) {
            return STRING;
        }
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "integer", "int" -> INTEGER;
            case "nonnegative_integer", "epoch_time" -> NONNEGATIVE_INTEGER;
            case "boolean" -> BOOLEAN;
            case "time", "timeout", "duration", "second", "seconds", "interval" -> TIME;
            case "percentage" -> PERCENTAGE;
            case "port" -> PORT;
            case "score" -> SCORE;
            case "select" -> SELECT;
            default -> STRING;
        };
    }

    /**
     * Why the value does not fit this type, or null when it does; {@code options} are a select's
     * values (a select without any takes any text).
     */
    public String problem(String value, List<String> options) {
        if (value == null || value.isEmpty()) {
            return "it is empty";
        }
        return switch (this) {
            case STRING -> null;
            case INTEGER -> INTEGER_TEXT.matcher(value).matches() ? null : "expected a whole number, e.g. 3";
            case NONNEGATIVE_INTEGER -> value.matches("\\d{1,18}") ? null : "expected a whole number of 0 or more";
            case BOOLEAN -> PacemakerBoolean.parse(value) != null ? null : "expected true or false (also yes/no, on/off, 1/0)";
            case TIME -> TIME_TEXT.matcher(value).matches() ? null
                    : "expected a time such as 30s, 90, 5min, 2h or 500ms (a number alone is seconds)";
            case PERCENTAGE -> value.matches("\\d{1,3}%?") && Integer.parseInt(value.replace("%", "")) <= 100 ? null
                    : "expected a percentage from 0 to 100, e.g. 80%";
            case PORT -> value.matches("\\d{1,5}") && Integer.parseInt(value) <= 65535 ? null
                    : "expected a port number from 0 to 65535";
            case SCORE -> INTEGER_TEXT.matcher(value).matches() || value.matches("[+-]?(INFINITY|infinity)") ? null
                    : "expected a score: a whole number, INFINITY or -INFINITY";
            case SELECT -> options.isEmpty() || options.contains(value) ? null
                    : "expected one of " + String.join(", ", options);
        };
    }
}
