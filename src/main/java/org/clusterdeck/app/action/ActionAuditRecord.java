package org.clusterdeck.app.action;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.clusterdeck.app.audit.AuditEntry;
import org.clusterdeck.app.audit.AuditRecord;

/**
 * An action's line in the audit log, one per step: planned (with the plan and prediction, and the
 * staged commands as they really ran on the CIB copy),
 * confirmed or declined (how), and its end (applied commands with output and exit codes, the comparison with
 * the prediction), or "interrupted" when applying broke off without knowing the end (the node stopped
 * answering). One confirmed and never ended (the console was killed while applying) stays unfinished
 * until an admin has looked at it: "acknowledged" ({@link UnfinishedActions}). Lines of one action
 * share its {@code actionId}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"time", "type", "actionId", "step", "node", "description", "confirmation", "plan", "stagedOnCopy",
        "outcome"})
public record ActionAuditRecord(String time, String actionId, String step, String node, String description,
        String confirmation, ActionPlan plan, List<String> stagedOnCopy, ActionOutcome outcome) implements AuditEntry {

    @JsonProperty("type")
    public String type() {
        return "action";
    }

    static ActionAuditRecord planned(String actionId, ActionPlan plan) {
        return new ActionAuditRecord(now(), actionId, plan.refused() ? "refused" : "planned", plan.node(),
                plan.description(), null, plan, plan.stagedOnCopy(), null);
    }

    static ActionAuditRecord confirmed(String actionId, ActionPlan plan, String confirmation) {
        return new ActionAuditRecord(now(), actionId, CONFIRMED, plan.node(), plan.description(), confirmation,
                null, null, null);
    }

    static ActionAuditRecord declined(String actionId, ActionPlan plan, String why) {
        return new ActionAuditRecord(now(), actionId, "declined", plan.node(), plan.description(), why, null, null, null);
    }

    static ActionAuditRecord ended(String actionId, ActionOutcome o) {
        ActionOutcome kept = new ActionOutcome(o.result(), o.message(), o.plan(), o.newPlan(), capped(o.commands()),
                o.differences(), o.leftovers(), o.clusterMillis(), o.totalMillis());
        return new ActionAuditRecord(now(), actionId, o.result().word(), o.plan().node(), o.plan().description(), null,
                null, null, kept);
    }

    /** Applying stopped on an error before the end was known: what is known is in the command records before it. */
    static ActionAuditRecord interrupted(String actionId, ActionPlan plan, String why) {
        return new ActionAuditRecord(now(), actionId, INTERRUPTED, plan.node(), plan.description(), why, null, null, null);
    }

    /** An admin saw that an unfinished action was never ended, and how (e.g. "window"). */
    static ActionAuditRecord acknowledged(UnfinishedAction action, String how) {
        return new ActionAuditRecord(now(), action.actionId(), ACKNOWLEDGED, action.node(), action.description(), how,
                null, null, null);
    }

    static final String CONFIRMED = "confirmed";
    static final String INTERRUPTED = "interrupted";
    static final String ACKNOWLEDGED = "acknowledged";

    private static String now() {
        return AuditRecord.formatTime(Instant.now());
    }

    /** Long command output is capped like any audited command's. */
    private static List<CommandRun> capped(List<CommandRun> runs) {
        return runs.stream().map(r -> new CommandRun(r.command(), r.changing(), r.exitCode(), r.durationMs(),
                AuditRecord.cap(r.stdout()), AuditRecord.cap(r.stderr()))).toList();
    }
}
