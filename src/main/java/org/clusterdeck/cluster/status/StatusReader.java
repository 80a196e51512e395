package org.clusterdeck.cluster.status;

import java.nio.file.Path;
import java.util.List;
import org.clusterdeck.cluster.FormatException;
import org.clusterdeck.cluster.command.ClusterCommandException;
import org.clusterdeck.cluster.command.CrmMon;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.TransportException;

/**
 * Gets a {@link ClusterStatus} from one node by running crm_mon there. Every failure names the
 * node and the command: {@link TransportException} when crm_mon could not be run (not installed,
 * unreachable, timed out), {@link ClusterCommandException} when it exited non-zero,
 * {@link FormatException} when it printed something that is not a status.
 */
public final class StatusReader {
    private final CommandRunner runner;

    public StatusReader(CommandRunner runner) {
        this.runner = runner;
    }

    /** The live cluster as the node sees it ({@link CrmMon#status()}). */
    public ClusterStatus read() throws TransportException, ClusterCommandException {
        return read(CrmMon.status());
    }

    /** The status recorded in a CIB file, computed by the node's crm_mon ({@code CIB_file}). */
    public ClusterStatus readCibFile(Path cib) throws TransportException, ClusterCommandException {
        return read(CrmMon.status().withEnv("CIB_file", cib.toAbsolutePath().toString()));
    }

    /** Runs a crm_mon command of either XML flavour, e.g. {@link CrmMon#legacyStatus()} for 1.1. */
    public ClusterStatus read(Command command) throws TransportException, ClusterCommandException {
        return status(command, runner.run(command));
    }

    /** The status in what a crm_mon command printed, run by whoever ran it; errors as {@link #read(Command)}. */
    public static ClusterStatus status(Command command, CommandResult result) throws ClusterCommandException {
        String source = result.node() + ": " + command.display();
        List<String> stderr = ClusterCommandException.lastLines(result.stderr());
        if (!result.ok()) {
            throw ClusterCommandException.of(result.node(), command.display(), result.exitCode(),
                    errorsIn(result.stdout(), source, stderr));
        }
        try {
            return CrmMonParser.parse(result.stdout(), source);
        } catch (PacemakerResultError e) {
            // The legacy flavour prints an empty <crm_mon/> and gives the reason only on stderr.
            if (!e.errors().isEmpty() || stderr.isEmpty()) {
                throw e;
            }
            throw new PacemakerResultError(source, e.code(), stderr, e.problem() + ": " + String.join("; ", stderr));
        } catch (FormatException e) {
            if (stderr.isEmpty()) {
                throw e;
            }
            throw new FormatException(source, e.problem() + " (stderr: " + String.join("; ", stderr) + ")", e);
        }
    }

    /** crm_mon's own XML error messages when it printed them, otherwise its standard error. */
    private static List<String> errorsIn(String stdout, String source, List<String> stderr) {
        if (stdout != null && !stdout.isBlank()) {
            try {
                CrmMonParser.parse(stdout, source);
            } catch (PacemakerResultError e) {
                if (!e.errors().isEmpty()) {
                    return e.errors();
                }
            } catch (FormatException e) {
                // Not crm_mon's error report: stderr is the better explanation.
            }
        }
        return stderr;
    }
}
