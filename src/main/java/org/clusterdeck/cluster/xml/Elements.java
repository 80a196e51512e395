package org.clusterdeck.cluster.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clusterdeck.cluster.PacemakerBoolean;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Tolerant DOM reading shared by the XML parsers: absent attributes are null, never "". */
public final class Elements {
    private Elements() {
    }

    /** The attribute's value, or null when absent (DOM returns "" for both absent and empty). */
    public static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    /** The first attribute among the names that is present: for fields renamed between versions. */
    public static String attr(Element e, String... names) {
        for (String n : names) {
            if (e.hasAttribute(n)) {
                return e.getAttribute(n);
            }
        }
        return null;
    }

    public static boolean bool(Element e, String name, boolean dflt) {
        String v = attr(e, name);
        if (v == null) {
            return dflt;
        }
        return PacemakerBoolean.orDefault(v, dflt);
    }

    /** Direct child elements, in document order. */
    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el) {
                out.add(el);
            }
        }
        return out;
    }

    /** Direct child elements with the tag, in document order. */
    public static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el && el.getTagName().equals(tag)) {
                out.add(el);
            }
        }
        return out;
    }

    public static Optional<Element> child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el && el.getTagName().equals(tag)) {
                return Optional.of(el);
            }
        }
        return Optional.empty();
    }

    /** A readable location for error messages, e.g. {@code /cib/configuration/resources/primitive[@id='x']}. */
    public static String path(Element e) {
        StringBuilder sb = new StringBuilder();
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            String id = attr(el, "id");
            sb.insert(0, "/" + el.getTagName() + (id == null ? "" : "[@id='" + id + "']"));
        }
        return sb.toString();
    }
}
