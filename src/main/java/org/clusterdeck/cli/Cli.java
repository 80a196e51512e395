package org.clusterdeck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.clusterdeck.app.ErrorLine;
import org.clusterdeck.app.audit.AuditLog;
import picocli.CommandLine;

/**
 * Runs the command line and maps every outcome to the contract's exit codes: 0 success, 2 bad
 * usage, 1 anything else with a single line on stderr that names what was wrong.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int USAGE = 2;

    private Cli() {
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** With the audit log in the user's data directory ({@link AuditLog#defaultDirectory()}). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(AuditLog.defaultDirectory(), out, err, args);
    }

    /**
     * With the audit log in {@code auditDirectory}: for a caller that keeps its own, such as a test,
     * without changing the JVM's properties under the other commands running in it.
     */
    public static int run(Path auditDirectory, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new ClusterDeckCommand(auditDirectory));
        ClusterDeckCommand.subcommandsFor(args).forEach(cl::addSubcommand);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> ERROR);
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("clusterdeck: " + ex.getMessage());
            ex.getCommandLine().getErr().println(
                    "Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parse) -> {
            c.getErr().println("clusterdeck: " + ErrorLine.of(ex));
            // a command group run without its subcommand is a usage error
            return ex instanceof CommandLine.ParameterException ? USAGE : ERROR;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

}
