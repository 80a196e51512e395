package org.clusterdeck.cluster.command;

import java.util.regex.Pattern;

/**
 * Checks every name and value an admin gives an action before it reaches a command line.
 * Argument lists already keep the shell out; these rules keep the tools from reading a name as
 * an option and the CIB from getting an id Pacemaker's schema would reject.
 */
public final class ActionInput {
    /** Pacemaker stores values as XML attributes; longer ones are mistakes, not settings. */
    static final int MAX_VALUE_LENGTH = 1024;

    // Host names (RFC 1123 labels) and the dotted/underscored names clusters use for nodes.
    private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,252}");
    // ISO 8601 durations as crm_resource --lifetime takes them: PT10M, P1D, P1DT12H ...
    private static final Pattern DURATION = Pattern.compile(
            "P(?=\\d|T\\d)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?");

    private ActionInput() {
    }

    /**
     * An id of a resource, constraint or property: an XML NCName, which is what the CIB schema
     * declares ids as (a letter or underscore first, then letters, digits, '-', '_', '.'; no colon).
     *
     * @param what e.g. "resource id", named in the error
     */
    public static String id(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException(what, "", "it is empty");
        }
        int first = value.codePointAt(0);
        if (!isNameStart(first)) {
            throw new InvalidInputException(what, value, "an id must start with a letter or '_' (XML NCName), not '"
                    + describe(first) + "'");
        }
        for (int i = Character.charCount(first); i < value.length(); ) {
            int c = value.codePointAt(i);
            if (!isNameStart(c) && !isNameRest(c)) {
                throw new InvalidInputException(what, value, "'" + describe(c)
                        + "' cannot appear in an id (XML NCName: letters, digits, '-', '_', '.')");
            }
            i += Character.charCount(c);
        }
        return value;
    }

    /** A node name as Pacemaker knows it (uname): host-name characters, not starting with '-' or '.'. */
    public static String nodeName(String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException("node name", "", "it is empty");
        }
        if (!NODE_NAME.matcher(value).matches()) {
            throw new InvalidInputException("node name", value, value.length() > 253
                    ? "longer than 253 characters"
                    : "node names are letters, digits, '.', '-' and '_', starting with a letter, digit or '_'");
        }
        return value;
    }

    /**
     * A property or attribute value: any text an XML attribute holds on one line. Control
     * characters (newline, escape, NUL) are refused: no property needs them and they would change
     * what the admin sees in the preview.
     */
    public static String value(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException(what, "", "it is empty (to remove a setting, use its default value)");
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new InvalidInputException(what, value.substring(0, 40) + "...", "longer than " + MAX_VALUE_LENGTH
                    + " characters");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(what, value, "it contains a control character (newline, tab, escape ...)");
        }
        return value;
    }

    /** An ISO 8601 duration such as {@code PT30M} or {@code P1DT2H}, as {@code crm_resource --lifetime} takes. */
    public static String lifetime(String value) {
        if (value == null || !DURATION.matcher(value).matches()) {
            throw new InvalidInputException("lifetime", value == null ? "" : value,
                    "expected an ISO 8601 duration such as PT30M, PT2H or P1D");
        }
        return value;
    }

    // XML 1.0 (5th ed.) NameStartChar without ':'
    private static boolean isNameStart(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_'
                || c >= 0xC0 && c <= 0xD6 || c >= 0xD8 && c <= 0xF6 || c >= 0xF8 && c <= 0x2FF
                || c >= 0x370 && c <= 0x37D || c >= 0x37F && c <= 0x1FFF || c >= 0x200C && c <= 0x200D
                || c >= 0x2070 && c <= 0x218F || c >= 0x2C00 && c <= 0x2FEF || c >= 0x3001 && c <= 0xD7FF
                || c >= 0xF900 && c <= 0xFDCF || c >= 0xFDF0 && c <= 0xFFFD || c >= 0x10000 && c <= 0xEFFFF;
    }

    // the rest of XML's NameChar
    private static boolean isNameRest(int c) {
        return c == '-' || c == '.' || c >= '0' && c <= '9' || c == 0xB7
                || c >= 0x300 && c <= 0x36F || c >= 0x203F && c <= 0x2040;
    }

    private static String describe(int c) {
        return Character.isISOControl(c) ? String.format("\\x%02x", c) : new String(Character.toChars(c));
    }
}
