package org.clusterdeck.cluster.agents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.FormatException;
import org.clusterdeck.cluster.PacemakerBoolean;
import org.clusterdeck.cluster.xml.Elements;
import org.clusterdeck.cluster.xml.SafeXml;
import org.w3c.dom.Element;

/**
 * Reads OCF-style metadata: {@code <resource-agent>} with {@code <parameters>} and {@code
 * <actions>}, as resource agents ({@code crm_resource --show-metadata}), fence agents ({@code
 * stonith_admin --metadata}) and Pacemaker's daemons ({@code metadata}) print it. Each source marks
 * deprecation its own way: OCF 1.1 a {@code <deprecated>} element (with {@code <replaced-with>}),
 * fence agents {@code deprecated="1"} on the old parameter and {@code obsoletes="old"} on the new.
 */
public final class AgentMetadataParser {
    /** Pacemaker before 2.1 marked expert options in their short description. */
    private static final String ADVANCED_MARK = "*** Advanced Use Only ***";

    private AgentMetadataParser() {
    }

    /** An agent's metadata; {@code agent} is what was asked for (null for a daemon's). */
    public static AgentMetadata parse(String xml, AgentName agent, String source) {
        Element root = SafeXml.parseNamingDtd(xml, source).getDocumentElement();
        if (!"resource-agent".equals(root.getTagName())) {
            throw new FormatException(source, "expected <resource-agent>, found <" + root.getTagName() + ">");
        }
        Element parameters = Elements.child(root, "parameters")
                .orElseThrow(() -> new FormatException(source, "<resource-agent> has no <parameters>"));
        List<Element> elements = Elements.children(parameters, "parameter");
        // fence agents name the old parameter on the new one
        Map<String, String> replacements = new HashMap<>();
        for (Element p : elements) {
            String obsoletes = Elements.attr(p, "obsoletes");
            if (obsoletes != null && Elements.attr(p, "name") != null) {
                replacements.put(obsoletes, Elements.attr(p, "name"));
            }
        }
        List<AgentParameter> out = new ArrayList<>();
        for (Element p : elements) {
            out.add(parameter(p, replacements, source));
        }
        List<AgentAction> actions = new ArrayList<>();
        Elements.child(root, "actions").ifPresent(a -> Elements.children(a, "action").forEach(e -> {
            String name = Elements.attr(e, "name");
            if (name == null) {
                throw new FormatException(source, Elements.path(e) + " has no name");
            }
            actions.add(new AgentAction(name, Elements.attr(e, "timeout"), Elements.attr(e, "interval"),
                    Elements.attr(e, "role"), Elements.attr(e, "depth")));
        }));
        String version = Elements.child(root, "version").map(e -> e.getTextContent().strip())
                .orElse(Elements.attr(root, "version"));
        // fence agents give their short description as an attribute
        String shortDescription = description(root, "shortdesc");
        return new AgentMetadata(agent, version, shortDescription != null ? shortDescription
                : Elements.attr(root, "shortdesc"), description(root, "longdesc"), out, actions);
    }

    private static AgentParameter parameter(Element p, Map<String, String> replacements, String source) {
        String name = Elements.attr(p, "name");
        if (name == null || name.isBlank()) {
            throw new FormatException(source, Elements.path(p) + " has no name");
        }
        Element content = Elements.child(p, "content").orElse(null);
        List<String> options = new ArrayList<>();
        if (content != null) {
            Elements.children(content, "option").stream().map(o -> Elements.attr(o, "value"))
                    .filter(v -> v != null).forEach(options::add);
        }
        Element deprecation = Elements.child(p, "deprecated").orElse(null);
        String replacedBy = deprecation == null ? null : Elements.child(deprecation, "replaced-with")
                .map(r -> Elements.attr(r, "name")).orElse(null);
        if (replacedBy == null) {
            replacedBy = replacements.get(name);
        }
        String shortDescription = description(p, "shortdesc");
        boolean deprecated = deprecation != null || flag(p, "deprecated") || replacements.containsKey(name);
        // fence agents keep required="1" on the old name beside the new one: only one of the two is needed
        boolean required = flag(p, "required") && !(deprecated && replacedBy != null);
        return new AgentParameter(name, content == null ? null : Elements.attr(content, "type"), options,
                required, flag(p, "unique"), Elements.attr(p, "unique-group"), flag(p, "reloadable"),
                content == null ? null : Elements.attr(content, "default"), shortDescription, description(p, "longdesc"),
                deprecated, replacedBy,
                flag(p, "advanced") || shortDescription != null && shortDescription.contains(ADVANCED_MARK));
    }

    private static boolean flag(Element e, String name) {
        return PacemakerBoolean.isTrue(Elements.attr(e, name));
    }

    /** The English text where several languages are given, else the first; whitespace as written, trimmed. */
    private static String description(Element parent, String tag) {
        List<Element> all = Elements.children(parent, tag);
        return all.stream().filter(e -> "en".equals(Elements.attr(e, "lang"))).findFirst()
                .or(() -> all.stream().findFirst()).map(e -> e.getTextContent().strip()).orElse(null);
    }
}
