package org.clusterdeck.cluster.status;

import org.clusterdeck.cluster.Roles;
import static org.clusterdeck.cluster.xml.Elements.attr;
import static org.clusterdeck.cluster.xml.Elements.bool;
import static org.clusterdeck.cluster.xml.Elements.child;
import static org.clusterdeck.cluster.xml.Elements.children;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clusterdeck.cluster.FormatException;
import org.clusterdeck.cluster.command.PacemakerExitCode;
import org.clusterdeck.cluster.status.Summary.OutputFormat;
import org.clusterdeck.cluster.xml.Elements;
import org.clusterdeck.cluster.xml.SafeXml;
import org.w3c.dom.Element;

/**
 * Reads crm_mon's XML in both flavours: {@code <pacemaker-result>} ({@code --output-as=xml},
 * schemas {@code xml/api/crm_mon-2.*.rng}) and legacy {@code <crm_mon>} ({@code --as-xml},
 * {@code xml/crm_mon.rng}). Both share the element names below the root; they differ in role
 * words (Master/Slave), a few renamed attributes and how errors are reported. Elements and
 * attributes this class does not know are ignored: every Pacemaker release adds some. Output that
 * cannot give a whole status is refused: crm_mon's {@code --group-by-node} layout and output
 * without {@code <nodes>}.
 */
public final class CrmMonParser {
    /** What the schemas allow in a resource list (resources-*.rng, element-resource-list). */
    private static final Set<String> RESOURCE_ELEMENTS = Set.of("resource", "group", "clone", "bundle");

    private CrmMonParser() {
    }

    /**
     * @param source names where the text came from (a file, or node and command) for messages
     * @throws PacemakerResultError when crm_mon reported an error instead of a status
     * @throws FormatException      when the text is not crm_mon XML
     */
    public static ClusterStatus parse(String xml, String source) {
        Element root = SafeXml.parse(xml, source).getDocumentElement();
        OutputFormat format = switch (root.getTagName()) {
            case "pacemaker-result" -> OutputFormat.PACEMAKER_RESULT;
            case "crm_mon" -> OutputFormat.LEGACY;
            default -> throw new FormatException(source, "not crm_mon XML: root element is <" + root.getTagName()
                    + ">, expected <pacemaker-result> (crm_mon --output-as=xml) or <crm_mon> (crm_mon --as-xml)");
        };
        List<String> errors = new ArrayList<>();
        int code = 0;
        Optional<Element> status = child(root, "status");
        if (status.isPresent()) {
            code = parseCode(status.get(), source);
            child(status.get(), "errors").ifPresent(e -> children(e, "error")
                    .forEach(err -> errors.add(err.getTextContent().trim())));
            if (code != 0) {
                throw new PacemakerResultError(source, code, errors, "crm_mon failed with "
                        + PacemakerExitCode.describe(code) + describeErrors(errors));
            }
        }
        Optional<Element> disconnected = child(root, "crm-mon-disconnected");
        if (disconnected.isPresent()) {
            String why = attr(disconnected.get(), "description");
            errors.add(why == null ? "crm_mon is not connected to the cluster" : why);
            throw new PacemakerResultError(source, PacemakerExitCode.DISCONNECT.code(), errors,
                    "crm_mon is not connected to the cluster" + describeErrors(errors));
        }
        Optional<Element> summary = child(root, "summary");
        if (summary.isEmpty()) {
            // crm_mon 2.1 exits 0 and prints only <errors> when it cannot read the CIB; the legacy
            // flavour prints an empty <crm_mon/> and says why on stderr.
            throw new PacemakerResultError(source, code, errors,
                    "crm_mon printed no cluster status (no <summary> element)" + describeErrors(errors));
        }
        Optional<Element> nodes = child(root, "nodes");
        if (nodes.isEmpty()) {
            // Not an error of crm_mon: it was told to leave the section out, and a status without
            // its nodes would read as a cluster that has none.
            throw new FormatException(source, "crm_mon output without a <nodes> section (crm_mon --exclude=nodes, "
                    + "or an --include without nodes): a status needs its nodes; save crm_mon's output without "
                    + "--exclude=nodes");
        }
        String formatVersion = attr(root, "api-version", "version");
        return new ClusterStatus(
                summary(summary.get(), format, formatVersion),
                nodes(nodes.get(), child(root, "node_attributes"), source),
                resources(child(root, "resources"), source),
                failures(child(root, "failures"), source),
                bans(child(root, "bans")),
                fenceHistory(child(root, "fence_history")),
                tickets(child(root, "tickets")),
                errors);
    }

    /**
     * The resources of a {@code <resources>} element in crm_mon's format, which other tools print
     * too (crm_simulate's current and revised status).
     */
    public static List<Resource> resourcesIn(Element resources, String source) {
        return resources(Optional.of(resources), source);
    }

