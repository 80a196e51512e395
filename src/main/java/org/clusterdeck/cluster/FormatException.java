package org.clusterdeck.cluster;

/**
 * Output of a cluster tool that cannot be read. The message always names the source (a file, or
 * a node and command) and what is wrong with it, so an admin can act on it without a stack trace.
 */
public class FormatException extends RuntimeException {
    private final String source;
    private final String problem;

    public FormatException(String source, String problem) {
        this(source, problem, null);
    }

    public FormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.problem = problem;
    }

    public String source() {
        return source;
    }

    public String problem() {
        return problem;
    }
}
