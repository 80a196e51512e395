package org.clusterdeck.cluster.cib;

import org.clusterdeck.cluster.Roles;
import static org.clusterdeck.cluster.xml.Elements.attr;
import static org.clusterdeck.cluster.xml.Elements.child;
import static org.clusterdeck.cluster.xml.Elements.children;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clusterdeck.cluster.FormatException;
import org.clusterdeck.cluster.PacemakerBoolean;
import org.clusterdeck.cluster.xml.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads a CIB ({@code cibadmin -Q}, a CIB file) of any schema from pacemaker-1.0 to 3.x: the
 * attribute names used here are the same across those schemas, old role words are normalized.
 * Elements and attributes it does not know are ignored. {@code id-ref} forms (nvpair, nvsets,
 * operations, rules, resource sets) are resolved to the referenced element's content; an
 * unresolvable reference keeps its {@code idRef} with empty content.
 */
public final class CibParser {
    /** id-ref chains longer than this are treated as unresolvable (a loop, or a hostile file). */
    private static final int MAX_REF_DEPTH = 8;
    private static final Set<String> CONTAINER_TYPES = Set.of("docker", "podman", "rkt");

    private final String source;
    private final Map<String, Element> byId = new HashMap<>();
    private final Map<String, ResourceTemplate> templates = new LinkedHashMap<>();

    private CibParser(String source) {
        this.source = source;
    }

    public static Cib parse(String xml, String source) {
        return new CibParser(source).read(SafeXml.parse(xml, source));
    }

    /**
     * Only the version of a {@code <cib>} element, which may come without children
     * ({@code cibadmin --query --xpath /cib --no-children}): a cheap check whether the CIB changed.
     */
    public static CibVersion version(String xml, String source) {
        Element root = SafeXml.parse(xml, source).getDocumentElement();
        if (!root.getTagName().equals("cib")) {
            throw new FormatException(source, "root element is <" + root.getTagName() + ">, expected <cib>");
        }
        return new CibParser(source).version(root);
    }

    private CibVersion version(Element root) {
        return new CibVersion(number(root, "admin_epoch"), number(root, "epoch"), number(root, "num_updates"));
    }

    private Cib read(Document doc) {
        Element root = doc.getDocumentElement();
        if (!root.getTagName().equals("cib")) {
            throw new FormatException(source, "root element is <" + root.getTagName() + ">, expected <cib>");
        }
        Element config = child(root, "configuration").orElseThrow(
                () -> new FormatException(source, "<cib> has no <configuration> element"));
        indexIds(root);
        CibVersion version = version(root);

        Optional<Element> resources = child(config, "resources");
        resources.ifPresent(r -> children(r, "template").forEach(t -> templates.put(attr(t, "id"), template(t))));

        return new Cib(version,
                attr(root, "validate-with"),
                attr(root, "have-quorum"),
                attr(root, "dc-uuid"),
                attr(root, "cib-last-written"),
                child(config, "crm_config").map(c -> nvsets(c, "cluster_property_set")).orElse(List.of()),
                child(config, "nodes").map(this::nodes).orElse(List.of()),
                resources.map(this::topLevelResources).orElse(List.of()),
                List.copyOf(templates.values()),
                child(config, "rsc_defaults").map(c -> nvsets(c, "meta_attributes")).orElse(List.of()),
                child(config, "op_defaults").map(c -> nvsets(c, "meta_attributes")).orElse(List.of()),
                child(config, "tags").map(this::tags).orElse(List.of()),
                child(config, "constraints").map(this::constraints).orElse(List.of()),
                child(root, "status").map(this::nodeStates).orElse(List.of()));
    }

    private long number(Element e, String name) {
        String v = attr(e, name);
        if (v == null) {
            return 0; // Pacemaker reads a missing version field as 0 too
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException ex) {
            throw new FormatException(source, "<cib " + name + "=\"" + v + "\">: not a number");
        }
    }

