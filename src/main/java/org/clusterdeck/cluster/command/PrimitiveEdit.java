package org.clusterdeck.cluster.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.clusterdeck.cluster.Roles;
import org.clusterdeck.cluster.xml.Elements;
import org.clusterdeck.cluster.xml.SafeXml;
import org.clusterdeck.cluster.xml.XmlWriter;
import org.w3c.dom.Element;

/**
 * What an admin changes on an existing primitive: parameters and meta attributes set (an empty
 * value removes one, as pcs takes it) and operations replaced; on a group or clone, its meta
 * attributes. An operation given replaces the
 * one of the same name and role whole (its other settings such as {@code on-fail} go with it, as
 * with pcs), or is added when there is none. Names and values are checked when the record is made.
 *
 * @param params instance attributes to set, in the order given; "" removes
 * @param meta   meta attributes to set; "" removes
 */
public record PrimitiveEdit(@JsonIgnore Map<String, String> params, Map<String, String> meta, List<NewPrimitive.Op> ops) {

    /** What an edit is made on: a primitive whole, a group's or clone's meta attributes (master: an old promotable clone). */
    private static final java.util.Set<String> EDITABLE = java.util.Set.of("primitive", "group", "clone", "master");

    public PrimitiveEdit {
        params = checked("parameter", params);
        meta = checked("meta attribute", meta);
        ops = List.copyOf(ops);
        if (params.isEmpty() && meta.isEmpty() && ops.isEmpty()) {
            throw new InvalidInputException("change", "", "nothing to change: give NAME=VALUE, --meta or --op");
        }
    }

    private static Map<String, String> checked(String what, Map<String, String> pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        pairs.forEach((name, value) -> out.put(ActionInput.id(what + " name", name),
                value == null || value.isEmpty() ? "" : ActionInput.value(what + " " + name, value)));
        return Collections.unmodifiableMap(out);
    }

    /** The parameters as people and the audit log read them: secrets masked. */
    @JsonProperty("params")
    public Map<String, String> shownParams() {
        return Secrets.masked(params);
    }

    /** The primitive's XML before and after the edit, each on one line as cibadmin takes it. */
    public record Result(String before, String after, boolean fenceDevice) {
    }

    /**
     * The edit made on the primitive {@code id} of this CIB: its element before and after. New
     * sets, nvpairs and operations get the ids pcs and crmsh would give, made unique in the CIB.
     *
     * @throws InvalidInputException when the CIB has no such primitive, a removed setting is not
     *                               set, or an operation to replace is not one
     */
    public Result applyTo(String cibText, String id, String source) {
        CibDocument cib = new CibDocument(cibText, source);
        Element primitive = cib.resource(id).filter(e -> EDITABLE.contains(e.getTagName())).orElseThrow(
                () -> new InvalidInputException("resource", id, "the cluster has no primitive, group or clone with this id"));
        if (!primitive.getTagName().equals("primitive") && (!params.isEmpty() || !ops.isEmpty())) {
            throw new InvalidInputException("resource", id, "it is a " + primitive.getTagName() + ", whose meta"
                    + " attributes are edited here; parameters and operations are its primitives'");
        }
        String before = XmlWriter.compact(primitive);
        set(primitive, "instance_attributes", params, cib);
        set(primitive, "meta_attributes", meta, cib);
        for (NewPrimitive.Op op : ops) {
            replace(primitive, op, cib);
        }
        return new Result(before, XmlWriter.compact(primitive), "stonith".equals(primitive.getAttribute("class")));
    }

