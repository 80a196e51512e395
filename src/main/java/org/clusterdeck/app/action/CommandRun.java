package org.clusterdeck.app.action;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.clusterdeck.transport.CommandResult;

/** One command an action ran: as typed, how it ended and what it printed (kept for the audit log). */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"command", "exitCode", "durationMs", "stdout", "stderr"})
public record CommandRun(String command, int exitCode, long durationMs, String stdout, String stderr) {

    static CommandRun of(String command, CommandResult r) {
        return new CommandRun(command, r.exitCode(), r.elapsed().toMillis(), r.stdout(), r.stderr());
    }

    public boolean ok() {
        return exitCode == 0;
    }
}
