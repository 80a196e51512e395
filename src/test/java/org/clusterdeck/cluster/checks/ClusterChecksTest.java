package org.clusterdeck.cluster.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.cib.Cib;
import org.clusterdeck.cluster.cib.CibParser;
import org.clusterdeck.cluster.events.Severity;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.cluster.status.CrmMonParser;
import org.clusterdeck.ui.Snapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The findings of every corpus cluster (its CIB and the crm_mon output Pacemaker printed for
 * it), checked against an independent XPath reading of those two files; and the suggested
 * commands run for real against a copy of the CIB, where they must remove what they are for.
 */
class ClusterChecksTest {
    private static final List<String> FALSE_WORDS = List.of("false", "off", "no", "n", "0");

    static Stream<String> clusters() {
        return Corpus.files("pacemaker/crm_mon", ".xml").stream().map(p -> p.getFileName().toString())
                .filter(name -> Corpus.read("pacemaker/crm_mon/" + name).contains("<summary>"));
    }

    private static ClusterStatus status(String name) {
        return CrmMonParser.parse(Corpus.read("pacemaker/crm_mon/" + name), name);
    }

    private static Cib cib(String name) {
        return CibParser.parse(Corpus.read("pacemaker/cib/" + name), name);
    }

    private static List<String> subjects(List<Finding> findings, FindingKind kind) {
        return findings.stream().filter(f -> f.kind() == kind).map(Finding::subject).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clusters")
    void findingsAgreeWithTheClustersOwnXml(String name) {
        Path mon = Corpus.path("pacemaker/crm_mon/" + name);
        Path cibFile = Corpus.path("pacemaker/cib/" + name);
        List<Finding> findings = ClusterChecks.findings(status(name), cib(name), Set.of(), List.of());

        assertEquals(findings.stream().sorted(Comparator.comparing(Finding::severity).reversed()).toList(), findings,
                "worst first");
        assertEquals(Snapshots.xpath(mon, "//current_dc[@with_quorum='false']/@name"),
                subjects(findings, FindingKind.NO_QUORUM));
        assertEquals(Snapshots.xpath(mon, "//nodes/node[@online='false' or @unclean='true']/@name"),
                subjects(findings, FindingKind.NODE_DOWN));
        assertEquals(Snapshots.xpath(mon, "//resources//resource[@failed='true']/@id"),
                subjects(findings, FindingKind.RESOURCE_FAILED));
        assertEquals(Snapshots.xpath(cibFile, "//constraints/rsc_location[starts-with(@id,'cli-prefer-')]/@id"),
                subjects(findings, FindingKind.LEFTOVER_MOVE));
        assertEquals(Snapshots.xpath(cibFile, "//constraints/rsc_location[starts-with(@id,'cli-ban-')]/@id"),
                subjects(findings, FindingKind.LEFTOVER_BAN));

        // fencing as the CIB configures it, else as crm_mon reports it in effect
        List<String> configured = Snapshots.xpath(cibFile, "//crm_config/cluster_property_set[not(rule)]/nvpair"
                + "[@name='stonith-enabled' or @name='fencing-enabled']/@value");
        boolean fencingOff = configured.isEmpty()
                ? Snapshots.xpath(mon, "//cluster_options/@stonith-enabled").equals(List.of("false"))
                : configured.stream().anyMatch(v -> FALSE_WORDS.contains(v.toLowerCase()));
        assertEquals(fencingOff, !subjects(findings, FindingKind.FENCING_DISABLED).isEmpty(), findings.toString());
        assertEquals(Snapshots.xpath(mon, "//cluster_options/@no-quorum-policy").equals(List.of("ignore")),
                !subjects(findings, FindingKind.QUORUM_IGNORED).isEmpty(), findings.toString());
        for (Finding f : findings) {
            assertFalse(f.message().isBlank(), f.toString());
        }
    }

    /**
     * Without the CIB (a saved crm_mon output), crm_mon's bans still show the leftovers that keep
     * a resource off a node: cli-ban ones, and the -INFINITY rule an older crm_resource --move
     * wrote (crm_mon names it by its rule id, cli-prefer-rule-RSC). Once per id, however many nodes
     * crm_mon lists it for.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("clusters")
    void withoutTheCibTheBansShowTheLeftovers(String name) {
        Path mon = Corpus.path("pacemaker/crm_mon/" + name);
        List<Finding> findings = ClusterChecks.findings(status(name), null, Set.of(), List.of());
        assertEquals(Snapshots.xpath(mon, "//bans/ban[starts-with(@id,'cli-ban-')]/@id").stream().distinct().toList(),
                subjects(findings, FindingKind.LEFTOVER_BAN));
        assertEquals(Snapshots.xpath(mon, "//bans/ban[starts-with(@id,'cli-prefer-')]/@id").stream().distinct()
                .toList(), subjects(findings, FindingKind.LEFTOVER_MOVE));
    }

    @Test
    void theConsolesOwnReachIsCritical() {
        String name = "promoted-move.xml";
        String node = status(name).nodes().get(0).name();
        List<Finding> findings = ClusterChecks.findings(status(name), cib(name), Set.of(node), List.of());
        Finding down = findings.stream().filter(f -> f.kind() == FindingKind.NODE_DOWN).findFirst().orElseThrow();
        assertEquals(Severity.CRITICAL, down.severity());
        assertEquals(node, down.subject());
        assertTrue(down.message().contains("unreachable"), down.message());
    }

    /** The suggested removal of each leftover move or ban, run with the real tool on a copy: it goes, and only it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cibsWithMovesOrBans")
    void aLeftoversSuggestedCommandRemovesExactlyIt(String name, @TempDir Path dir) throws Exception {
        Path copy = dir.resolve("cib.xml");
        Files.copy(Corpus.path("pacemaker/cib/" + name), copy);
        List<String> before = Snapshots.xpath(copy, "//constraints/*/@id");
        LeftoverConstraint leftover = LeftoverConstraint.of(cib(name)).get(0);
        assertEquals(1, leftover.commands().size(), leftover.toString());
        SuggestedCommand c = leftover.commands().get(0);
        assertEquals(null, c.node(), "any node of the cluster");
        Snapshots.run(List.of("sh", "-c", c.command()), copy.toString());

        List<String> after = Snapshots.xpath(copy, "//constraints/*/@id");
        assertFalse(after.contains(leftover.id()), c.command() + " left " + leftover.id());
        List<String> gone = before.stream().filter(id -> !after.contains(id)).toList();
        assertTrue(gone.stream().allMatch(LeftoverConstraint::isMoveOrBan), c.command() + " removed " + gone);
    }

    static Stream<String> cibsWithMovesOrBans() {
        return Corpus.files("pacemaker/cib", ".xml").stream()
                .filter(f -> !Snapshots.xpath(f, "//constraints/rsc_location[starts-with(@id,'cli-')]").isEmpty())
                .map(p -> p.getFileName().toString()).limit(12);
    }
}
