package org.clusterdeck.ui.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.clusterdeck.Corpus;
import org.clusterdeck.app.offline.CibSnapshot;
import org.clusterdeck.cluster.checks.ClusterProperty;
import org.clusterdeck.cluster.checks.Finding;
import org.clusterdeck.cluster.checks.LeftoverConstraint;
import org.clusterdeck.cluster.checks.NodeCondition;
import org.clusterdeck.cluster.events.Severity;
import org.clusterdeck.cluster.status.Resource;
import org.clusterdeck.ui.Feed;
import org.clusterdeck.ui.Snapshots;
import org.clusterdeck.ui.clusters.Health;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The overview from real CIBs through the real crm_mon, checked against an independent XPath
 * reading of the corpus's own crm_mon output and of the CIB.
 */
class OverviewViewModelTest {
    private static final String PM = "pacemaker/cib/promoted-move.xml";

    private static OverviewViewModel overviewOf(Path cib) {
        CibSnapshot s = Snapshots.read(cib);
        OverviewViewModel vm = new OverviewViewModel();
        vm.update(s.status(), s.cib());
        return vm;
    }

    @Test
    void nodesResourcesAndFailuresAreCrmMonsAsTheCorpusRecordsThem() {
        Path cib = Corpus.path(PM);
        Path monXml = Corpus.path("pacemaker/crm_mon/promoted-move.xml");
        OverviewViewModel vm = overviewOf(cib);

        assertEquals(Snapshots.xpath(monXml, "//nodes/node/@name"), vm.nodes().stream().map(NodeCondition::name).toList());
        assertEquals(Snapshots.xpath(monXml, "//nodes/node[@is_dc='true']/@name"),
                vm.nodes().stream().filter(n -> n.node().dc()).map(NodeCondition::name).toList());
        assertEquals(Snapshots.xpath(monXml, "//resources//resource/@id"),
                vm.resources().stream().map(Resource::id).toList());
        assertEquals(Snapshots.xpath(monXml, "//resources//resource[@failed='true']/@id"),
                vm.resources().stream().filter(Resource::failed).map(Resource::id).toList());
        assertEquals(Snapshots.xpath(monXml, "//failures/failure/@node").size(), vm.failures().size());
        assertTrue(vm.summaryProperty().get().contains("DC " + Snapshots.xpath(monXml, "//current_dc/@name").get(0)),
                vm.summaryProperty().get());
    }

    /** Before a status came no table may read as an all-clear; after, each says what its emptiness means. */
    @Test
    void emptyTablesSayWhyUntilAStatusCameThenWhatEmptyMeans() {
        OverviewViewModel vm = new OverviewViewModel();
        List<javafx.beans.binding.StringBinding> texts = List.of(vm.findingsEmptyText(), vm.nodesEmptyText(),
                vm.resourcesEmptyText(), vm.failuresEmptyText(), vm.leftoversEmptyText(), vm.propertiesEmptyText());
        texts.forEach(t -> assertEquals("Not connected: press Connect (Ctrl+K).", t.get()));
        vm.feedProperty().set(Feed.CONNECTING);
        texts.forEach(t -> assertEquals("Connecting: no node has answered yet.", t.get()));

        CibSnapshot s = Snapshots.read(Corpus.path("pacemaker/cib/group6.xml"));
        vm.update(s.status(), null);
        assertEquals("No failed actions.", vm.failuresEmptyText().get());
        assertEquals("No problems found.", vm.findingsEmptyText().get());
        assertEquals("Not checked: only crm_mon's status is known, not the CIB.", vm.leftoversEmptyText().get());
        vm.update(s.status(), s.cib());
        assertEquals("No leftover move, ban or DRBD fencing constraints.", vm.leftoversEmptyText().get());
        assertTrue(vm.leftovers().isEmpty());

        // disconnected: the last status is still what is shown
        vm.feedProperty().set(Feed.OFFLINE);
        assertEquals("No failed actions.", vm.failuresEmptyText().get());
    }

    @Test
    void aFailedResourceMakesTheClusterCriticalAndIsNamedFirst() {
        OverviewViewModel vm = overviewOf(Corpus.path(PM));
        assertEquals(Health.CRITICAL, vm.healthProperty().get());
        Finding first = vm.findings().get(0);
        assertEquals(Severity.CRITICAL, first.severity());
        // findings are ordered worst first: no warning before a critical one
        List<Severity> order = vm.findings().stream().map(Finding::severity).toList();
        assertEquals(order.stream().sorted((a, b) -> b.compareTo(a)).toList(), order);
        assertTrue(vm.findings().stream().anyMatch(f -> f.message().startsWith("Resource dummy01 has failed")),
                vm.findings().toString());
    }

