package org.clusterdeck.cluster.simulate;

import static org.clusterdeck.cluster.xml.Elements.attr;
import static org.clusterdeck.cluster.xml.Elements.bool;
import static org.clusterdeck.cluster.xml.Elements.child;
import static org.clusterdeck.cluster.xml.Elements.children;

import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.cluster.FormatException;
import org.clusterdeck.cluster.Roles;
import org.clusterdeck.cluster.command.PacemakerExitCode;
import org.clusterdeck.cluster.status.CrmMonParser;
import org.clusterdeck.cluster.status.Resource;
import org.clusterdeck.cluster.xml.Elements;
import org.clusterdeck.cluster.xml.SafeXml;
import org.w3c.dom.Element;

/**
 * Reads {@code crm_simulate --simulate --output-as=xml} (schema {@code crm_simulate-*.rng},
 * Pacemaker 2.1 and later): the transition summary ({@code <actions>}) and the revised status.
 * The output of a staged prediction is one {@code <pacemaker-result>} document per stage, one
 * after the other.
 */
public final class SimulationParser {
    private static final String END = "</pacemaker-result>";

    private SimulationParser() {
    }

    /**
     * @param stages what was staged before each transition, one per document expected
     * @throws FormatException when a document is missing, is not crm_simulate's, reports an error
     *                         or lacks the revised status
     */
    public static Prediction parse(String output, List<String> stages, String source) {
        List<String> documents = split(output);
        if (documents.size() != stages.size()) {
            throw new FormatException(source, "expected " + stages.size() + " crm_simulate result(s), one per stage, got "
                    + documents.size() + (documents.isEmpty() ? " (empty or truncated output)" : ""));
        }
        List<Transition> transitions = new ArrayList<>();
        List<Resource> before = null;
        for (int i = 0; i < documents.size(); i++) {
            String where = source + " (stage " + (i + 1) + ")";
            Element root = root(documents.get(i), where);
            Element current = requiredChild(root, "cluster_status", where);
            if (before == null) {
                before = CrmMonParser.resourcesIn(requiredChild(current, "resources", where), where);
            }
            transitions.add(transition(root, stages.get(i), where));
        }
        return new Prediction(before, transitions);
    }

    /** Cuts after each closing root tag; text after the last one means the output was cut short. */
    static List<String> split(String output) {
        List<String> docs = new ArrayList<>();
        int from = 0;
        while (true) {
            int end = output.indexOf(END, from);
            if (end < 0) {
                break;
            }
            docs.add(output.substring(from, end + END.length()));
            from = end + END.length();
        }
        String rest = output.substring(from).strip();
        if (!rest.isEmpty()) {
            docs.add(rest);
        }
        return docs;
    }

    private static Element root(String xml, String source) {
        Element root = SafeXml.parse(xml, source).getDocumentElement();
        if (!"pacemaker-result".equals(root.getTagName())) {
            throw new FormatException(source, "not crm_simulate XML: root element is <" + root.getTagName()
                    + ">, expected <pacemaker-result> (crm_simulate --output-as=xml, Pacemaker 2.1 or later)");
        }
        child(root, "status").ifPresent(status -> {
            String code = attr(status, "code");
            if (code != null && !"0".equals(code.trim())) {
                List<String> errors = new ArrayList<>();
                child(status, "errors").ifPresent(e -> children(e, "error")
                        .forEach(err -> errors.add(err.getTextContent().strip())));
                String described;
                try {
                    described = PacemakerExitCode.describe(Integer.parseInt(code.trim()));
                } catch (NumberFormatException e) {
                    described = "code \"" + code + "\"";
                }
                throw new FormatException(source, "crm_simulate failed with " + described
                        + (errors.isEmpty() ? "" : ": " + String.join("; ", errors)));
            }
        });
        return root;
    }

    private static Transition transition(Element root, String stage, String source) {
        Element revised = child(root, "revised_cluster_status").orElseThrow(() -> new FormatException(source,
                Elements.path(root) + ": no <revised_cluster_status> (crm_simulate was not run with --simulate,"
                        + " or its output was cut short)"));
        List<PredictedAction> actions = new ArrayList<>();
        // <actions> is left out when the transition summary is empty in some versions
        child(root, "actions").ifPresent(list -> {
            for (Element a : children(list)) {
                switch (a.getTagName()) {
                    case "rsc_action" -> actions.add(resourceAction(a, source));
                    case "node_action" -> actions.add(new PredictedAction(required(a, "task", source), null,
                            required(a, "node", source), null, null, null, null, attr(a, "reason"), false));
                    default -> {
                        // a newer crm_simulate may add kinds of summary lines; they do not change placement
                    }
                }
            }
        });
        return new Transition(stage, actions,
                CrmMonParser.nodesIn(requiredChild(revised, "nodes", source), source),
                CrmMonParser.resourcesIn(requiredChild(revised, "resources", source), source));
    }

    private static PredictedAction resourceAction(Element a, String source) {
        return new PredictedAction(required(a, "action", source), required(a, "resource", source),
                attr(a, "node"), attr(a, "source"), attr(a, "dest"),
                Roles.normalize(attr(a, "role")), Roles.normalize(attr(a, "next-role")), attr(a, "reason"),
                bool(a, "blocked", false));
    }

    private static Element requiredChild(Element parent, String tag, String source) {
        return child(parent, tag).orElseThrow(() -> new FormatException(source,
                Elements.path(parent) + ": no <" + tag + "> element"));
    }

    private static String required(Element e, String name, String source) {
        String v = attr(e, name);
        if (v == null) {
            throw new FormatException(source, Elements.path(e) + ": no " + name + " attribute");
        }
        return v;
    }
}
