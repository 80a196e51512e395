package org.clusterdeck.cluster.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.cluster.status.PacemakerResultError;
import org.clusterdeck.cluster.status.Resource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Events between real states: a corpus CIB read by crm_mon, and the state crm_simulate computes
 * after carrying out the transition, also read by crm_mon. The events must tell what
 * crm_simulate's own "Transition Summary" says it did.
 */
class StatusChangesCorpusTest {
    private static final Instant T = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir
    Path tmp;

    /** Every 6th CIB by name: a fixed sample across the whole corpus, well under a minute to run. */
    static Stream<String> sample() {
        List<Path> all = Corpus.files("pacemaker/cib", ".xml");
        return IntStream.range(0, all.size()).filter(i -> i % 6 == 0)
                .mapToObj(i -> all.get(i).getFileName().toString().replace(".xml", ""));
    }

    /** Every 12th CIB, offset from {@link #sample()}, for the node-failure runs. */
    static Stream<String> nodeFailSample() {
        List<Path> all = Corpus.files("pacemaker/cib", ".xml");
        return IntStream.range(0, all.size()).filter(i -> i % 12 == 3)
                .mapToObj(i -> all.get(i).getFileName().toString().replace(".xml", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sample")
    void simulatedTransitionGivesTheEventsOfItsSummary(String name) throws Exception {
        Simulation sim = Simulation.run(Corpus.path("pacemaker/cib/" + name + ".xml"), tmp.resolve("out.xml"), "-S");
        Assumptions.assumeTrue(sim.exitCode() == 0, "crm_simulate itself failed on " + name);
        List<ClusterEvent> events = StatusChanges.between(sim.before(), sim.after(), T);
        assertAgree(sim, events, name);
        assertTrue(events.stream().noneMatch(e -> e.type() == EventType.RESOURCE_FAILED),
                "a simulated transition where every action succeeds fails nothing: " + events);
    }

    /**
     * A node fails (crm_simulate {@code --node-fail}, nothing carried out yet), then the cluster
     * reacts ({@code -S} on that state): the first step loses the node, the second does what its
     * transition summary says.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("nodeFailSample")
    void failedNodeIsLostAndItsResourcesGoWhereTheSummarySays(String name) throws Exception {
        Path cib = Corpus.path("pacemaker/cib/" + name + ".xml");
        ClusterStatus start = readable(cib, name);
        String victim = start.nodes().stream().filter(StatusChanges::up).filter(n -> "member".equals(n.type()))
                .map(n -> n.name()).findFirst().orElse(null);
        Assumptions.assumeTrue(victim != null, name + " has no online cluster member");
        Simulation failing = Simulation.run(cib, tmp.resolve("failed.xml"), "--node-fail", victim);
        Assumptions.assumeTrue(failing.exitCode() == 0, "crm_simulate itself failed on " + name);
        Assumptions.assumeFalse(failing.after().nodes().stream()
                        .anyMatch(n -> n.name().equals(victim) && StatusChanges.up(n)),
                "--node-fail does not take on this CIB's stack (" + start.summary().stack() + ")");
        List<ClusterEvent> lost = StatusChanges.between(start, failing.after(), T);
        assertTrue(lost.stream().anyMatch(e -> e.type() == EventType.NODE_LOST && victim.equals(e.node())
                && e.severity() == Severity.CRITICAL), victim + " lost in " + lost);

        Simulation sim = Simulation.run(tmp.resolve("failed.xml"), tmp.resolve("out.xml"), "-S");
        Assumptions.assumeTrue(sim.exitCode() == 0, "crm_simulate itself failed on " + name);
        assertAgree(sim, StatusChanges.between(sim.before(), sim.after(), T), name);
    }

    private static ClusterStatus readable(Path cib, String name) throws Exception {
        try {
            return Simulation.read(cib);
        } catch (PacemakerResultError e) {
            Assumptions.abort("crm_mon cannot read " + name + ": " + e.getMessage());
            throw e;
        }
    }

    /** Node-level changes per resource, counted; what is lost and regained on one node cancels out. */
    private record Tally(List<String> gained, List<String> lost, List<String> promoted, List<String> demoted) {
        Tally() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        Map<String, List<String>> net() {
            return Map.of("gained", sorted(Placement.without(gained, lost)),
                    "lost", sorted(Placement.without(lost, gained)),
                    "promoted", sorted(Placement.without(promoted, demoted)),
                    "demoted", sorted(Placement.without(demoted, promoted)));
        }

        private static List<String> sorted(List<String> l) {
            return l.stream().sorted().toList();
        }
    }

    private static List<String> placementsOf(ClusterStatus s, String id) {
        return Placement.byResource(s).getOrDefault(id, List.of()).stream().map(Placement::node).toList();
    }

    private static boolean wasOn(ClusterStatus s, String id, String node) {
        return placementsOf(s, id).contains(node);
    }

    /**
     * A copy that crm_mon already showed as not active (on a remote or guest node whose connection
     * was lost) is not there to stop: stopping or moving it away changes nothing visible.
     */
    private static void lose(Tally expected, ClusterStatus before, String id, String node) {
        if (wasOn(before, id, node)) {
            expected.lost().add(id + "@" + node);
        }
    }

    private static void assertAgree(Simulation sim, List<ClusterEvent> events, String name) {
        // crm_simulate records the recurring monitor of a moved primitive on its old node too (its
        // own "Revised Cluster Status" shows it on both, e.g. remote-partial-migrate2): no cluster state
        Assumptions.assumeFalse(sim.after().resources().stream().anyMatch(r -> r.parent() == null
                        && r.nodes().size() > 1 && placementsOf(sim.before(), r.id()).size() < 2),
                "crm_simulate left a moved primitive on two nodes in " + name);
        Set<String> ids = Stream.concat(sim.before().resources().stream(), sim.after().resources().stream())
                .map(Resource::id).collect(Collectors.toSet());
        Tally expected = new Tally();
        List<String> recovered = new ArrayList<>();
        List<String> fenced = new ArrayList<>();
        for (Simulation.Action a : sim.summary()) {
            if (a.blocked()) {
                continue;
            }
            String id = a.id() == null || ids.contains(a.id()) ? a.id() : StatusChanges.withoutInstance(a.id());
            switch (a.verb()) {
                case "Start" -> expected.gained().add(id + "@" + a.toNode());
                case "Stop" -> lose(expected, sim.before(), id, a.fromNode());
                case "Move", "Migrate" -> {
                    lose(expected, sim.before(), id, a.fromNode());
                    expected.gained().add(id + "@" + a.toNode());
                }
                case "Recover" -> {
                    if (!a.fromNode().equals(a.toNode())) {
                        lose(expected, sim.before(), id, a.fromNode());
                        expected.gained().add(id + "@" + a.toNode());
                    } else if (!wasOn(sim.before(), id, a.toNode())) {
                        // crm_mon did not show it there (its guest node was down): recovery starts it
                        expected.gained().add(id + "@" + a.toNode());
                    } else {
                        recovered.add(id);
                    }
                    if (id.equals(a.id())) {
                        // not a clone instance: recovering a multiply active resource stops the other copies
                        placementsOf(sim.before(), id).stream().filter(n -> !n.equals(a.toNode()) && !n.equals(a.fromNode()))
                                .forEach(n -> expected.lost().add(id + "@" + n));
                    }
                }
                case "Promote" -> ("Stopped".equals(a.fromRole()) ? expected.gained() : expected.promoted())
                        .add(id + "@" + a.toNode());
                case "Demote" -> ("Stopped".equals(a.toRole()) ? expected.lost() : expected.demoted())
                        .add(id + "@" + a.fromNode());
                case "Fence" -> {
                    if (!"on".equals(a.toRole())) {
                        fenced.add(a.toNode());
                    }
                }
                default -> {
                    // Restart, Reload, Re-promote: the resource ends where and as it was
                }
            }
        }
        // fencing stops whatever ran on the node, whether or not the summary lists a Stop for it
        for (String node : fenced) {
            List<String> there = new ArrayList<>();
            Placement.byResource(sim.before()).forEach((id, ps) -> ps.stream().filter(p -> p.node().equals(node))
                    .forEach(p -> there.add(id + "@" + node)));
            expected.lost().addAll(Placement.without(there, expected.lost()));
        }
        Tally actual = new Tally();
        for (ClusterEvent e : events) {
            switch (e.type()) {
                case RESOURCE_STARTED -> actual.gained().add(e.resource() + "@" + e.node());
                case RESOURCE_STOPPED -> actual.lost().add(e.resource() + "@" + e.node());
                case RESOURCE_MOVED -> {
                    actual.lost().add(e.resource() + "@" + e.from());
                    actual.gained().add(e.resource() + "@" + e.to());
                }
                case RESOURCE_PROMOTED -> actual.promoted().add(e.resource() + "@" + e.node());
                case RESOURCE_DEMOTED -> actual.demoted().add(e.resource() + "@" + e.node());
                default -> {
                }
            }
        }
        String context = name + "\nsummary: " + sim.summary() + "\nevents: " + events;
        assertEquals(new TreeMap<>(expected.net()), new TreeMap<>(actual.net()), context);
        for (String id : recovered) {
            assertTrue(events.stream().anyMatch(e -> e.type() == EventType.RESOURCE_RECOVERED
                    && id.equals(e.resource())), id + " recovered; " + context);
        }
        for (String node : fenced) {
            boolean wasUp = sim.before().nodes().stream().anyMatch(n -> n.name().equals(node) && StatusChanges.up(n));
            if (wasUp) {
                assertTrue(events.stream().anyMatch(e -> e.type() == EventType.NODE_LOST && node.equals(e.node())),
                        node + " fenced; " + context);
            }
        }
        // a primitive is one placement: crm_simulate's Move of it is exactly one moved event
        for (Simulation.Action a : sim.summary()) {
            if (!a.blocked() && a.verb().equals("Move") && ids.contains(a.id()) && !a.id().contains(":")) {
                assertTrue(events.stream().anyMatch(e -> e.type() == EventType.RESOURCE_MOVED
                        && a.id().equals(e.resource()) && a.fromNode().equals(e.from()) && a.toNode().equals(e.to())),
                        a + "; " + context);
            }
        }
    }
}
