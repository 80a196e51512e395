package org.clusterdeck.ui;

/** Between the text a field shows and the value a model holds: an empty field is no value. */
public final class FormText {
    private FormText() {
    }

    /** The typed text without surrounding blanks; null when nothing was typed. */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** What a field or cell shows for a value that may be missing. */
    public static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
