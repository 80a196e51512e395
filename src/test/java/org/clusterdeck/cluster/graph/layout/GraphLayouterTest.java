package org.clusterdeck.cluster.graph.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.clusterdeck.cluster.graph.DependencyGraph;
import org.clusterdeck.cluster.graph.GraphEdge;
import org.clusterdeck.cluster.graph.GraphResource;
import org.junit.jupiter.api.Test;

/**
 * Geometry of the layout for the reference DHCP stack (design.md): a promotable DRBD clone, a
 * group of filesystem, address and DHCP server, colocated with and ordered after the promotion.
 */
class GraphLayouterTest {
    static final double EPS = 1.0;

    static DependencyGraph referenceStack() {
        return new DependencyGraph(
                List.of(new GraphResource("ms_drbd", "promotable", null, null),
                        new GraphResource("p_drbd", "primitive", "ocf:linbit:drbd", "ms_drbd"),
                        new GraphResource("g_dhcp", "group", null, null),
                        new GraphResource("p_fs", "primitive", "ocf:heartbeat:Filesystem", "g_dhcp"),
                        new GraphResource("p_vip", "primitive", "ocf:heartbeat:IPaddr2", "g_dhcp"),
                        new GraphResource("p_dhcpd", "primitive", "ocf:heartbeat:dhcpd", "g_dhcp"),
                        new GraphResource("st_fence", "primitive", "stonith:fence_lab", null)),
                List.of(),
                List.of(new GraphEdge("ms_drbd", "g_dhcp", "colocation", "c1", "INFINITY", "Promoted", null, null, null),
                        new GraphEdge("ms_drbd", "g_dhcp", "order", "o1", null, null, null, "promote", "start"),
                        new GraphEdge("p_fs", "p_vip", "order", "o2", null, null, null, null, null),
                        new GraphEdge("p_vip", "p_dhcpd", "order", "o3", null, null, null, null, null),
                        new GraphEdge("g_dhcp", "p_fs", "order", "inner", null, null, null, null, null),
                        new GraphEdge("nosuch", "p_fs", "order", "o4", null, null, null, null, null)),
                List.of());
    }

    @Test
    void everyResourceHasABoxAndContainersEncloseTheirMembers() {
        GraphLayout layout = new GraphLayouter().layout(referenceStack());
        assertEquals(7, layout.boxes().size());
        for (NodeBox b : layout.boxes()) {
            assertTrue(b.width() > 0 && b.height() > 0, b.toString());
            assertTrue(b.x() >= 0 && b.y() >= 0 && b.x() + b.width() <= layout.width() + EPS
                    && b.y() + b.height() <= layout.height() + EPS, "inside the drawing: " + b);
            String parent = b.resource().parent();
            if (parent != null) {
                NodeBox p = layout.box(parent).orElseThrow();
                assertTrue(p.container());
                assertTrue(contains(p, b), b.id() + " inside " + parent);
            }
        }
        assertTrue(layout.box("g_dhcp").orElseThrow().container());
        assertTrue(!layout.box("st_fence").orElseThrow().container());
    }

    @Test
    void siblingsDoNotOverlap() {
        GraphLayout layout = new GraphLayouter().layout(referenceStack());
        for (NodeBox a : layout.boxes()) {
            for (NodeBox b : layout.boxes()) {
                if (a != b && java.util.Objects.equals(a.resource().parent(), b.resource().parent())) {
                    assertTrue(!overlap(a, b), a.id() + " overlaps " + b.id());
                }
            }
        }
    }

    @Test
    void routesRunFromSourceBorderToTargetBorderAndDependenciesFlowDown() {
        GraphLayout layout = new GraphLayouter().layout(referenceStack());
        // unknown resource and container-to-own-member edges are not drawn; the group's
        // implicit member order (fs, vip, dhcpd) adds two drawn-only edges
        assertEquals(6, layout.routes().size());
        assertEquals(2, layout.routes().stream().filter(r -> r.edge().kind().equals(GraphLayouter.GROUP_ORDER)).count());
        for (EdgeRoute r : layout.routes()) {
            NodeBox from = layout.box(r.edge().from()).orElseThrow();
            NodeBox to = layout.box(r.edge().to()).orElseThrow();
            Point start = r.points().get(0);
            Point end = r.points().get(r.points().size() - 1);
            assertTrue(onBorder(from, start), r.edge().constraint() + " starts on " + from.id() + ": " + start);
            assertTrue(onBorder(to, end), r.edge().constraint() + " ends on " + to.id() + ": " + end);
            assertTrue(from.center().y() < to.center().y(), r.edge().constraint() + " flows downwards");
        }
    }

    @Test
    void groupMembersAppearInTheirStartOrder() {
        GraphLayout layout = new GraphLayouter().layout(referenceStack());
        double fs = layout.box("p_fs").orElseThrow().y();
        double vip = layout.box("p_vip").orElseThrow().y();
        double dhcpd = layout.box("p_dhcpd").orElseThrow().y();
        assertTrue(fs < vip && vip < dhcpd, "fs, vip, dhcpd from top to bottom: " + fs + ", " + vip + ", " + dhcpd);
        assertEquals(6, referenceStack().edges().size(), "the graph itself gains no edges");
    }

    static boolean contains(NodeBox outer, NodeBox inner) {
        return inner.x() >= outer.x() - EPS && inner.y() >= outer.y() - EPS
                && inner.x() + inner.width() <= outer.x() + outer.width() + EPS
                && inner.y() + inner.height() <= outer.y() + outer.height() + EPS;
    }

    static boolean overlap(NodeBox a, NodeBox b) {
        return a.x() < b.x() + b.width() - EPS && b.x() < a.x() + a.width() - EPS
                && a.y() < b.y() + b.height() - EPS && b.y() < a.y() + a.height() - EPS;
    }

    static boolean onBorder(NodeBox b, Point p) {
        boolean withinX = p.x() >= b.x() - EPS && p.x() <= b.x() + b.width() + EPS;
        boolean withinY = p.y() >= b.y() - EPS && p.y() <= b.y() + b.height() + EPS;
        boolean onVertical = Math.abs(p.x() - b.x()) <= EPS || Math.abs(p.x() - b.x() - b.width()) <= EPS;
        boolean onHorizontal = Math.abs(p.y() - b.y()) <= EPS || Math.abs(p.y() - b.y() - b.height()) <= EPS;
        return withinX && withinY && (onVertical || onHorizontal);
    }
}
