package org.clusterdeck.app.offline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clusterdeck.cluster.cib.Cib;
import org.clusterdeck.cluster.cib.CibParser;
import org.clusterdeck.cluster.command.ClusterCommandException;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.cluster.status.StatusReader;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.LocalProcessRunner;
import org.clusterdeck.transport.TransportException;

/**
 * Reads a saved CIB (e.g. {@code cibadmin -Q} output) without a cluster: the configuration is
 * parsed here, the status comes from the local crm_mon run with {@code CIB_file}, exactly what
 * {@code status --cib-file} does. Blocking: call it off the FX thread.
 */
public final class CibFileReader {
    private final CommandRunner runner;

    public CibFileReader() {
        this(new LocalProcessRunner());
    }

    /** crm_mon runs through the runner, which enforces the command's timeout. */
    public CibFileReader(CommandRunner runner) {
        this.runner = runner;
    }

    /**
     * @throws IOException             the file cannot be read
     * @throws TransportException      crm_mon could not be run or timed out
     * @throws ClusterCommandException crm_mon rejected the file
     * @throws org.clusterdeck.cluster.FormatException the file is not a CIB
     */
    public CibSnapshot read(Path file) throws IOException, TransportException, ClusterCommandException {
        String xml = Files.readString(file, StandardCharsets.UTF_8);
        Cib cib = CibParser.parse(xml, file.toString());
        ClusterStatus status = new StatusReader(runner).readCibFile(file);
        return new CibSnapshot(file, cib, status);
    }
}
