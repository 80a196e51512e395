package org.clusterdeck;

import java.nio.file.Path;
import java.util.List;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.LocalProcessRunner;
import org.clusterdeck.transport.TransportException;

/**
 * The local crm_mon (pacemaker-cli-utils, 2.1.5 here) run on a CIB file through {@code CIB_file}:
 * real output of layouts and options the corpus did not record, made when a test needs it.
 */
public final class RealCrmMon {
    private static final LocalProcessRunner RUNNER = new LocalProcessRunner();

    private RealCrmMon() {
    }

    /** crm_mon's standard output with these options; a failed run fails the test with its stderr. */
    public static String output(Path cib, String... options) {
        Command command = Command.of("crm_mon", List.of(options)).withEnv("CIB_file", cib.toAbsolutePath().toString());
        try {
            CommandResult result = RUNNER.run(command);
            if (!result.ok()) {
                throw new IllegalStateException(command.display() + " exited " + result.exitCode() + ": "
                        + result.stderr());
            }
            return result.stdout();
        } catch (TransportException e) {
            throw new IllegalStateException("crm_mon could not be run (apt-get install pacemaker-cli-utils): "
                    + e.getMessage(), e);
        }
    }
}