    /**
     * Sets or removes pairs in the first set of that kind without a rule, made when there is none:
     * in a primitive before its operations, in a group or clone first (the schema wants sets before
     * members).
     */
    private void set(Element primitive, String kind, Map<String, String> pairs, CibDocument cib) {
        if (pairs.isEmpty()) {
            return;
        }
        String owner = primitive.getAttribute("id");
        Element set = Elements.children(primitive, kind).stream()
                .filter(s -> Elements.child(s, "rule").isEmpty()).findFirst().orElse(null);
        for (Map.Entry<String, String> pair : pairs.entrySet()) {
            Element nv = set == null ? null : Elements.children(set, "nvpair").stream()
                    .filter(n -> pair.getKey().equals(n.getAttribute("name"))).findFirst().orElse(null);
            if (pair.getValue().isEmpty()) {
                if (nv == null) {
                    throw new InvalidInputException(kind.equals("meta_attributes") ? "meta attribute" : "parameter",
                            pair.getKey(), owner + " does not set it: nothing to remove");
                }
                set.removeChild(nv);
            } else if (nv != null) {
                nv.setAttribute("value", pair.getValue());
            } else {
                if (set == null) {
                    set = primitive.getOwnerDocument().createElement(kind);
                    set.setAttribute("id", cib.newId(owner + "-" + kind));
                    // instance attributes first, meta attributes after them, both before the operations
                    primitive.insertBefore(set, kind.equals("instance_attributes") || !primitive.getTagName().equals("primitive")
                            ? primitive.getFirstChild() : Elements.child(primitive, "operations").orElse(null));
                }
                Element added = primitive.getOwnerDocument().createElement("nvpair");
                added.setAttribute("id", cib.newId(set.getAttribute("id") + "-" + pair.getKey()));
                added.setAttribute("name", pair.getKey());
                added.setAttribute("value", pair.getValue());
                set.appendChild(added);
            }
        }
        if (set != null && Elements.children(set, "nvpair").isEmpty() && Elements.child(set, "rule").isEmpty()) {
            // emptied by this edit (a removal needs a pair there): it goes with its last pair, as
            // pcs removes it, so setting and removing a value leaves the CIB as it was
            primitive.removeChild(set);
        }
    }

    private static void replace(Element primitive, NewPrimitive.Op op, CibDocument cib) {
        String owner = primitive.getAttribute("id");
        Element operations = Elements.child(primitive, "operations").orElseGet(() -> {
            Element made = primitive.getOwnerDocument().createElement("operations");
            primitive.appendChild(made);
            return made;
        });
        List<Element> same = new ArrayList<>();
        for (Element o : Elements.children(operations, "op")) {
            if (op.name().equals(o.getAttribute("name")) && Objects.equals(role(op.role()), role(Elements.attr(o, "role")))) {
                same.add(o);
            }
        }
        if (same.size() > 1) {
            throw new InvalidInputException("operation", op.name(), owner + " has " + same.size() + " " + op.name()
                    + " operations" + (op.role() == null ? "" : " for " + op.role())
                    + " (intervals " + String.join(", ", same.stream().map(o -> o.getAttribute("interval")).toList())
                    + "): which one to replace is not clear");
        }
        Element made = primitive.getOwnerDocument().createElement("op");
        if (!same.isEmpty()) {
            // its own id goes with it: the new one says the new interval
            cib.release(same.get(0).getAttribute("id"));
        }
        made.setAttribute("id", cib.newId(owner + "-" + op.name() + "-interval-" + op.interval()
                + (op.role() == null ? "" : "-" + op.role())));
        made.setAttribute("name", op.name());
        op.settings().forEach(made::setAttribute);
        if (same.isEmpty()) {
            operations.appendChild(made);
        } else {
            operations.replaceChild(made, same.get(0));
        }
    }

    /** A role by its Pacemaker 2.1 name, so Master matches Promoted; no role is Started's. */
    private static String role(String role) {
        String modern = Roles.normalize(role);
        return "Started".equals(modern) ? null : modern;
    }

    /** How many operations of this name a primitive's XML has. */
    static int operationsNamed(String primitiveXml, String name) {
        Element p = SafeXml.parse(primitiveXml, "primitive XML").getDocumentElement();
        return (int) Elements.child(p, "operations").map(o -> Elements.children(o, "op")).orElse(List.of()).stream()
                .filter(o -> name.equals(o.getAttribute("name"))).count();
    }
}