    /** The nodes of a {@code <nodes>} element in crm_mon's format, without node attributes. */
    public static List<ClusterNode> nodesIn(Element nodes, String source) {
        return nodes(nodes, Optional.empty(), source);
    }

    private static int parseCode(Element status, String source) {
        String code = attr(status, "code");
        try {
            return code == null ? 0 : Integer.parseInt(code.trim());
        } catch (NumberFormatException e) {
            throw new FormatException(source, Elements.path(status) + ": code \"" + code + "\" is not a number");
        }
    }

    private static String describeErrors(List<String> errors) {
        return errors.isEmpty() ? "" : ": " + String.join("; ", errors);
    }

    private static Summary summary(Element s, OutputFormat format, String formatVersion) {
        Optional<Element> dc = child(s, "current_dc");
        Optional<Element> change = child(s, "last_change");
        Optional<Element> res = child(s, "resources_configured");
        return new Summary(format, formatVersion,
                child(s, "stack").map(e -> attr(e, "type")).orElse(null),
                dc.map(e -> bool(e, "present", false)).orElse(false),
                dc.map(e -> attr(e, "name")).orElse(null),
                dc.map(e -> attr(e, "id")).orElse(null),
                dc.map(e -> attr(e, "version")).orElse(null),
                dc.map(e -> optionalBool(e, "with_quorum")).orElse(null),
                child(s, "last_update").map(e -> attr(e, "time")).orElse(null),
                change.map(e -> attr(e, "time")).orElse(null),
                change.map(e -> attr(e, "user")).orElse(null),
                change.map(e -> attr(e, "client")).orElse(null),
                change.map(e -> attr(e, "origin")).orElse(null),
                child(s, "nodes_configured").map(e -> integer(attr(e, "number"))).orElse(null),
                res.map(e -> integer(attr(e, "number"))).orElse(null),
                res.map(e -> integer(attr(e, "disabled"))).orElse(null),
                res.map(e -> integer(attr(e, "blocked"))).orElse(null),
                child(s, "cluster_options").map(CrmMonParser::options)
                        .orElse(new ClusterOptions(null, null, null, null, null)));
    }

    private static ClusterOptions options(Element o) {
        // Pacemaker 3.0.2 renamed stonith-enabled and prints both for a while; the new name wins.
        return new ClusterOptions(
                optionalBool(o, "fencing-enabled", "stonith-enabled"),
                optionalBool(o, "symmetric-cluster"),
                attr(o, "no-quorum-policy"),
                optionalBool(o, "maintenance-mode"),
                optionalBool(o, "stop-all-resources"));
    }

    private static List<ClusterNode> nodes(Element nodes, Optional<Element> nodeAttributes, String source) {
        Map<String, Map<String, String>> attributes = new HashMap<>();
        nodeAttributes.ifPresent(na -> children(na, "node").forEach(n -> {
            Map<String, String> values = attributes.computeIfAbsent(required(n, "name", source), k -> new HashMap<>());
            children(n, "attribute").forEach(a -> values.put(required(a, "name", source),
                    attr(a, "value") == null ? "" : attr(a, "value"))); }));
        List<ClusterNode> out = new ArrayList<>();
        for (Element n : children(nodes, "node")) {
            String name = required(n, "name", source);
            refuseResourcesGroupedByNode(n, name, source);
            out.add(new ClusterNode(name, attr(n, "id"),
                    bool(n, "online", false), bool(n, "standby", false), bool(n, "standby_onfail", false),
                    bool(n, "maintenance", false), bool(n, "pending", false), bool(n, "unclean", false),
                    bool(n, "shutdown", false), bool(n, "expected_up", false), bool(n, "is_dc", false),
                    Optional.ofNullable(integer(attr(n, "resources_running"))).orElse(0),
                    attr(n, "type"), attributes.getOrDefault(name, Map.of())));
        }
        return out;
    }

    /**
     * {@code crm_mon --group-by-node} prints each primitive active on a node inside that
     * {@code <node>} as a bare {@code <resource>}, without the group, clone or bundle it belongs to,
     * and leaves every fully active top-level resource out of {@code <resources>}: Pacemaker 2.1 and
     * 3.0 in both XML flavours (lib/pengine/pe_output.c, node_xml and resource_list), and 1.1's
     * {@code --as-xml} (tools/crm_mon.c, print_xml_status). No attribute names the parent, so such
     * a file is refused rather than read into a status with wrong parents or missing resources.
     * Group-by-node output of a cluster with nothing active has empty nodes: it is the plain layout.
     */
    private static void refuseResourcesGroupedByNode(Element node, String name, String source) {
        for (Element e : children(node)) {
            if (RESOURCE_ELEMENTS.contains(e.getTagName())) {
                throw new FormatException(source, "crm_mon --group-by-node output: <node name=\"" + name
                        + "\"> lists the resources active there (" + Elements.path(e) + ") without the group, "
                        + "clone or bundle each belongs to, and crm_mon leaves fully active resources out of "
                        + "<resources>, so their parents cannot be known; save crm_mon's output without "
                        + "--group-by-node");
            }
        }
    }

