package org.clusterdeck.cluster.status;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A failed operation from crm_mon's {@code <failures>}.
 *
 * @param resource   the resource id taken from the operation key (clone suffix {@code :N} kept)
 * @param operation  the operation's task, e.g. {@code monitor}
 * @param exitReason the agent's exit reason; null when it gave none (crm_mon prints "none")
 * @param exitStatus crm_mon's text for the exit code, e.g. {@code not running}
 * @param status     the execution status, e.g. {@code complete}, {@code Timed Out}
 * @param intervalMs the operation's interval; null when crm_mon does not print it
 * @param opKey      the operation key as printed ({@code op_key}, or {@code id} in older output)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"resource", "node", "operation", "exitReason"})
public record Failure(
        String resource,
        String node,
        String operation,
        String exitReason,
        @JsonIgnore String exitStatus,
        @JsonIgnore Integer exitCode,
        @JsonIgnore String call,
        @JsonIgnore String status,
        @JsonIgnore String lastRcChange,
        @JsonIgnore Long intervalMs,
        @JsonIgnore String opKey) {
}
