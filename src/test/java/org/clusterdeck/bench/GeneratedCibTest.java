package org.clusterdeck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.LocalProcessRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's CIBs are ones Pacemaker itself accepts, so the numbers are about real input. */
class GeneratedCibTest {
    @Test
    void pacemakerAcceptsTheGeneratedCib(@TempDir Path dir) throws Exception {
        Path cib = dir.resolve("gen.xml");
        Files.writeString(cib, GeneratedCib.xml(100));
        CommandResult r = new LocalProcessRunner().run(Command.of("crm_verify", "--xml-file", cib.toString()));
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
    }
}
