package org.clusterdeck.app.nodes;

import java.util.List;

/** No node of a cluster could answer: each node's reason, in the order the nodes were given. */
public final class NoNodeAnsweredException extends Exception {
    private final List<String> failures;

    public NoNodeAnsweredException(List<String> failures) {
        super(failures.isEmpty() ? "not connected to the cluster" : "no node answered: " + String.join("; ", failures));
        this.failures = List.copyOf(failures);
    }

    public List<String> failures() {
        return failures;
    }
}
