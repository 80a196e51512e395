package org.clusterdeck.cluster;

import java.util.Locale;

/**
 * Pacemaker's boolean words, as its {@code crm_str_to_boolean} reads them everywhere (CIB
 * attributes, meta attributes, cluster options): true, on, yes, y, 1 and false, off, no, n, 0, in
 * any case and nothing else. Pacemaker does not trim, so neither does this.
 */
public final class PacemakerBoolean {
    private PacemakerBoolean() {
    }

    /** TRUE or FALSE for one of the words; null for anything else, null included. */
    public static Boolean parse(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "y", "1" -> Boolean.TRUE;
            case "false", "off", "no", "n", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** {@code crm_is_true}: only a true word is true. */
    public static boolean isTrue(String value) {
        return Boolean.TRUE.equals(parse(value));
    }

    /** Only a false word is false: an option with any other value keeps its default. */
    public static boolean isFalse(String value) {
        return Boolean.FALSE.equals(parse(value));
    }

    /** The value as Pacemaker takes it for an option with this default: not a boolean word means the default. */
    public static boolean orDefault(String value, boolean defaultValue) {
        Boolean b = parse(value);
        return b == null ? defaultValue : b;
    }
}
