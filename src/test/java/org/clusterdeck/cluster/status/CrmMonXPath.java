package org.clusterdeck.cluster.status;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * A second, independent reading of crm_mon XML for the tests: plain XPath over the document,
 * sharing no code with {@link CrmMonParser}. Role words are mapped by the test's own table.
 */
final class CrmMonXPath {
    static final Map<String, String> ROLE_WORDS = Map.of("Master", "Promoted", "Slave", "Unpromoted");

    private final Document doc;
    private final XPath xp = XPathFactory.newInstance().newXPath();

    CrmMonXPath(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String string(String expr) {
        return string(doc, expr);
    }

    String string(Node context, String expr) {
        try {
            return xp.evaluate(expr, context);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expr, e);
        }
    }

    List<Node> nodes(String expr) {
        return nodes(doc, expr);
    }

    List<Node> nodes(Node context, String expr) {
        try {
            NodeList list = (NodeList) xp.evaluate(expr, context, XPathConstants.NODESET);
            List<Node> out = new ArrayList<>();
            for (int i = 0; i < list.getLength(); i++) {
                out.add(list.item(i));
            }
            return out;
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expr, e);
        }
    }

    boolean has(String expr) {
        return !nodes(expr).isEmpty();
    }

    /** Attribute value or null when absent (XPath alone cannot tell absent from empty). */
    String attrOrNull(Node context, String name) {
        return nodes(context, "@" + name).isEmpty() ? null : string(context, "@" + name);
    }

    static String role(String printed) {
        return ROLE_WORDS.getOrDefault(printed, printed);
    }
}
