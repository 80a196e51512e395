package org.clusterdeck.cluster.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.cib.CibParser;
import org.junit.jupiter.api.Test;

/**
 * Edges of real constraints from Pacemaker's scheduler regression CIBs. Each expectation is
 * derived by hand from Pacemaker_Explained "Resource Sets" (constraints.rst) and the scheduler
 * source that implements it (pcmk_sched_ordering.c unpack_order_set()/order_rsc_sets(),
 * pcmk_sched_colocation.c unpack_colocation_set()/colocate_rsc_sets()); the reasoning is in each
 * test. Edges are written "from>to".
 */
class GraphEdgesTest {

    private static DependencyGraph graph(String file) {
        return GraphBuilder.build(CibParser.parse(Corpus.read("pacemaker/cib/" + file), file));
    }

    private static List<String> edges(DependencyGraph g, String constraint) {
        return g.edges().stream().filter(e -> e.constraint().equals(constraint))
                .map(e -> e.from() + ">" + e.to()).toList();
    }

    private static List<GraphEdge> edgeList(DependencyGraph g, String constraint) {
        return g.edges().stream().filter(e -> e.constraint().equals(constraint)).toList();
    }

    @Test
    void plainOrderAndColocationWithRolesAndActions() {
        DependencyGraph g = graph("bug-5143-ms-shuffle.xml");
        // rsc_colocation rsc=r0-group with-rsc=ms-r0 with-rsc-role=Promoted: with-rsc → rsc,
        // fromRole = with-rsc-role, toRole = rsc-role (absent).
        assertEquals(List.of(new GraphEdge("ms-r0", "r0-group", "colocation", "colo-r0", "INFINITY",
                "Promoted", null, null, null)), edgeList(g, "colo-r0"));
        // rsc_order first=ms-r0 first-action=promote then=r0-group then-action=start: first → then.
        GraphEdge order = edgeList(g, "order-r0").get(0);
        assertEquals("ms-r0>r0-group", order.from() + ">" + order.to());
        assertEquals("promote", order.fromAction());
        assertEquals("start", order.toAction());
        assertEquals(new OrderDetail("Mandatory", true, "promote", "start"), order.order());
        // kind=Optional is kept in the detail; not mandatory.
        GraphEdge optional = edgeList(g, "order-dummy3").get(0);
        assertEquals("Optional", optional.order().kind());
        assertFalse(optional.isMandatory());
        // -INFINITY colocation: an anti edge dummy4 → dummy3.
        GraphEdge anti = edgeList(g, "colo-dummy3-versus-dummy4").get(0);
        assertEquals("dummy4>dummy3", anti.from() + ">" + anti.to());
        assertTrue(anti.isAnti());
        assertEquals(List.of("dummy3", "dummy4"),
                g.constraints().stream().filter(c -> c.id().equals("colo-dummy3-versus-dummy4")).findFirst()
                        .orElseThrow().resources());
    }

    @Test
    void plainOrderWithoutActionsKeepsNullsButKnowsTheDefaults() {
        // order-dummy4: first=fs-xfs-1 then=dummy4, no actions: JSON actions null, effective start/start.
        GraphEdge e = edgeList(graph("bug-5143-ms-shuffle.xml"), "order-dummy4").get(0);
        assertEquals(null, e.fromAction());
        assertEquals(null, e.toAction());
        assertEquals(new OrderDetail("Mandatory", true, "start", "start"), e.order());
    }

    @Test
    void oneSequentialSetChainsFirstToLast() {
        DependencyGraph g = graph("order-sets.xml");
        // Ordered set A B C D (sequential=true) = A then B then C then D.
        assertEquals(List.of("world1>world2", "world2>world3", "world3>world4"), edges(g, "order-1"));
        // Colocated set A B C D: "A is placed before B ... B is colocated with A", so A → B → C → D.
        assertEquals(List.of("world1>world2", "world2>world3", "world3>world4"), edges(g, "coloc-1"));
        assertTrue(edgeList(g, "coloc-1").stream().allMatch(e -> "INFINITY".equals(e.score())));
    }

    @Test
    void colocationSetWithoutSequentialAttributeIsSequential() {
        // dummy-set: no sequential attribute; default true (unpack_colocation_set returns early only
        // for an explicit false), so dummy0 → dummy1 → dummy2 → dummy3.
        assertEquals(List.of("dummy0>dummy1", "dummy1>dummy2", "dummy2>dummy3"),
                edges(graph("coloc-intra-set.xml"), "dummy-set"));
    }

