package org.clusterdeck.cluster.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.xpath.XPathFactory;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.xml.SafeXml;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.LocalProcessRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/** New constraints go through the real cibadmin on a CIB file; what lands is read back by XPath. */
class NewConstraintTest {
    @TempDir
    Path dir;

    private Path cib() throws Exception {
        Path f = dir.resolve("cib.xml");
        Files.writeString(f, Corpus.read("pacemaker/cib/probe-3.xml"));
        return f;
    }

    private static CommandResult onFile(Path cib, Command c) throws Exception {
        return new LocalProcessRunner().run(c.withEnv("CIB_file", cib.toString()));
    }

    private static String xpath(Path cib, String expr) throws Exception {
        Document d = SafeXml.parse(Files.readString(cib), "cib");
        return XPathFactory.newInstance().newXPath().evaluate(expr, d);
    }

    @Test
    void colocationOrderAndLocationLandAsTheSchemaSpellsThemAndRemoveTakesThemOut() throws Exception {
        Path cib = cib();
        List<NewConstraint> all = List.of(
                new NewConstraint.Colocation("c_test", "group-1", "rsc_pcmk-1", "-INFINITY", null, "Started"),
                new NewConstraint.Order("o_test", "rsc_pcmk-1", "group-1", "start", "start", "Optional"),
                new NewConstraint.Location("l_test", "group-1", "pcmk-2", "100", null));
        for (NewConstraint c : all) {
            CommandResult r = onFile(cib, CibAdmin.createConstraint(c));
            assertEquals(0, r.exitCode(), r.stderr());
        }
        String base = "/cib/configuration/constraints/";
        assertEquals("group-1 rsc_pcmk-1 -INFINITY Started", xpath(cib, "concat(" + base
                + "rsc_colocation[@id='c_test']/@rsc,' '," + base + "rsc_colocation[@id='c_test']/@with-rsc,' ',"
                + base + "rsc_colocation[@id='c_test']/@score,' '," + base + "rsc_colocation[@id='c_test']/@with-rsc-role)"));
        assertEquals("rsc_pcmk-1>group-1 Optional", xpath(cib, "concat(" + base + "rsc_order[@id='o_test']/@first,'>',"
                + base + "rsc_order[@id='o_test']/@then,' '," + base + "rsc_order[@id='o_test']/@kind)"));
        assertEquals("pcmk-2 100", xpath(cib, "concat(" + base + "rsc_location[@id='l_test']/@node,' ',"
                + base + "rsc_location[@id='l_test']/@score)"));

        for (NewConstraint c : all) {
            CommandResult r = onFile(cib, CibAdmin.deleteConstraint(c.id()));
            assertEquals(0, r.exitCode(), r.stderr());
        }
        assertEquals("0", xpath(cib, "count(//*[@id='c_test' or @id='o_test' or @id='l_test'])"));
    }

    @Test
    void theXmlIsWrittenByTheLibrary() {
        NewConstraint c = new NewConstraint.Colocation("c1", "fs", "ms", "INFINITY", null, "Promoted");
        assertEquals("<rsc_colocation id=\"c1\" rsc=\"fs\" score=\"INFINITY\" with-rsc=\"ms\" with-rsc-role=\"Promoted\"/>",
                c.xml());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"/><rsc_location id=\"x", "a'b", "$(id)", "-rf", "a b", "a\nb", "x&y"})
    void hostileIdsAreRejectedBeforeAnyXml(String id) {
        assertThrows(InvalidInputException.class, () -> new NewConstraint.Location(id, "r", "n1", "100", null));
        assertThrows(InvalidInputException.class, () -> new NewConstraint.Order("o", id, "r", null, null, null));
        assertThrows(InvalidInputException.class, () -> new ClusterAction.RemoveConstraint(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"INF", "1e9", "100;x", "", "+-5", "1234567890"})
    void scoresAreIntegersOrInfinity(String score) {
        assertThrows(InvalidInputException.class, () -> new NewConstraint.Location("l", "r", "n1", score, null));
    }

    @Test
    void rolesActionsAndKindsAreTheSchemasWords() {
        assertThrows(InvalidInputException.class,
                () -> new NewConstraint.Colocation("c", "a", "b", "INFINITY", "Master", null));
        assertThrows(InvalidInputException.class, () -> new NewConstraint.Order("o", "a", "b", "begin", null, null));
        assertThrows(InvalidInputException.class, () -> new NewConstraint.Order("o", "a", "b", null, null, "Always"));
    }
}
