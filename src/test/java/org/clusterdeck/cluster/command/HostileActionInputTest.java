package org.clusterdeck.cluster.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.xml.xpath.XPathFactory;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.simulate.SimulationParser;
import org.clusterdeck.cluster.xml.SafeXml;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.LocalProcessRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile names and values on the way an action really goes: through a shell, as over SSH, into
 * Pacemaker's tools working on a CIB file. Every payload would create a marker file if any shell
 * ran it; names are refused before a command exists, values arrive byte for byte.
 */
class HostileActionInputTest {
    @TempDir
    Path dir;

    private final LocalProcessRunner local = new LocalProcessRunner();

    private List<String> payloads() {
        String m = dir.resolve("MARK").toString();
        return List.of("$(touch " + m + "1)", "`touch " + m + "2`", "x; touch " + m + "3", "x' ; touch " + m + "4 ; '",
                "&& touch " + m + "5", "| touch " + m + "6", "-x\" ; touch " + m + "7 ; \"", "${IFS}touch${IFS}" + m + "8",
                "--force", "-rf");
    }

    private void assertNoMarker() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith("MARK")).toList(),
                    "a payload was executed");
        }
    }

    /** What SshRunner sends: the command line the remote login shell parses. */
    private CommandResult throughShell(Command c) throws Exception {
        return local.run(new Command(List.of("sh", "-c", c.display()), java.util.Map.of(), c.stdin(), c.timeout()));
    }

    @Test
    void hostileNamesNeverBecomeCommands() throws Exception {
        for (String p : payloads()) {
            assertThrows(InvalidInputException.class, () -> new ClusterAction.Move(p, "node1", null, false, false), p);
            assertThrows(InvalidInputException.class, () -> new ClusterAction.Move("r", p, null, false, false), p);
            assertThrows(InvalidInputException.class, () -> new ClusterAction.Property(p, "1"), p);
            assertThrows(InvalidInputException.class, () -> CrmResource.cleanup(p, null), p);
            assertThrows(InvalidInputException.class, () -> CrmAttribute.nodeStandby(p, true), p);
            assertThrows(InvalidInputException.class, () -> new ClusterAction.Move("r", "n", p, false, false), p);
        }
        assertThrows(InvalidInputException.class, () -> new ClusterAction.Property("cluster-name", "a\nb"));
        assertNoMarker();
    }

    @Test
    void hostileValuesArriveLiterallyInTheCibAndRunNothing() throws Exception {
        Path cib = dir.resolve("cib.xml");
        Files.copy(Corpus.path("pacemaker/cib/probe-3.xml"), cib);
        var xpath = XPathFactory.newInstance().newXPath();
        for (String p : payloads()) {
            Command set = new PlainTools(CrmResource.PromotedFlag.PROMOTED)
                    .commands(new ClusterAction.Property("cluster-name", p)).get(0)
                    .withEnv("CIB_file", cib.toString());
            CommandResult r = throughShell(set);
            assertEquals(0, r.exitCode(), p + ": " + r.stderr());
            String stored = xpath.evaluate("//cluster_property_set/nvpair[@name='cluster-name']/@value",
                    SafeXml.parse(Files.readString(cib), "cib"));
            assertEquals(p, stored);
        }
        assertNoMarker();
    }

    @Test
    void hostileValuesInAStagedPredictionRunNothing() throws Exception {
        for (String p : payloads()) {
            List<List<Command>> stages = List.of(List.of(CrmAttribute.property("cluster-name", p)));
            Command staged = CrmSimulate.stagedPrediction(Corpus.read("pacemaker/cib/probe-3.xml"), stages,
                    UnaryOperator.identity());
            CommandResult r = throughShell(staged);
            assertEquals(0, r.exitCode(), p + ": " + r.stderr());
            assertEquals(1, SimulationParser.parse(r.stdout(), List.of(p), "staged").transitions().size());
        }
        assertNoMarker();
        assertTrue(payloads().size() >= 10);
    }
}
