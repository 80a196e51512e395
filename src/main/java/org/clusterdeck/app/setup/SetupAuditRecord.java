package org.clusterdeck.app.setup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.clusterdeck.app.audit.AuditEntry;

/**
 * A setup's line in the audit log: the admin's answer to a destruction's sentence and how it was
 * given, beside the commands' own records, so the log shows who allowed a disk to be overwritten.
 *
 * @param answer {@code accepted} or {@code declined}
 * @param by     how: {@code terminal}, or {@code --yes} when accepted in advance on the command line
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"time", "type", "step", "node", "disk", "confirmation", "answer", "by"})
public record SetupAuditRecord(String time, String step, String node, String disk, String confirmation, String answer,
        String by) implements AuditEntry {
    @JsonProperty("type")
    public String type() {
        return "setup-confirmation";
    }
}
