package org.clusterdeck.cluster.graph.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clusterdeck.cluster.graph.DependencyGraph;
import org.clusterdeck.cluster.graph.GraphEdge;
import org.clusterdeck.cluster.graph.GraphResource;
import org.eclipse.elk.alg.layered.options.CrossingMinimizationStrategy;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays out a dependency graph top to bottom with ELK's layered algorithm: dependencies flow
 * downwards, groups, clones and bundles enclose their members, edges are routed orthogonally.
 *
 * <p>Small graphs are laid out as one hierarchy, so an edge to a group member ends on the member.
 * Routing across container borders costs ELK several times more, so in large graphs (and in graphs
 * with many top-level boxes, see {@link #MANY_TOP_LEVEL}) each container's inside is laid out on its own
 * and an edge between members of different containers
 * is drawn between the outermost boxes that separate them (those of the ends' common ancestor).
 */
public final class GraphLayouter {
    static {
        // Outside Eclipse there is no plugin registry: the layered algorithm registers by hand.
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    /** Above this many resources, cheaper crossing minimization keeps layout interactive. */
    private static final int LARGE_GRAPH = 300;
    /**
     * ELK packs unconnected parts of the graph into rows only when it lays out each container on
     * its own; as one hierarchy it puts them all side by side, so 250 unrelated resources became
     * a strip 45,000 px wide. Graphs with this many top-level boxes are therefore laid out like
     * large ones.
     */
    private static final int MANY_TOP_LEVEL = 40;

    public GraphLayout layout(DependencyGraph graph) {
        ElkNode root = ElkGraphUtil.createGraph();
        boolean large = graph.resources().size() > LARGE_GRAPH;
        long topLevel = graph.resources().stream().filter(r -> r.parent() == null).count();
        boolean separate = large || topLevel > MANY_TOP_LEVEL;
        configure(root, large, separate);

        Map<String, GraphResource> byId = new LinkedHashMap<>();
        graph.resources().forEach(r -> byId.putIfAbsent(r.id(), r));
        Set<String> containers = new HashSet<>();
        for (GraphResource r : byId.values()) {
            if (r.parent() != null && byId.containsKey(r.parent())) {
                containers.add(r.parent());
            }
        }
        Map<String, ElkNode> nodes = new HashMap<>();
        for (GraphResource r : byId.values()) {
            createNode(r, byId, containers, nodes, root, new HashSet<>());
        }

        List<ElkEdge> elkEdges = new ArrayList<>();
        List<GraphEdge> drawn = new ArrayList<>();
        for (GraphEdge e : withGroupOrder(graph.edges(), byId)) {
            ElkNode from = nodes.get(e.from());
            ElkNode to = nodes.get(e.to());
            if (from == null || to == null || from == to || isAncestor(from, to) || isAncestor(to, from)) {
                continue;
            }
            if (separate) {
                ElkNode[] siblings = siblingsUnderCommonAncestor(from, to);
                from = siblings[0];
                to = siblings[1];
            }
            elkEdges.add(ElkGraphUtil.createSimpleEdge(from, to));
            drawn.add(e);
        }

        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        List<NodeBox> boxes = new ArrayList<>();
        for (GraphResource r : byId.values()) {
            ElkNode n = nodes.get(r.id());
            Point origin = absolute(n.getParent());
            boxes.add(new NodeBox(r, origin.x() + n.getX(), origin.y() + n.getY(), n.getWidth(), n.getHeight(),
                    containers.contains(r.id())));
        }
        List<EdgeRoute> routes = new ArrayList<>();
        for (int i = 0; i < elkEdges.size(); i++) {
            routes.add(new EdgeRoute(drawn.get(i), points(elkEdges.get(i))));
        }
        return new GraphLayout(root.getWidth(), root.getHeight(), boxes, routes);
    }

    private static void configure(ElkNode root, boolean large, boolean separate) {
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        root.setProperty(CoreOptions.HIERARCHY_HANDLING,
                separate ? HierarchyHandling.SEPARATE_CHILDREN : HierarchyHandling.INCLUDE_CHILDREN);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 24.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 36.0);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(16));
        if (large) {
            root.setProperty(LayeredOptions.THOROUGHNESS, 1);
            root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.BRANDES_KOEPF);
            root.setProperty(LayeredOptions.CROSSING_MINIMIZATION_STRATEGY, CrossingMinimizationStrategy.LAYER_SWEEP);
        }
    }

    private static ElkNode createNode(GraphResource r, Map<String, GraphResource> byId, Set<String> containers,
            Map<String, ElkNode> nodes, ElkNode root, Set<String> visiting) {
        ElkNode existing = nodes.get(r.id());
        if (existing != null) {
            return existing;
        }
        ElkNode parent = root;
        GraphResource p = r.parent() == null ? null : byId.get(r.parent());
        // A parent chain that loops back is malformed input; the resource is then drawn at top level.
        if (p != null && visiting.add(r.id())) {
            parent = createNode(p, byId, containers, nodes, root, visiting);
        }
        ElkNode n = ElkGraphUtil.createNode(parent);
        n.setIdentifier(r.id());
        if (containers.contains(r.id())) {
            n.setProperty(CoreOptions.PADDING, new ElkPadding(BoxSizes.CONTAINER_TITLE + BoxSizes.PAD,
                    BoxSizes.PAD, BoxSizes.PAD, BoxSizes.PAD));
            n.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new org.eclipse.elk.core.math.KVector(
                    BoxSizes.width(r), BoxSizes.CONTAINER_TITLE + 2 * BoxSizes.PAD));
            n.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS,
                    java.util.EnumSet.of(org.eclipse.elk.core.options.SizeConstraint.MINIMUM_SIZE));
        } else {
            n.setWidth(BoxSizes.width(r));
            n.setHeight(BoxSizes.height(r));
        }
        nodes.put(r.id(), n);
        return n;
    }

    /** Kind of the drawn-only edges that show a group's implicit order and colocation of its members. */
    public static final String GROUP_ORDER = "group-order";

    /**
     * A group starts its members in listed order, each colocated with the one before, without any
     * constraint saying so; the drawing shows that chain so members appear in their real order.
     */
    private static List<GraphEdge> withGroupOrder(List<GraphEdge> edges, Map<String, GraphResource> byId) {
        List<GraphEdge> all = new ArrayList<>();
        Map<String, String> lastMember = new HashMap<>();
        for (GraphResource r : byId.values()) {
            GraphResource parent = r.parent() == null ? null : byId.get(r.parent());
            if (parent != null && "group".equals(parent.kind())) {
                String prev = lastMember.put(parent.id(), r.id());
                if (prev != null) {
                    all.add(new GraphEdge(prev, r.id(), GROUP_ORDER, parent.id(), null, null, null, null, null));
                }
            }
        }
        all.addAll(edges);
        return all;
    }

    /** The ancestors-or-selves of both ends that share a parent: the boxes an edge must join. */
    private static ElkNode[] siblingsUnderCommonAncestor(ElkNode from, ElkNode to) {
        List<ElkNode> fromChain = chain(from);
        List<ElkNode> toChain = chain(to);
        int i = 0;
        while (i < fromChain.size() - 1 && i < toChain.size() - 1 && fromChain.get(i) == toChain.get(i)) {
            i++;
        }
        return new ElkNode[] {fromChain.get(i), toChain.get(i)};
    }

    /** The path from the root's child down to the node. */
    private static List<ElkNode> chain(ElkNode node) {
        List<ElkNode> path = new ArrayList<>();
        for (ElkNode n = node; n.getParent() != null; n = n.getParent()) {
            path.add(0, n);
        }
        return path;
    }

    private static boolean isAncestor(ElkNode candidate, ElkNode node) {
        for (ElkNode p = node.getParent(); p != null; p = p.getParent()) {
            if (p == candidate) {
                return true;
            }
        }
        return false;
    }

    /** ELK gives node positions relative to the parent node; this sums them up to the root. */
    private static Point absolute(ElkNode node) {
        double x = 0;
        double y = 0;
        for (ElkNode n = node; n != null && n.getParent() != null; n = n.getParent()) {
            x += n.getX();
            y += n.getY();
        }
        return new Point(x, y);
    }

    /** Edge sections are relative to the node that contains the edge (the ends' common ancestor). */
    private static List<Point> points(ElkEdge edge) {
        Point origin = absolute(edge.getContainingNode());
        List<Point> pts = new ArrayList<>();
        for (ElkEdgeSection s : edge.getSections()) {
            pts.add(new Point(origin.x() + s.getStartX(), origin.y() + s.getStartY()));
            for (ElkBendPoint b : s.getBendPoints()) {
                pts.add(new Point(origin.x() + b.getX(), origin.y() + b.getY()));
            }
            pts.add(new Point(origin.x() + s.getEndX(), origin.y() + s.getEndY()));
        }
        return pts;
    }
}
