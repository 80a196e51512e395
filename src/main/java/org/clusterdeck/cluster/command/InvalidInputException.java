package org.clusterdeck.cluster.command;

/**
 * A name or value given for an action that must not reach a cluster tool: it says which input,
 * the value as given (quoted, control characters made visible) and the rule it breaks.
 */
public final class InvalidInputException extends IllegalArgumentException {
    private final String what;
    private final String reason;

    public InvalidInputException(String what, String value, String reason) {
        super(what + " " + visible(value) + " is not allowed: " + reason);
        this.what = what;
        this.reason = reason;
    }

    public String what() {
        return what;
    }

    public String reason() {
        return reason;
    }

    /** A newline or escape sequence in an error message must not garble the admin's terminal. */
    static String visible(String value) {
        StringBuilder sb = new StringBuilder("'");
        value.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\x%02x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.append('\'').toString();
    }
}