    private void indexIds(Element root) {
        NodeList all = root.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String id = attr(e, "id");
            if (id != null && !e.hasAttribute("id-ref")) {
                byId.putIfAbsent(id, e);
            }
        }
    }

    /** The element an {@code id-ref} points to (followed through chains), or the element itself. */
    private Element resolve(Element e) {
        Element cur = e;
        for (int depth = 0; depth < MAX_REF_DEPTH; depth++) {
            String ref = attr(cur, "id-ref");
            if (ref == null) {
                return cur;
            }
            Element target = byId.get(ref);
            if (target == null) {
                return cur;
            }
            cur = target;
        }
        return e;
    }

    // ---- name/value blocks and rules ----

    private List<NvSet> nvsets(Element parent, String tag) {
        return children(parent, tag).stream().map(this::nvset).toList();
    }

    private NvSet nvset(Element written) {
        Element e = resolve(written);
        List<NvPair> pairs = new ArrayList<>();
        for (Element p : children(e, "nvpair")) {
            Element target = resolve(p);
            pairs.add(new NvPair(attr(p, "id"), attr(target, "name"), attr(target, "value"), attr(p, "id-ref")));
        }
        return new NvSet(attr(written, "id"), attr(written, "id-ref"), attr(e, "score"),
                children(e, "rule").stream().map(this::rule).toList(), pairs);
    }

    private Rule rule(Element written) {
        Element e = resolve(written);
        List<RuleExpression> expressions = new ArrayList<>();
        List<Rule> nested = new ArrayList<>();
        for (Element c : children(e)) {
            if (c.getTagName().equals("rule")) {
                nested.add(rule(c));
            } else {
                expressions.add(expression(c));
            }
        }
        return new Rule(attr(written, "id"), attr(written, "id-ref"), attr(e, "score"), attr(e, "score-attribute"),
                attr(e, "boolean-op"), Roles.normalize(attr(e, "role")), expressions, nested);
    }

    private RuleExpression expression(Element e) {
        return new RuleExpression(e.getTagName(), attributes(e),
                children(e).stream().map(this::expression).toList());
    }

    private static Map<String, String> attributes(Element e) {
        Map<String, String> out = new LinkedHashMap<>();
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Node a = attrs.item(i);
            out.put(a.getNodeName(), a.getNodeValue());
        }
        return out;
    }

    // ---- nodes, tags, status ----

    private List<CibNode> nodes(Element nodes) {
        return children(nodes, "node").stream()
                .map(n -> new CibNode(attr(n, "id"), attr(n, "uname"), attr(n, "type"),
                        nvsets(n, "instance_attributes"), nvsets(n, "utilization")))
                .toList();
    }

    private List<CibTag> tags(Element tags) {
        return children(tags, "tag").stream()
                .map(t -> new CibTag(attr(t, "id"),
                        children(t, "obj_ref").stream().map(r -> attr(r, "id")).toList()))
                .toList();
    }

    private List<NodeState> nodeStates(Element status) {
        return children(status, "node_state").stream()
                .map(s -> new NodeState(attr(s, "id"), attr(s, "uname"), attr(s, "in_ccm"), attr(s, "crmd"),
                        attr(s, "join"), attr(s, "expected")))
                .toList();
    }

    // ---- resources ----

    private List<CibResource> topLevelResources(Element resources) {
        List<CibResource> out = new ArrayList<>();
        for (Element e : children(resources)) {
            resource(e).ifPresent(out::add);
        }
        return out;
    }

    private Optional<CibResource> resource(Element e) {
        return switch (e.getTagName()) {
            case "primitive" -> Optional.of(primitive(e));
            case "group" -> Optional.of(group(e));
            case "clone" -> Optional.of(clone(e, false));
            case "master" -> Optional.of(clone(e, true));
            case "bundle" -> Optional.of(bundle(e));
            default -> Optional.empty(); // template (read separately) or a future kind
        };
    }

    private Primitive primitive(Element e) {
        String templateId = attr(e, "template");
        ResourceTemplate t = templateId == null ? null : templates.get(templateId);
        String cls = attr(e, "class");
        String provider = attr(e, "provider");
        String type = attr(e, "type");
        if (t != null && cls == null && type == null) {
            cls = t.resourceClass();
            provider = t.provider();
            type = t.type();
        }
        return new Primitive(attr(e, "id"), cls, provider, type, templateId,
                nvsets(e, "instance_attributes"), nvsets(e, "meta_attributes"), nvsets(e, "utilization"),
                operations(e));
    }

    private ResourceTemplate template(Element e) {
        return new ResourceTemplate(attr(e, "id"), attr(e, "class"), attr(e, "provider"), attr(e, "type"),
                nvsets(e, "instance_attributes"), nvsets(e, "meta_attributes"), operations(e));
    }

    private List<Operation> operations(Element resource) {
        List<Operation> out = new ArrayList<>();
        for (Element ops : children(resource, "operations")) {
            for (Element op : children(resolve(ops), "op")) {
                Element o = resolve(op);
                out.add(new Operation(attr(op, "id", "id-ref"), attr(o, "name"), attr(o, "interval"),
                        Roles.normalize(attr(o, "role")), attributes(o),
                        nvsets(o, "meta_attributes"), nvsets(o, "instance_attributes")));
            }
        }
        return out;
    }

    private Group group(Element e) {
        return new Group(attr(e, "id"), nvsets(e, "meta_attributes"), nvsets(e, "instance_attributes"),
                children(e, "primitive").stream().map(this::primitive).toList());
    }

    private Clone clone(Element e, boolean legacyMaster) {
        List<NvSet> meta = nvsets(e, "meta_attributes");
        CibResource child = null;
        for (Element c : children(e)) {
            if (c.getTagName().equals("primitive") || c.getTagName().equals("group")) {
                child = resource(c).orElseThrow();
                break;
            }
        }
        return new Clone(attr(e, "id"), legacyMaster || promotable(meta), legacyMaster, meta,
                nvsets(e, "instance_attributes"), child);
    }

    /** Pacemaker reads {@code promotable} with crm_is_true() from the clone's unpacked meta attributes. */
    private static boolean promotable(List<NvSet> meta) {
        String v = NvSet.unconditionalValue(meta, "promotable");
        return PacemakerBoolean.isTrue(v);
    }

    private Bundle bundle(Element e) {
        String containerType = null;
        Map<String, String> container = Map.of();
        for (Element c : children(e)) {
            if (CONTAINER_TYPES.contains(c.getTagName())) {
                containerType = c.getTagName();
                container = attributes(c);
                break;
            }
        }
        Primitive inner = child(e, "primitive").map(this::primitive).orElse(null);
        return new Bundle(attr(e, "id"), containerType, container, nvsets(e, "meta_attributes"), inner);
    }

    // ---- constraints ----

    private List<Constraint> constraints(Element constraints) {
        List<Constraint> out = new ArrayList<>();
        for (Element c : children(constraints)) {
            switch (c.getTagName()) {
                case "rsc_location" -> out.add(location(c));
                case "rsc_colocation" -> out.add(colocation(c));
                case "rsc_order" -> out.add(order(c));
                case "rsc_ticket" -> out.add(ticket(c));
                default -> {
                    // a constraint type from a newer schema: not ours to judge
                }
            }
        }
        return out;
    }

    private LocationConstraint location(Element e) {
        return new LocationConstraint(attr(e, "id"), attr(e, "rsc"), attr(e, "rsc-pattern"), attr(e, "node"),
                attr(e, "score"), Roles.normalize(attr(e, "role")), attr(e, "resource-discovery"),
                children(e, "rule").stream().map(this::rule).toList(), sets(e));
    }

    private ColocationConstraint colocation(Element e) {
        return new ColocationConstraint(attr(e, "id"), attr(e, "rsc"), attr(e, "with-rsc"),
                Roles.normalize(attr(e, "rsc-role")), Roles.normalize(attr(e, "with-rsc-role")),
                attr(e, "score"), attr(e, "node-attribute"), attr(e, "influence"), sets(e));
    }

    private OrderConstraint order(Element e) {
        return new OrderConstraint(attr(e, "id"), attr(e, "first"), attr(e, "then"), attr(e, "first-action"),
                attr(e, "then-action"), attr(e, "kind"), attr(e, "score"), bool(e, "symmetrical"),
                bool(e, "require-all"), sets(e));
    }

    private TicketConstraint ticket(Element e) {
        return new TicketConstraint(attr(e, "id"), attr(e, "ticket"), attr(e, "rsc"),
                Roles.normalize(attr(e, "rsc-role")), attr(e, "loss-policy"), sets(e));
    }

    private List<ResourceSet> sets(Element constraint) {
        List<ResourceSet> out = new ArrayList<>();
        for (Element written : children(constraint, "resource_set")) {
            Element s = resolve(written);
            out.add(new ResourceSet(attr(written, "id"), attr(written, "id-ref"), bool(s, "sequential"),
                    bool(s, "require-all"), attr(s, "ordering"), Roles.normalize(attr(s, "role")),
                    attr(s, "action"), attr(s, "score"), attr(s, "kind"),
                    children(s, "resource_ref").stream().map(r -> attr(r, "id")).toList()));
        }
        return out;
    }

    /** A boolean attribute as Pacemaker's crm_str_to_boolean() reads it; null when absent or not a boolean. */
    private static Boolean bool(Element e, String name) {
        return PacemakerBoolean.parse(attr(e, name));
    }
}
