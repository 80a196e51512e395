package org.clusterdeck.ui.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.clusterdeck.app.offline.CibSnapshot;
import org.clusterdeck.cluster.graph.GraphEdge;
import org.clusterdeck.cluster.graph.layout.EdgeRoute;
import org.clusterdeck.cluster.graph.layout.GraphLayout;
import org.clusterdeck.cluster.graph.layout.NodeBox;
import org.clusterdeck.cluster.graph.layout.Point;
import org.clusterdeck.ui.action.ActionPlanViewModel.Phase;
import org.clusterdeck.ui.action.NewConstraintViewModel.Strength;
import org.clusterdeck.ui.action.NewConstraintViewModel.Type;
import org.clusterdeck.ui.graph.EdgeSketch;
import org.clusterdeck.ui.graph.GraphViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Constraints drawn into and removed from the dependency graph, on the lab's configuration run by
 * the real Pacemaker tools ({@link SimulatedCluster}): the graph's own layout and hit tests find
 * the boxes and edges, the dialogs are answered by the test, and the result is read from the CIB
 * file by XPath.
 */
class GraphConstraintActionsTest {
    @TempDir
    Path dir;

    private ActionFixture f;
    private GraphViewModel graph;

    @BeforeEach
    void cluster() throws Exception {
        f = new ActionFixture(dir);
        graph = new GraphViewModel(f.background, f.dialogs);
        CibSnapshot now = f.refresh();
        graph.update(now.status(), now.cib());
        f.ui.runUntil(() -> graph.layoutProperty().get() != null, ActionFixture.WAIT);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    /** Where a box can be grabbed on screen: a container by its title, since its middle is a member's box. */
    private Point onScreen(String id) {
        NodeBox b = graph.layoutProperty().get().box(id).orElseThrow();
        Point p = b.container() ? new Point(b.x() + 4, b.y() + 4) : b.center();
        return toView(p);
    }

    private Point toView(Point p) {
        double s = graph.scaleProperty().get();
        return new Point(p.x() * s + graph.offsetXProperty().get(), p.y() * s + graph.offsetYProperty().get());
    }

    @Test
    void anEdgeDrawnFromOneBoxToAnotherBecomesTheConstraintChosenInTheDialog() {
        GraphLayout before = graph.layoutProperty().get();
        EdgeSketch sketch = graph.edgeSketch();
        Point from = onScreen("g_dhcp");
        Point to = onScreen("st_node1");
        assertTrue(sketch.begin(from.x(), from.y()));
        sketch.moveTo(to.x(), to.y());
        EdgeSketch.Line line = sketch.lineProperty().get();
        assertEquals("g_dhcp", line.from());
        assertTrue(onBorder(before.box("g_dhcp").orElseThrow(), line.start()), "leaves the group at its border: " + line);
        assertTrue(onBorder(before.box("st_node1").orElseThrow(), line.end()), "ends on the target's border: " + line);
        assertEquals("st_node1", line.target(), "and marks the box it would link to");
        EdgeSketch.Link link = sketch.end(to.x(), to.y()).orElseThrow();
        assertNull(sketch.lineProperty().get());
        assertEquals(new EdgeSketch.Link("g_dhcp", "st_node1"), link);

        f.dialogs.constraintAnswers.add(draft -> {
            assertEquals("st_node1", draft.toProperty().get());
            assertEquals("col_st_node1_with_g_dhcp", draft.idProperty().get());
            draft.strengthProperty().set(Strength.APART);
            assertEquals("col_st_node1_apart_from_g_dhcp", draft.idProperty().get(), "the id follows the choice");
            return true;
        });
        f.dialogs.planAnswers.add(plan -> {
            f.until(plan, Phase.READY);
            assertTrue(plan.commandsProperty().get().startsWith("cibadmin --create --scope constraints"),
                    plan.commandsProperty().get());
            f.applyWhenReady(plan);
        });
        f.actions.addConstraint(link.from(), link.to());

        assertEquals(1, f.dialogs.plansShown.size());
        String c = "//constraints/rsc_colocation[@id='col_st_node1_apart_from_g_dhcp']";
        assertEquals(List.of("st_node1"), f.cib(c + "/@rsc"));
        assertEquals(List.of("g_dhcp"), f.cib(c + "/@with-rsc"));
        assertEquals(List.of("-INFINITY"), f.cib(c + "/@score"));
        assertEquals(List.of(), f.cib(c + "/@rsc-role | " + c + "/@with-rsc-role"), "no roles asked for, none written");
        assertEquals(before, graph.layoutProperty().get(), "drawing moved no box");

        // the same edge again: the id is taken now, so the new one gets a number
        f.refresh();
        f.dialogs.constraintAnswers.add(draft -> {
            draft.strengthProperty().set(Strength.APART);
            assertEquals("col_st_node1_apart_from_g_dhcp_2", draft.idProperty().get());
            return false;
        });
        f.actions.addConstraint("g_dhcp", "st_node1");
        assertEquals(1, f.dialogs.plansShown.size(), "a cancelled dialog plans nothing");
    }

    @Test
    void anEdgeDrawnToACloneInstanceNamesTheCloneWithItsPromotedRole() {
        EdgeSketch sketch = graph.edgeSketch();
        Point from = onScreen("g_dhcp");
        Point to = onScreen("p_drbd_r0");
        assertTrue(sketch.begin(from.x(), from.y()));
        EdgeSketch.Link link = sketch.end(to.x(), to.y()).orElseThrow();
        assertEquals("p_drbd_r0", link.to(), "the graph gives the box dropped on");
        f.dialogs.constraintAnswers.add(draft -> {
            assertEquals("ms_drbd_r0", draft.toProperty().get());
            assertFalse(draft.targets().contains("p_drbd_r0"), "an instance is never a choice");
            assertEquals("Promoted", draft.toRoleProperty().get());
            assertEquals("colocation col_ms_drbd_r0_with_g_dhcp: Promoted ms_drbd_r0 with g_dhcp (score INFINITY)",
                    draft.previewProperty().get());
            return false;
        });
        f.actions.addConstraint(link.from(), link.to());
        assertEquals(1, f.dialogs.constraintsShown.size());
    }

    @Test
    void droppedOnEmptySpaceOrOnItsOwnMemberTheEdgeIsCancelled() {
        EdgeSketch sketch = graph.edgeSketch();
        Point from = onScreen("g_dhcp");
        assertTrue(sketch.begin(from.x(), from.y()));
        sketch.moveTo(-500, -500);
        Point end = sketch.lineProperty().get().end();
        assertEquals(-500, end.x() * graph.scaleProperty().get() + graph.offsetXProperty().get(), 1e-6,
                "off every box the line ends at the pointer");
        assertNull(sketch.lineProperty().get().target());
        assertTrue(sketch.end(-500, -500).isEmpty());
        assertNull(sketch.lineProperty().get());

        assertTrue(sketch.begin(from.x(), from.y()));
        Point member = onScreen("p_vip");
        sketch.moveTo(member.x(), member.y());
        assertNull(sketch.lineProperty().get().target(), "a group's own member is no target");
        assertTrue(sketch.end(member.x(), member.y()).isEmpty());

        assertFalse(sketch.begin(-500, -500), "nothing to draw from outside every box");
    }

    @Test
    void anOrderFromTheMenuTakesItsTargetInTheDialogAndThePromotedRoleByDefault() {
        f.actions.selectResource("ms_drbd_r0");
        f.dialogs.constraintAnswers.add(draft -> {
            assertNull(draft.toProperty().get());
            assertFalse(draft.validProperty().get(), "no target yet");
            assertFalse(draft.targets().contains("ms_drbd_r0"));
            draft.toProperty().set("st_node1");
            draft.typeProperty().set(Type.ORDER);
            assertEquals("promote", draft.firstActionProperty().get(), "a promotable clone is ordered by its promotion");
            assertEquals("start", draft.thenActionProperty().get());
            draft.kindProperty().set("Optional");
            assertTrue(draft.validProperty().get(), draft.problemProperty().get());
            return true;
        });
        f.dialogs.planAnswers.add(f::applyWhenReady);
        f.actions.addConstraintFromSelected();

        String o = "//constraints/rsc_order[@id='ord_ms_drbd_r0_then_st_node1']";
        assertEquals(List.of("ms_drbd_r0"), f.cib(o + "/@first"));
        assertEquals(List.of("promote"), f.cib(o + "/@first-action"));
        assertEquals(List.of("st_node1"), f.cib(o + "/@then"));
        assertEquals(List.of("start"), f.cib(o + "/@then-action"));
        assertEquals(List.of("Optional"), f.cib(o + "/@kind"));
    }

    @Test
    void aBadIdTypedInTheDialogCannotBeAccepted() {
        f.actions.selectResource("g_dhcp");
        f.dialogs.constraintAnswers.add(draft -> {
            draft.toProperty().set("st_node2");
            draft.idProperty().set("x$(touch /tmp/pwned)");
            assertFalse(draft.validProperty().get());
            assertTrue(draft.problemProperty().get().contains("constraint id"), draft.problemProperty().get());
            draft.idProperty().set("ord_drbd_promote_before_dhcp");
            assertFalse(draft.validProperty().get(), "an id in use");
            return true;
        });
        f.actions.addConstraintFromSelected();
        assertEquals(List.of(), f.dialogs.plansShown, "an invalid choice is never planned");
    }

    @Test
    void aRightClickOnAConstraintsEdgeRemovesThatConstraint() {
        EdgeRoute colocation = graph.layoutProperty().get().routes().stream()
                .filter(r -> r.edge().constraint().equals("col_dhcp_with_drbd_promoted")).findFirst().orElseThrow();
        Point on = toView(longestSegmentMiddle(colocation.points()));
        GraphEdge hit = graph.edgeAt(on.x(), on.y()).orElseThrow();
        assertEquals("col_dhcp_with_drbd_promoted", hit.constraint(), String.valueOf(graph.layoutProperty().get().routes()));
        assertTrue(graph.edgeAt(-500, -500).isEmpty());

        f.dialogs.planAnswers.add(plan -> {
            f.until(plan, Phase.READY);
            assertTrue(plan.commandsProperty().get().startsWith("cibadmin --delete"), plan.commandsProperty().get());
            f.applyWhenReady(plan);
        });
        f.actions.removeConstraint(hit.constraint());

        assertEquals(List.of(), f.cib("//constraints/*[@id='col_dhcp_with_drbd_promoted']/@id"));
        assertEquals(List.of("ord_drbd_promote_before_dhcp"), f.cib("//constraints/rsc_order/@id"), "only that one");
    }

    private static boolean onBorder(NodeBox b, Point p) {
        double e = 1e-6;
        boolean withinX = p.x() >= b.x() - e && p.x() <= b.x() + b.width() + e;
        boolean withinY = p.y() >= b.y() - e && p.y() <= b.y() + b.height() + e;
        boolean onVertical = Math.abs(p.x() - b.x()) < e || Math.abs(p.x() - b.x() - b.width()) < e;
        boolean onHorizontal = Math.abs(p.y() - b.y()) < e || Math.abs(p.y() - b.y() - b.height()) < e;
        return withinX && withinY && (onVertical || onHorizontal);
    }

    /** The middle of a route's longest leg: the easiest place to hit it. */
    static Point longestSegmentMiddle(List<Point> pts) {
        Point a = pts.get(0);
        Point b = pts.get(1);
        for (int i = 1; i < pts.size(); i++) {
            Point p = pts.get(i - 1);
            Point q = pts.get(i);
            if (Math.hypot(q.x() - p.x(), q.y() - p.y()) > Math.hypot(b.x() - a.x(), b.y() - a.y())) {
                a = p;
                b = q;
            }
        }
        return new Point((a.x() + b.x()) / 2, (a.y() + b.y()) / 2);
    }
}
