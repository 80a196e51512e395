package org.clusterdeck.cluster.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;
import org.clusterdeck.cluster.xml.Elements;
import org.clusterdeck.cluster.xml.XmlWriter;
import org.w3c.dom.Element;

/**
 * A primitive or group made a clone (promotable or not) on the CIB's resources section, or a
 * clone taken away from its resource, which stays where the clone was. The clone's id is the
 * resource's with {@code -clone}, as pcs and crmsh name it.
 *
 * @param before the resources section before, on one line
 * @param after  the same after the edit, what the plain tools load
 * @param cloneId the clone's id
 * @param inside the resource in the clone
 */
public record CloneEdit(@JsonIgnore String before, @JsonIgnore String after, String cloneId, String inside)
        implements ResourcesEdit {

    /** The clone a resource gets. */
    public static String idFor(String resource) {
        return resource + "-clone";
    }

    /**
     * Wraps a primitive or group standing on its own in a new clone, with these meta attributes
     * (and {@code promotable=true} for a promotable one), in its place.
     */
    public static CloneEdit wrap(String cibText, String source, String resource, boolean promotable,
            Map<String, String> meta) {
        CibDocument cib = new CibDocument(cibText, source);
        String was = XmlWriter.compact(cib.resources());
        Element r = cib.resource(resource).orElseThrow(() -> new InvalidInputException("resource", resource,
                "the cluster has no resource with this id"));
        if (!r.getTagName().equals("primitive") && !r.getTagName().equals("group")) {
            throw new InvalidInputException("resource", resource, "it is a " + r.getTagName()
                    + "; a clone holds a primitive or a group");
        }
        Element parent = (Element) r.getParentNode();
        if (parent != cib.resources()) {
            throw new InvalidInputException("resource", resource, "it is inside the " + parent.getTagName() + " "
                    + parent.getAttribute("id") + (parent.getTagName().equals("group")
                            ? "; clone the whole group" : "; it is cloned already"));
        }
        String id = idFor(resource);
        if (cib.hasId(id)) {
            throw new InvalidInputException("clone id", id, "the CIB has this id already");
        }
        Element clone = cib.resources().getOwnerDocument().createElement("clone");
        clone.setAttribute("id", cib.newId(id));
        if (promotable || !meta.isEmpty()) {
            Element set = child(clone, "meta_attributes");
            set.setAttribute("id", cib.newId(id + "-meta_attributes"));
            if (promotable) {
                nvpair(set, "promotable", "true", cib);
            }
            meta.forEach((name, value) -> nvpair(set, name, value, cib));
        }
        cib.resources().replaceChild(clone, r);
        clone.appendChild(r);
        return new CloneEdit(was, XmlWriter.compact(cib.resources()), id, resource);
    }

    /** Takes the clone away: its resource stands on its own where the clone was. */
    public static CloneEdit unwrap(String cibText, String source, String clone) {
        CibDocument cib = new CibDocument(cibText, source);
        String was = XmlWriter.compact(cib.resources());
        Element c = cib.resource(clone).filter(e -> e.getTagName().equals("clone") || e.getTagName().equals("master"))
                .orElseThrow(() -> new InvalidInputException("clone", clone, "the cluster has no clone with this id"));
        Element inside = Elements.children(c).stream()
                .filter(e -> e.getTagName().equals("primitive") || e.getTagName().equals("group")).findFirst()
                .orElseThrow(() -> new InvalidInputException("clone", clone, "it holds no primitive or group"));
        c.removeChild(inside);
        c.getParentNode().replaceChild(inside, c);
        return new CloneEdit(was, XmlWriter.compact(cib.resources()), clone, inside.getAttribute("id"));
    }

    private static Element child(Element parent, String tag) {
        Element e = parent.getOwnerDocument().createElement(tag);
        parent.appendChild(e);
        return e;
    }

    private static void nvpair(Element set, String name, String value, CibDocument cib) {
        Element nv = child(set, "nvpair");
        nv.setAttribute("id", cib.newId(set.getAttribute("id") + "-" + name));
        nv.setAttribute("name", name);
        nv.setAttribute("value", value);
    }
}
