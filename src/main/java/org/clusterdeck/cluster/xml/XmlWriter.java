package org.clusterdeck.cluster.xml;

import java.io.StringWriter;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * The one way ClusterDeck writes XML for the tools: the JDK's DOM and serialiser, which escape
 * every attribute value, so a value can never end its attribute or element.
 */
public final class XmlWriter {
    private XmlWriter() {
    }

    /** An empty document to build elements in. */
    public static Document newDocument() {
        try {
            return DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML builder failed", e);
        }
    }

    /** One line, as {@code cibadmin --xml-text} takes it. */
    public static String compact(Node node) {
        return write(node, false);
    }

    /** Indented by two spaces, one element a line, as people read it (and as a line diff compares it). */
    public static String indented(Node node) {
        return write(node, true);
    }

    private static String write(Node node, boolean indent) {
        try {
            var t = TransformerFactory.newDefaultInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            if (indent) {
                t.setOutputProperty(OutputKeys.INDENT, "yes");
                t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            }
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(node), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("the JDK's XML writer failed", e);
        }
    }
}
