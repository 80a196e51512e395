package org.clusterdeck.app;

/** How an error is told in one line: a warning beside an answer, the one line a command prints on failure. */
public final class ErrorLine {
    private ErrorLine() {
    }

    /** The message of the error, or of its first cause that has one, on a single line. */
    public static String of(Throwable t) {
        Throwable cur = t;
        while (cur.getMessage() == null && cur.getCause() != null) {
            cur = cur.getCause();
        }
        String msg = cur.getMessage() == null ? cur.getClass().getSimpleName() : cur.getMessage();
        return msg.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