    @Test
    void twoSequentialSets() {
        DependencyGraph g = graph("rsc-sets-seq-true.xml");
        // Colocation sets (4 5 6)(1 2 3), both sequential: within each 4→5→6 and 1→2→3; between,
        // "multiple sets are placed last to first": the first set's FIRST member (rsc4) is
        // colocated with the second set's LAST member (rsc3) -> rsc3 → rsc4.
        assertEquals(List.of("rsc4>rsc5", "rsc5>rsc6", "rsc1>rsc2", "rsc2>rsc3", "rsc3>rsc4"),
                edges(g, "coloc-1"));
        // Order sets (1 2 3)(4 5 6), both sequential="true": 1→2→3, 4→5→6, and between them the
        // last of set 1 before the first of set 2: rsc3 → rsc4.
        assertEquals(List.of("rsc1>rsc2", "rsc2>rsc3", "rsc4>rsc5", "rsc5>rsc6", "rsc3>rsc4"),
                edges(g, "order-1"));
    }

    @Test
    void orderedSetFollowedByUnorderedSet() {
        // Order sets (1 2 3 sequential=true)(4 5 6 sequential=false): 1→2→3 inside set 1, nothing
        // inside set 2; between: last of the sequential set 1 (rsc3) before every member of set 2.
        assertEquals(List.of("rsc1>rsc2", "rsc2>rsc3", "rsc3>rsc4", "rsc3>rsc5", "rsc3>rsc6"),
                edges(graph("rsc-sets-seq-false.xml"), "order-1"));
    }

    @Test
    void unorderedColocationSetDependsOnTheSetAfterIt() {
        DependencyGraph g = graph("rsc-sets-clone.xml");
        // Colocation sets (rsc1 rsc2 rsc3 sequential=false)(clone-rsc): like the documented "shared
        // dependency" example, each of rsc1..3 is colocated with clone-rsc and not with each other.
        assertEquals(List.of("clone-rsc>rsc1", "clone-rsc>rsc2", "clone-rsc>rsc3"), edges(g, "coloc-1"));
        // Order sets (clone-rsc)(rsc1 rsc2 rsc3 sequential=false): clone-rsc before each of them.
        assertEquals(List.of("clone-rsc>rsc1", "clone-rsc>rsc2", "clone-rsc>rsc3"), edges(g, "order-1"));
    }

    @Test
    void requireAllFalseOrdersEveryMemberBeforeTheNextSet() {
        // Sets (A)(B C sequential=false require-all=false)(D): A before B and C; B and C unordered;
        // set 2 has require-all=false, so order_rsc_sets() orders every member of it (through a
        // one-or-more pseudo action) before every member of set 3: B → D and C → D.
        DependencyGraph g = graph("one-or-more-0.xml");
        assertEquals(List.of("A>B", "A>C", "B>D", "C>D"), edges(g, "order-1"));
    }

    @Test
    void serializeSetOrdersEveryPairAndIsNeverSymmetrical() {
        // kind=Serialize symmetrical=true, one set of 7: unpack_order_set() orders each member
        // before every later member regardless of sequential; symmetrical is ignored for Serialize.
        List<GraphEdge> e = edgeList(graph("order-serialize-set.xml"), "serialize-xen");
        assertEquals(21, e.size());
        assertEquals("db>dbreplica", e.get(0).from() + ">" + e.get(0).to());
        assertEquals("edge>base", e.get(20).from() + ">" + e.get(20).to());
        assertTrue(e.stream().allMatch(x -> x.order().kind().equals("Serialize") && !x.order().symmetrical()));
    }

    @Test
    void negativeScoreSetAntiColocatesEveryPair() {
        // only-one, score -INFINITY, set (dummy1 dummy2 dummy4 dummy3): "anti-colocating with
        // every prior resource": each member depends on all members before it.
        List<String> e = edges(graph("bug-lf-2435.xml"), "only-one");
        assertEquals(List.of("dummy1>dummy2", "dummy1>dummy4", "dummy2>dummy4", "dummy1>dummy3",
                "dummy2>dummy3", "dummy4>dummy3"), e);
    }

