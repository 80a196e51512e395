package org.clusterdeck.app.action;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.clusterdeck.transport.CommandResult;

/**
 * One command an action ran: as typed, whether it changed the cluster (the action's own commands)
 * or only looked (waits, the idle look), how it ended and what it printed (kept for the audit log).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"command", "changing", "exitCode", "durationMs", "stdout", "stderr"})
public record CommandRun(String command, boolean changing, int exitCode, long durationMs, String stdout,
        String stderr) {

    static CommandRun of(String command, boolean changing, CommandResult r) {
        return new CommandRun(command, changing, r.exitCode(), r.elapsed().toMillis(), r.stdout(), r.stderr());
    }

    public boolean ok() {
        return exitCode == 0;
    }
}
