package org.clusterdeck.cluster.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.cib.CibParser;
import org.clusterdeck.ui.Snapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PropertyRiskTest {
    private static String warning(String name, String value, int nodes) {
        return PropertyRisk.of(name, value, new PropertyRisk.Shape(nodes, null)).map(PropertyRisk::text).orElse(null);
    }

    @Test
    void aSafeValueIsListedWithoutWarning() {
        assertNull(warning("stonith-enabled", "true", 2));
        assertNull(warning("no-quorum-policy", "stop", 2));
        assertNotNull(warning("stonith-enabled", "no", 2));
        assertTrue(warning("no-quorum-policy", "ignore", 3).contains("partition without quorum"));
    }

    /** Pacemaker reads only its boolean words; anything else keeps the option's default. */
    @Test
    void onlyPacemakersBooleanWordsCount() {
        for (String off : List.of("false", "FALSE", "Off", "no", "n", "0")) {
            assertNotNull(warning("fencing-enabled", off, 2), off);
            assertNotNull(warning("startup-fencing", off, 2), off);
        }
        for (String notAWord : List.of("maybe", "", " false", "disabled")) {
            assertNull(warning("stonith-enabled", notAWord, 2), "'" + notAWord + "' leaves fencing on");
            assertNull(warning("maintenance-mode", notAWord, 2), "'" + notAWord + "' leaves maintenance off");
        }
        assertNotNull(warning("maintenance-mode", "Yes", 2));
    }

    @Test
    void theTwoNodeAdviceFollowsWhatIsKnown() {
        assertTrue(warning("no-quorum-policy", "ignore", 2).contains("use corosync's two_node: 1 instead"));
        assertFalse(warning("no-quorum-policy", "ignore", 3).contains("two_node"));
        String known = PropertyRisk.of("no-quorum-policy", "ignore", new PropertyRisk.Shape(2, true))
                .orElseThrow().text();
        assertTrue(known.contains("already keeps quorum"), known);
    }

    /**
     * A real two-node CIB with fencing off and quorum ignored: the suggested commands, run with
     * the real crm_attribute on a copy, leave no risky property behind.
     */
    @Test
    void theSuggestedCommandsSetTheRiskyPropertiesBack(@TempDir Path dir) throws Exception {
        Path cib = dir.resolve("cib.xml");
        Files.copy(Corpus.path("pacemaker/cib/promoted-move.xml"), cib);
        List<ClusterProperty> risky = ClusterProperty.of(CibParser.parse(Files.readString(cib), "copy"), null).stream()
                .filter(p -> p.risk() != null).toList();
        assertTrue(risky.stream().map(ClusterProperty::name).toList().containsAll(List.of("fencing-enabled",
                "no-quorum-policy")), risky.toString());
        for (ClusterProperty p : risky) {
            for (SuggestedCommand c : p.risk().commands()) {
                Snapshots.run(List.of("sh", "-c", c.command()), cib.toString());
            }
        }
        List<ClusterProperty> after = ClusterProperty.of(CibParser.parse(Files.readString(cib), "copy"), null);
        assertTrue(after.stream().allMatch(p -> p.risk() == null), after.toString());
        assertEquals(List.of("true"), Snapshots.xpath(cib, "//crm_config//nvpair[@name='fencing-enabled']/@value"));
    }
}