    @Test
    void fencingOffAndIgnoredQuorumInATwoNodeClusterAreWarnedWithTheTwoNodeAdvice() {
        Path cib = Corpus.path(PM);
        assertEquals(List.of("false"), Snapshots.xpath(cib, "//crm_config//nvpair[@name='fencing-enabled']/@value"));
        assertEquals(List.of("ignore"), Snapshots.xpath(cib, "//crm_config//nvpair[@name='no-quorum-policy']/@value"));
        assertEquals(2, Snapshots.xpath(cib, "//configuration/nodes/node").size());

        OverviewViewModel vm = overviewOf(cib);
        ClusterProperty fencing = property(vm, "fencing-enabled");
        assertTrue(fencing.warning().contains("split brain"), fencing.warning());
        ClusterProperty quorum = property(vm, "no-quorum-policy");
        assertTrue(quorum.warning().contains("two_node: 1"), quorum.warning());
        assertTrue(vm.findings().stream().anyMatch(f -> f.severity() == Severity.WARNING && f.message().equals(quorum.warning())));
    }

    static Stream<Path> cibsWithMoveConstraints() {
        return Corpus.files("pacemaker/cib", ".xml").stream()
                .filter(f -> !Snapshots.xpath(f, "//constraints/rsc_location[starts-with(@id,'cli-')]").isEmpty())
                .limit(12);
    }

    @ParameterizedTest
    @MethodSource("cibsWithMoveConstraints")
    void everyLeftoverMoveOrBanIsFlagged(Path cib) {
        OverviewViewModel vm = overviewOf(cib);
        assertEquals(Snapshots.xpath(cib, "//constraints/rsc_location[starts-with(@id,'cli-prefer-') or starts-with(@id,'cli-ban-')]/@id"),
                vm.leftovers().stream().map(LeftoverConstraint::id).toList());
        for (LeftoverConstraint l : vm.leftovers()) {
            String xp = "//constraints/rsc_location[@id='" + l.id() + "']/@";
            assertEquals(Snapshots.xpath(cib, xp + "rsc"), List.of(l.resource()));
            // node= directly, or (older crm_resource) a rule on #uname
            List<String> node = Snapshots.xpath(cib, xp + "node");
            if (node.isEmpty()) {
                node = Snapshots.xpath(cib, "//constraints/rsc_location[@id='" + l.id()
                        + "']/rule/expression[@attribute='#uname']/@value");
            }
            assertEquals(node, List.of(l.node()));
            assertTrue(vm.findings().stream().anyMatch(f -> f.message().contains(l.id())));
        }
    }

    /**
     * No corpus CIB holds DRBD's fencing constraint, so it is added the way DRBD adds it: the
     * constraint text of drbd-utils' crm-fence-peer.9.sh (fence_peer(), "double negation"), placed
     * with cibadmin -C as that script does, into a real CIB with a promotable DRBD clone.
     */
    @Test
    void drbdFencingConstraintLeftByTheHandlerIsFlagged(@TempDir Path dir) throws Exception {
        Path cib = dir.resolve("cib.xml");
        Files.copy(Corpus.path(PM), cib);
        String masterId = "msDRBD";
        String idPrefix = "drbd-fence-by-handler-r0";
        Snapshots.run(List.of("cibadmin", "-C", "-o", "constraints", "-X",
                "<rsc_location rsc=\"" + masterId + "\" id=\"" + idPrefix + "-" + masterId + "\">\n"
                        + "  <rule role=\"Promoted\" score=\"-INFINITY\" id=\"" + idPrefix + "-rule-" + masterId + "\">\n"
                        + "    <expression attribute=\"#uname\" operation=\"ne\" value=\"bl460g1n14\" id=\""
                        + idPrefix + "-expr-" + masterId + "\"/>\n  </rule>\n</rsc_location>"), cib.toString());

        OverviewViewModel vm = overviewOf(cib);
        LeftoverConstraint l = vm.leftovers().stream().filter(c -> c.id().startsWith("drbd-fence-by-handler-"))
                .findFirst().orElseThrow(() -> new AssertionError(vm.leftovers().toString()));
        assertEquals("drbd-fence-by-handler-r0-msDRBD", l.id());
        assertEquals("msDRBD", l.resource());
        assertEquals("only bl460g1n14", l.node());
        assertEquals("-INFINITY", l.score());
        assertTrue(l.origin().description().contains("DRBD"));
    }

    @Test
    void aNodeTheConsoleCannotReachIsCriticalEvenWhenCrmMonCallsItOnline() {
        OverviewViewModel vm = overviewOf(Corpus.path(PM));
        NodeCondition before = vm.nodes().get(0);
        assertTrue(before.node().online());
        assertFalse(before.unreachable());

        vm.unreachableProperty().set(Set.of(before.name()));
        NodeCondition after = vm.nodes().get(0);
        assertTrue(after.unreachable());
        assertTrue(after.state().startsWith("unreachable"), after.state());
        assertTrue(vm.findings().stream().anyMatch(f -> f.severity() == Severity.CRITICAL
                && f.message().equals("Node " + before.name() + " is " + after.state() + ".")), vm.findings().toString());

        vm.unreachableProperty().set(Set.of());
        assertFalse(vm.nodes().get(0).unreachable());
    }

    @Test
    void beforeAnyDataTheHealthIsUnknown() {
        OverviewViewModel vm = new OverviewViewModel();
        assertEquals(Health.UNKNOWN, vm.healthProperty().get());
        assertFalse(vm.hasDataProperty().get());
    }

    private static ClusterProperty property(OverviewViewModel vm, String name) {
        return vm.properties().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + vm.properties()));
    }
}
