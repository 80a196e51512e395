package org.clusterdeck.cluster.options;

import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.cluster.FormatException;
import org.clusterdeck.cluster.xml.Elements;
import org.clusterdeck.cluster.xml.SafeXml;
import org.w3c.dom.Element;

/**
 * Reads a daemon's OCF-style metadata ({@code <resource-agent><parameters><parameter name>}
 * with {@code shortdesc}, {@code longdesc} and {@code content type default}, {@code option} for
 * selects), the format Pacemaker's daemons print for {@code metadata}.
 */
public final class ClusterOptionParser {
    private ClusterOptionParser() {
    }

    public static List<ClusterOption> parse(String xml, String daemon, String source) {
        Element root = SafeXml.parse(xml, source).getDocumentElement();
        if (!"resource-agent".equals(root.getTagName())) {
            throw new FormatException(source, "expected <resource-agent>, found <" + root.getTagName() + ">");
        }
        Element parameters = Elements.child(root, "parameters")
                .orElseThrow(() -> new FormatException(source, "<resource-agent> has no <parameters>"));
        List<ClusterOption> out = new ArrayList<>();
        for (Element p : Elements.children(parameters, "parameter")) {
            String name = Elements.attr(p, "name");
            if (name == null) {
                throw new FormatException(source, Elements.path(p) + " has no name");
            }
            Element content = Elements.child(p, "content").orElse(null);
            List<String> values = new ArrayList<>();
            if (content != null) {
                Elements.children(content, "option").stream().map(o -> Elements.attr(o, "value"))
                        .filter(v -> v != null).forEach(values::add);
            }
            out.add(new ClusterOption(name, daemon, text(p, "shortdesc"), text(p, "longdesc"),
                    content == null ? null : Elements.attr(content, "type"),
                    content == null ? null : Elements.attr(content, "default"), values));
        }
        return out;
    }

    private static String text(Element parent, String name) {
        return Elements.child(parent, name).map(e -> e.getTextContent().strip()).orElse(null);
    }
}
