package org.clusterdeck.cluster.status;

import java.util.List;
import java.util.Optional;
import org.clusterdeck.cluster.FormatException;
import org.clusterdeck.cluster.command.PacemakerExitCode;

/**
 * crm_mon answered, but with an error instead of a cluster status: a {@code <pacemaker-result>}
 * whose {@code <status>} has a non-zero code or only {@code <errors>}, {@code <crm-mon-disconnected>},
 * or a legacy {@code <crm_mon>} without a summary.
 *
 * @see PacemakerExitCode
 */
public class PacemakerResultError extends FormatException {
    private final int code;
    private final List<String> errors;

    public PacemakerResultError(String source, int code, List<String> errors, String problem) {
        super(source, problem);
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    /** The Pacemaker exit code crm_mon reported (0 when it reported errors but claimed success). */
    public int code() {
        return code;
    }

    public Optional<PacemakerExitCode> exitCode() {
        return PacemakerExitCode.of(code);
    }

    /** crm_mon's own error messages, in order. */
    public List<String> errors() {
        return errors;
    }
}