    private static List<Resource> resources(Optional<Element> resources, String source) {
        List<Resource> out = new ArrayList<>();
        resources.ifPresent(r -> collect(r, null, out, source));
        return out;
    }

    /** Walks groups, clones and bundles; {@code parent} is the nearest enclosing one's id. */
    private static void collect(Element container, String parent, List<Resource> out, String source) {
        for (Element e : children(container)) {
            switch (e.getTagName()) {
                case "resource" -> out.add(resource(e, parent, source));
                case "group", "clone", "bundle" -> collect(e, required(e, "id", source), out, source);
                // A replica only numbers the bundle's instances; its resources belong to the bundle.
                case "replica" -> collect(e, parent, out, source);
                default -> {
                    // Newer crm_mon versions may add elements here; they carry no resource we know.
                }
            }
        }
    }

    private static Resource resource(Element r, String parent, String source) {
        List<String> nodes = new ArrayList<>();
        for (Element n : children(r, "node")) {
            nodes.add(required(n, "name", source));
        }
        return new Resource(required(r, "id", source), attr(r, "resource_agent"),
                Roles.normalize(attr(r, "role")), Roles.normalize(attr(r, "target_role")),
                bool(r, "active", false),
                bool(r, "orphaned", false) || bool(r, "removed", false),
                bool(r, "blocked", false), bool(r, "managed", true), bool(r, "failed", false),
                bool(r, "failure_ignored", false), nodes, parent);
    }

    private static List<Failure> failures(Optional<Element> failures, String source) {
        List<Failure> out = new ArrayList<>();
        failures.ifPresent(f -> children(f, "failure").forEach(e -> out.add(failure(e, source))));
        return out;
    }

    private static Failure failure(Element f, String source) {
        // Before Pacemaker 1.1.6 the history had no operation key and crm_mon prints the id instead.
        String key = attr(f, "op_key", "id");
        if (key == null) {
            throw new FormatException(source, Elements.path(f) + ": failure has neither op_key nor id");
        }
        OperationKey op = OperationKey.parse(key, attr(f, "task")).orElseThrow(() -> new FormatException(source,
                Elements.path(f) + ": operation key \"" + key + "\" is not RESOURCE_TASK_INTERVAL"));
        String reason = attr(f, "exitreason");
        // crm_mon writes the word "none" when the agent gave no reason.
        if (reason != null && (reason.isBlank() || reason.equals("none"))) {
            reason = null;
        }
        Long interval = longValue(attr(f, "interval"));
        return new Failure(op.resource(), attr(f, "node"), op.task(), reason,
                attr(f, "exitstatus"), integer(attr(f, "exitcode")), attr(f, "call"), attr(f, "status"),
                attr(f, "last-rc-change"), interval == null ? op.intervalMs() : interval, key);
    }

    private static List<Ban> bans(Optional<Element> bans) {
        List<Ban> out = new ArrayList<>();
        bans.ifPresent(b -> children(b, "ban").forEach(e -> out.add(new Ban(attr(e, "id"), attr(e, "resource"),
                attr(e, "node"), integer(attr(e, "weight")),
                Boolean.TRUE.equals(optionalBool(e, "promoted-only", "master_only"))))));
        return out;
    }

    private static List<FenceEvent> fenceHistory(Optional<Element> history) {
        List<FenceEvent> out = new ArrayList<>();
        history.ifPresent(h -> children(h, "fence_event").forEach(e -> out.add(new FenceEvent(
                attr(e, "target"), attr(e, "action"), attr(e, "status"), attr(e, "delegate"), attr(e, "client"),
                attr(e, "origin"), attr(e, "completed"), attr(e, "exit-reason"), attr(e, "extended-status")))));
        return out;
    }

    private static List<Ticket> tickets(Optional<Element> tickets) {
        List<Ticket> out = new ArrayList<>();
        tickets.ifPresent(t -> children(t, "ticket").forEach(e -> out.add(new Ticket(attr(e, "id"),
                attr(e, "status"), bool(e, "standby", false), attr(e, "last-granted")))));
        return out;
    }

    private static String required(Element e, String name, String source) {
        String v = attr(e, name);
        if (v == null || v.isEmpty()) {
            throw new FormatException(source, Elements.path(e) + ": required attribute '" + name + "' is missing");
        }
        return v;
    }

    /** Null when absent: "not reported" (older crm_mon) must stay distinguishable from false. */
    private static Boolean optionalBool(Element e, String... names) {
        for (String n : names) {
            if (e.hasAttribute(n)) {
                return bool(e, n, false);
            }
        }
        return null;
    }

    private static Integer integer(String v) {
        Long l = longValue(v);
        return l == null || l != l.intValue() ? null : l.intValue();
    }

    private static Long longValue(String v) {
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
