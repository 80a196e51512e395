package org.clusterdeck.cluster.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.clusterdeck.cluster.xml.XmlWriter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A constraint an admin adds, in the words of the CIB schema (constraints-3.x): its element name
 * and attributes. Every id, score, role and action is checked when the record is made; the XML
 * is written by the XML library, so no value is ever pasted into markup.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public sealed interface NewConstraint {
    Pattern SCORE = Pattern.compile("[+-]?(INFINITY|[0-9]{1,9})");
    List<String> ROLES = List.of("Started", "Promoted", "Unpromoted");
    List<String> ACTIONS = List.of("start", "stop", "promote", "demote");
    List<String> ORDER_KINDS = List.of("Mandatory", "Optional", "Serialize");

    @JsonProperty("type")
    default String type() {
        return getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    String id();

    /** The resources it names; each must exist in the CIB. */
    @JsonIgnore
    List<String> resources();

    /** The element name and its attributes in document order; null values are left out. */
    @JsonIgnore
    Map.Entry<String, Map<String, String>> element();

    String describe();

    /** The constraint as one XML element, for {@code cibadmin --create --scope constraints}. */
    default String xml() {
        Document doc = XmlWriter.newDocument();
        Element e = doc.createElement(element().getKey());
        element().getValue().forEach((name, value) -> {
            if (value != null) {
                e.setAttribute(name, value);
            }
        });
        doc.appendChild(e);
        return XmlWriter.compact(doc);
    }

    private static Map<String, String> attributes(String... namesAndValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return out;
    }

    private static String checkScore(String score) {
        if (score == null || !SCORE.matcher(score).matches()) {
            throw new InvalidInputException("score", score == null ? "" : score,
                    "expected INFINITY, -INFINITY or a whole number");
        }
        return score;
    }

    private static String oneOf(String what, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw new InvalidInputException(what, value, "expected one of " + String.join(", ", allowed));
        }
        return value;
    }

    private static String rolePrefix(String role) {
        return role == null ? "" : role + " ";
    }

    /** {@code resource} is placed relative to {@code withResource} (which is placed first). */
    @JsonPropertyOrder({"type", "id", "resource", "withResource", "score", "role", "withRole"})
    record Colocation(String id, String resource, String withResource, String score, String role, String withRole)
            implements NewConstraint {
        public Colocation {
            ActionInput.id("constraint id", id);
            ActionInput.id("resource id", resource);
            ActionInput.id("resource id", withResource);
            checkScore(score);
            oneOf("role", role, ROLES);
            oneOf("role", withRole, ROLES);
        }

        @Override
        public List<String> resources() {
            return List.of(resource, withResource);
        }

        @Override
        public Map.Entry<String, Map<String, String>> element() {
            return Map.entry("rsc_colocation", attributes("id", id, "rsc", resource, "with-rsc", withResource,
                    "score", score, "rsc-role", role, "with-rsc-role", withRole));
        }

        @Override
        public String describe() {
            return "colocation " + id + ": " + rolePrefix(role) + resource + " with " + rolePrefix(withRole) + withResource
                    + " (score " + score + ")";
        }
    }

    /** {@code then} starts (or its {@code thenAction} runs) after {@code first}'s {@code firstAction}. */
    @JsonPropertyOrder({"type", "id", "first", "then", "firstAction", "thenAction", "kind"})
    record Order(String id, String first, String then, String firstAction, String thenAction, String kind)
            implements NewConstraint {
        public Order {
            ActionInput.id("constraint id", id);
            ActionInput.id("resource id", first);
            ActionInput.id("resource id", then);
            oneOf("action", firstAction, ACTIONS);
            oneOf("action", thenAction, ACTIONS);
            oneOf("order kind", kind, ORDER_KINDS);
        }

        @Override
        public List<String> resources() {
            return List.of(first, then);
        }

        @Override
        public Map.Entry<String, Map<String, String>> element() {
            return Map.entry("rsc_order", attributes("id", id, "first", first, "then", then,
                    "first-action", firstAction, "then-action", thenAction, "kind", kind));
        }

        @Override
        public String describe() {
            return "order " + id + ": " + (firstAction == null ? "start" : firstAction) + " " + first + " before "
                    + (thenAction == null ? "start" : thenAction) + " " + then + (kind == null ? "" : " (" + kind + ")");
        }
    }

    /** A preference (positive score) or an aversion (negative) of {@code resource} for {@code node}. */
    @JsonPropertyOrder({"type", "id", "resource", "node", "score", "role"})
    record Location(String id, String resource, String node, String score, String role) implements NewConstraint {
        public Location {
            ActionInput.id("constraint id", id);
            ActionInput.id("resource id", resource);
            ActionInput.nodeName(node);
            checkScore(score);
            oneOf("role", role, ROLES);
        }

        @Override
        public List<String> resources() {
            return List.of(resource);
        }

        @Override
        public Map.Entry<String, Map<String, String>> element() {
            return Map.entry("rsc_location", attributes("id", id, "rsc", resource, "node", node, "score", score,
                    "role", role));
        }

        @Override
        public String describe() {
            return "location " + id + ": " + rolePrefix(role) + resource + " on " + node + " (score " + score + ")";
        }
    }
}
