package org.clusterdeck.cluster.command;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.clusterdeck.cluster.xml.Elements;
import org.clusterdeck.cluster.xml.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The CIB's XML as an edit works on it: the resources section with layout whitespace dropped (so
 * it writes the same however it came), its elements by id, and new ids that no element has yet.
 */
final class CibDocument {
    private final Element resources;
    private final Set<String> ids = new HashSet<>();

    CibDocument(String cibText, String source) {
        Document doc = SafeXml.parse(cibText, source);
        resources = Elements.child(doc.getDocumentElement(), "configuration")
                .flatMap(c -> Elements.child(c, "resources"))
                .orElseThrow(() -> new InvalidInputException("CIB", source, "it has no resources section"));
        stripBlankText(resources);
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            String id = Elements.attr((Element) all.item(i), "id");
            if (id != null) {
                ids.add(id);
            }
        }
    }

    Element resources() {
        return resources;
    }

    /** The resource element (primitive, group, clone, bundle ...) with this id, at any depth of the resources section. */
    Optional<Element> resource(String id) {
        NodeList all = resources.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id")) && RESOURCE_TAGS.contains(e.getTagName())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static final Set<String> RESOURCE_TAGS = Set.of("primitive", "group", "clone", "master", "bundle", "template");

    /** Whether any element of the CIB has this id. */
    boolean hasId(String id) {
        return ids.contains(id);
    }

    /** {@code wanted}, or with {@code -1}, {@code -2} … after it, whichever no element has; then taken. */
    String newId(String wanted) {
        String id = wanted;
        for (int n = 1; ids.contains(id); n++) {
            id = wanted + "-" + n;
        }
        ids.add(id);
        return id;
    }

    /** An id given up (its element replaced), free for a new one. */
    void release(String id) {
        ids.remove(id);
    }

    private static void stripBlankText(Node node) {
        for (Node c = node.getFirstChild(); c != null; ) {
            Node next = c.getNextSibling();
            if (c.getNodeType() == Node.TEXT_NODE && c.getNodeValue().isBlank()) {
                node.removeChild(c);
            } else if (c instanceof Element) {
                stripBlankText(c);
            }
            c = next;
        }
    }
}
