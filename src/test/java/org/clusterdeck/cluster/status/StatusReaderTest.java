package org.clusterdeck.cluster.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.FormatException;
import org.clusterdeck.cluster.command.ClusterCommandException;
import org.clusterdeck.cluster.command.CrmMon;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.LocalProcessRunner;
import org.clusterdeck.transport.TransportException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real crm_mon, run on corpus CIBs through {@link LocalProcessRunner}, must give what parsing
 * the corpus' recorded crm_mon output gives (both were made by Pacemaker 2.1.5).
 */
class StatusReaderTest {
    private final StatusReader reader = new StatusReader(new LocalProcessRunner("lab"));

    @BeforeAll
    static void crmMonIsInstalled() {
        boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "crm_mon")));
        if (!found) {
            fail("crm_mon is not installed or not on PATH (" + System.getenv("PATH") + "); these tests run the real "
                    + "tool: apt-get install pacemaker-cli-utils");
        }
    }

    /** Promotable, bundle, group, cloned group, clone, ticket, remote, failures with old-style keys. */
    static Stream<String> cibs() {
        return Stream.of("promoted-1", "promoted-failed-demote", "bundle-order-fencing",
                "bundle-connection-with-container", "bundle-promoted-colocation-1", "group1", "group10",
                "cloned-group", "clone-interleave-3", "clone-no-shuffle", "ticket-clone-1", "remote-fence-unclean",
                "1360", "994", "rec-node-11", "bug-lf-2106", "interleave-restart", "novell-252693-3",
                "a-promote-then-b-migrate", "3-am-then-bm-both-migrate");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cibs")
    void realCrmMonOnCibEqualsRecordedOutput(String name) throws Exception {
        ClusterStatus live = reader.readCibFile(Corpus.path("pacemaker/cib/" + name + ".xml"));
        ClusterStatus recorded = CrmMonParser.parse(Corpus.read("pacemaker/crm_mon/" + name + ".xml"), name);
        assertSameSnapshot(recorded, live);
        assertEquals(Summary.OutputFormat.PACEMAKER_RESULT, live.summary().format());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cibs")
    void realLegacyCrmMonOnCibEqualsRecordedLegacyOutput(String name) throws Exception {
        Path cib = Corpus.path("pacemaker/cib/" + name + ".xml");
        ClusterStatus live = reader.read(CrmMon.legacyStatus().withEnv("CIB_file", cib.toString()));
        ClusterStatus recorded = CrmMonParser.parse(Corpus.read("pacemaker/crm_mon-legacy/" + name + ".xml"), name);
        assertSameSnapshot(recorded, live);
        assertEquals(Summary.OutputFormat.LEGACY, live.summary().format());
    }

    /** The same cluster read twice: the contract and every model field that comes from the CIB. */
    static void assertSameSnapshot(ClusterStatus expected, ClusterStatus actual) throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.writeValueAsString(expected), json.writeValueAsString(actual));
        assertEquals(expected.nodes(), actual.nodes());
        assertEquals(expected.resources(), actual.resources());
        assertEquals(expected.failures(), actual.failures());
        assertEquals(expected.bans(), actual.bans());
        assertEquals(expected.tickets(), actual.tickets());
        // last_update is the time crm_mon ran; everything else in the summary comes from the CIB.
        assertEquals(expected.summary().dcName(), actual.summary().dcName());
        assertEquals(expected.summary().lastChange(), actual.summary().lastChange());
        assertEquals(expected.summary().options(), actual.summary().options());
        assertEquals(expected.summary().resourcesConfigured(), actual.summary().resourcesConfigured());
    }

    @Test
    void cibCrmMonCannotReadIsAPacemakerResultError() {
        // crm_mon 2.1.5 exits 0 here and reports the problem only inside the XML.
        Path cib = Corpus.path("pacemaker/cib/promotable-colocation-with-node-attribute.xml");
        PacemakerResultError e = assertThrows(PacemakerResultError.class, () -> reader.readCibFile(cib));
        assertTrue(e.getMessage().startsWith("lab: CIB_file=" + cib + " " + CrmMon.status().display() + ": "),
                e.getMessage());
        assertTrue(e.getMessage().contains("does not conform to the configured schema"), e.getMessage());
    }

    @Test
    void legacyFlavourGivesTheReasonOnlyOnStderr() {
        Path cib = Corpus.path("pacemaker/cib/promotable-colocation-with-node-attribute.xml");
        PacemakerResultError e = assertThrows(PacemakerResultError.class,
                () -> reader.read(CrmMon.legacyStatus().withEnv("CIB_file", cib.toString())));
        assertTrue(e.getMessage().contains("no cluster status"), e.getMessage());
        assertTrue(e.getMessage().contains("does not conform to the configured schema"), e.getMessage());
    }

    @Test
    void missingCibFileIsNamed() {
        PacemakerResultError e = assertThrows(PacemakerResultError.class,
                () -> reader.readCibFile(Path.of("/nonexistent/cib.xml")));
        assertTrue(e.getMessage().contains("CIB_file=/nonexistent/cib.xml"), e.getMessage());
        assertTrue(e.getMessage().contains("Could not connect to the CIB"), e.getMessage());
    }

    @Test
    void noClusterRunningIsExitCode102WithCrmMonsOwnMessages() throws Exception {
        CommandResult probe = new LocalProcessRunner().run(CrmMon.status());
        Assumptions.assumeFalse(probe.ok(), "a live cluster answered on this machine; nothing to test");
        ClusterCommandException e = assertThrows(ClusterCommandException.class, reader::read);
        assertEquals(102, e.exitCode());
        assertEquals("lab", e.node());
        assertEquals(CrmMon.status().display(), e.command());
        assertTrue(e.getMessage().startsWith("lab: '" + CrmMon.status().display() + "' failed with exit code 102 "
                + "(Not connected"), e.getMessage());
        assertTrue(e.messages().stream().anyMatch(m -> m.contains("Connection to cluster failed")), e.messages()::toString);
        // The stdout of that run is the real error form of <pacemaker-result>.
        PacemakerResultError parsed = assertThrows(PacemakerResultError.class,
                () -> CrmMonParser.parse(probe.stdout(), "probe"));
        assertEquals(102, parsed.code());
        assertEquals(e.messages(), parsed.errors());
    }

    @Test
    void toolNotInstalledNamesNodeAndTool() {
        TransportException e = assertThrows(TransportException.class,
                () -> reader.read(Command.of("crm_mon-not-installed-here", "-1", "--output-as=xml")));
        assertTrue(e.getMessage().startsWith("lab: "), e.getMessage());
        assertTrue(e.getMessage().contains("crm_mon-not-installed-here") && e.getMessage().contains("not installed"),
                e.getMessage());
    }

    @Test
    void emptyOutputNamesNodeAndCommand() {
        FormatException e = assertThrows(FormatException.class, () -> reader.read(Command.of("true")));
        assertEquals("lab: true: empty output, expected XML", e.getMessage());
    }

    @Test
    void wrongToolOutputIsRefused() {
        FormatException e = assertThrows(FormatException.class,
                () -> reader.read(Command.of("crm_error", "-X", "-l")));
        assertTrue(e.getMessage().startsWith("lab: crm_error -X -l: not XML"), e.getMessage());
        assertFalse(e instanceof PacemakerResultError);
    }
}
