package org.clusterdeck.cluster.drbd;

import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.cluster.FormatException;
import org.clusterdeck.cluster.command.Drbd;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.TransportException;

/**
 * Reads a node's DRBD state from the richest source it has. A source that is missing or refuses
 * (no drbd-utils, DRBD 8.4 without JSON, no module) moves on to the next; output that is there
 * but unreadable is an error at once, since falling back would hide a real problem.
 */
public final class DrbdNodeReader {
    private final CommandRunner node;

    public DrbdNodeReader(CommandRunner node) {
        this.node = node;
    }

    public DrbdStatus read() throws TransportException {
        List<String> tried = new ArrayList<>();
        for (Command c : Drbd.richestFirst()) {
            CommandResult r = node.run(c);
            if (r.ok() && !r.stdout().isBlank()) {
                return withProgress(DrbdStatusReader.parse(r.stdout(), node.node() + ": " + c.display()));
            }
            tried.add("'" + c.display() + "' " + (r.exitCode() == 127 ? "not installed"
                    : r.ok() ? "printed nothing" : "exit " + r.exitCode() + firstLine(r.stderr())));
        }
        throw new FormatException(node.node(), "no DRBD status source answered: " + String.join("; ", tried));
    }

    /** DRBD 8.4's named sources lack parts of a resync's progress that its /proc/drbd has. */
    private DrbdStatus withProgress(DrbdStatus status) throws TransportException {
        if (!ProcDrbdProgress.lacksProgress(status)) {
            return status;
        }
        Command proc = Drbd.procDrbd();
        CommandResult r = node.run(proc);
        if (!r.ok() || r.stdout().isBlank()) {
            return status;
        }
        String source = node.node() + ": " + proc.display();
        return ProcDrbdProgress.fillIn(status, new ProcDrbdParser().parse(r.stdout(), source));
    }

    private static String firstLine(String stderr) {
        String line = stderr.strip().lines().findFirst().orElse("");
        return line.isEmpty() ? "" : " (" + line + ")";
    }
}