    @Test
    void listedOrderingReversesColocationButNotOrder() {
        DependencyGraph g = graph("ordered-set-natural.xml");
        // Colocation set with the deprecated ordering="listed": each member is colocated with the
        // NEXT one, so the edges point backwards through the list.
        assertEquals(List.of("dummy3-2>dummy3-1", "dummy3-3>dummy3-2", "dummy3-4>dummy3-3", "dummy3-5>dummy3-4"),
                edges(g, "pcs_rsc_colocation_dummy3-1_dummy3-2_dummy3-3_dummy3-4_dummy3-5"));
        // Ordering sets ignore "ordering": listed order 5 4 3 2 1.
        assertEquals(List.of("dummy3-5>dummy3-4", "dummy3-4>dummy3-3", "dummy3-3>dummy3-2", "dummy3-2>dummy3-1"),
                edges(g, "pcs_rsc_order_dummy3-1_dummy3-2_dummy3-3_dummy3-4_dummy3-5"));
    }

    @Test
    void tagsInPlainConstraintsBecomeUnorderedSets() {
        // tag1 = rsc2 rsc3 rsc4. colocation rsc=tag1 with-rsc=rsc1: the tag becomes a set with
        // sequential=false (pcmk__tag_to_set), so every tagged resource is colocated with rsc1.
        DependencyGraph g = graph("tags-coloc-order-1.xml");
        assertEquals(List.of("rsc1>rsc2", "rsc1>rsc3", "rsc1>rsc4"), edges(g, "tag1-colo-rsc1"));
        assertEquals(List.of("rsc1>rsc2", "rsc1>rsc3", "rsc1>rsc4"), edges(g, "rsc1-before-tag1"));
        GraphConstraint c = g.constraints().stream().filter(x -> x.id().equals("tag1-colo-rsc1")).findFirst()
                .orElseThrow();
        assertEquals(List.of("rsc2", "rsc3", "rsc4", "rsc1"), c.resources());
    }

    @Test
    void templateInsideSequentialSetsExpandsInPlace() {
        // template1 is used by rsc1 rsc2 rsc3 (in that document order).
        DependencyGraph g = graph("template-rsc-sets-3.xml");
        // Colocation sets (rsc5)(template1 sequential=true)(rsc4): set 2 expands in place to
        // rsc1 rsc2 rsc3 -> 1→2→3; set1-set2: first of set 1 (rsc5) with last of set 2 (rsc3);
        // set2-set3: first of set 2 (rsc1) with last of set 3 (rsc4).
        assertEquals(List.of("rsc1>rsc2", "rsc2>rsc3", "rsc3>rsc5", "rsc4>rsc1"), edges(g, "template1-colo"));
        // Order sets (rsc4)(template1 sequential=true)(rsc5): 1→2→3 inside; set 1 has no
        // sequential attribute, so between sets it counts as not sequential (all of it, = rsc4)
        // before the first of the explicitly sequential set 2 (rsc1); last of set 2 (rsc3) before rsc5.
        assertEquals(List.of("rsc1>rsc2", "rsc2>rsc3", "rsc4>rsc1", "rsc3>rsc5"), edges(g, "template1-order"));
    }

    @Test
    void templateColocationWithRole() {
        // rsc=template1 with-rsc=rsc4 with-rsc-role=Started: template members rsc1..3 each follow rsc4,
        // fromRole is the with-rsc-role as written.
        List<GraphEdge> e = edgeList(graph("template-coloc-1.xml"), "template1-colo-rsc4");
        assertEquals(List.of("rsc4>rsc1", "rsc4>rsc2", "rsc4>rsc3"), e.stream().map(x -> x.from() + ">" + x.to())
                .toList());
        assertTrue(e.stream().allMatch(x -> "Started".equals(x.fromRole()) && x.toRole() == null));
    }

    @Test
    void twoTemplatesCannotBeColocated() {
        DependencyGraph g = graph("template-coloc-3.xml");
        assertEquals(List.of(), edges(g, "template1-colo-template2"));
        assertTrue(g.warnings().stream().anyMatch(w -> w.contains("template1-colo-template2")));
    }

    @Test
    void locationAndTicketConstraintsAreListedWithoutEdges() {
        DependencyGraph g = graph("ticket-rsc-sets-1.xml");
        assertTrue(g.constraints().stream().anyMatch(c -> c.kind().equals("ticket") && !c.resources().isEmpty()));
        assertTrue(g.edges().stream().noneMatch(e -> g.constraints().stream()
                .anyMatch(c -> c.id().equals(e.constraint()) && (c.kind().equals("ticket")
                        || c.kind().equals("location")))));
    }
}
