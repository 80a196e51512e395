package org.clusterdeck.cluster.setup;

/**
 * A setup spec that cannot be built from: names the field (as a path in the YAML, e.g.
 * {@code nodes[1].disk}) and what is wrong with it, so the admin knows which line to change.
 */
public final class SetupSpecException extends IllegalArgumentException {
    private final String field;

    public SetupSpecException(String field, String problem) {
        super("setup spec: " + field + ": " + problem);
        this.field = field;
    }

    public SetupSpecException(String field, String problem, Throwable cause) {
        this(field, problem);
        initCause(cause);
    }

    /** The field's path in the YAML, e.g. {@code service.dhcp.rangeTo}. */
    public String field() {
        return field;
    }
}
