package org.clusterdeck.cluster.xml;

import java.io.IOException;
import java.io.StringReader;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.clusterdeck.cluster.FormatException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The only way ClusterDeck reads XML. Output of cluster tools is untrusted (a compromised node, a
 * proxy's HTML error page), so DTDs are refused outright: that rules out entity-expansion bombs
 * and external entities (XXE) before any expansion happens.
 */
public final class SafeXml {
    private SafeXml() {
    }

    public static Document parse(String text, String source) {
        if (text == null || text.isBlank()) {
            throw new FormatException(source, "empty output, expected XML");
        }
        int start = firstNonBlank(text);
        if (text.charAt(start) != '<') {
            throw new FormatException(source, "not XML: output starts with " + preview(text, start));
        }
        try {
            DocumentBuilder builder = newFactory().newDocumentBuilder();
            builder.setErrorHandler(SILENT);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            return builder.parse(new InputSource(new StringReader(text)));
        } catch (SAXParseException e) {
            throw new FormatException(source, describe(e), e);
        } catch (SAXException | IOException e) {
            throw new FormatException(source, "unreadable XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be configured securely", e);
        }
    }

    /**
     * Like {@link #parse}, for resource agents' metadata, which by the OCF convention names its DTD
     * ({@code <!DOCTYPE resource-agent SYSTEM "ra-api-1.dtd">}): a declaration that only names an
     * external DTD is dropped unread; one with an internal subset ({@code [...]}), where entities
     * are declared, is still refused.
     */
    public static Document parseNamingDtd(String text, String source) {
        return parse(text == null ? null : EXTERNAL_DOCTYPE.matcher(text).replaceFirst("$1"), source);
    }

    // <!DOCTYPE name SYSTEM "uri"> or PUBLIC "id" "uri", before the root element, nothing in brackets
    private static final Pattern EXTERNAL_DOCTYPE = Pattern.compile(
            "\\A(\\s*(?:<\\?xml[^>]*\\?>)?\\s*)<!DOCTYPE\\s+[\\w.:-]+\\s+(?:SYSTEM|PUBLIC\\s+\"[^\"<>\\[]*\")"
                    + "\\s+\"[^\"<>\\[]*\"\\s*>");

    private static DocumentBuilderFactory newFactory() throws ParserConfigurationException {
        // the JDK's own parser, whose features below are the ones set: newInstance() would take any parser
        // a jar on the class path offers, and searches every jar for one at each parse
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        return f;
    }

    private static String describe(SAXParseException e) {
        String msg = e.getMessage() == null ? "malformed XML" : e.getMessage();
        if (msg.contains("DOCTYPE")) {
            msg = "document declares a DTD (<!DOCTYPE>), refused: cluster tools never print one, "
                    + "and DTDs allow entity bombs and external entities";
        } else if (msg.contains("XML document structures must start and end")
                || msg.contains("must be terminated") || msg.contains("Premature end of file")) {
            msg = "truncated or malformed XML (" + msg + ")";
        }
        return "line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + msg;
    }

    private static int firstNonBlank(String text) {
        int i = 0;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) {
            i++;
        }
        return i;
    }

    static String preview(String text, int start) {
        String head = text.substring(start, Math.min(text.length(), start + 40));
        StringBuilder sb = new StringBuilder("\"");
        for (char c : head.toCharArray()) {
            if (c == '\n') {
                break;
            }
            sb.append(c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\uFFFD' ? '?' : c);
        }
        return sb.append('"').toString();
    }

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
