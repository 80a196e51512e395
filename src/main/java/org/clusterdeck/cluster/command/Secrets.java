package org.clusterdeck.cluster.command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.clusterdeck.cluster.xml.SafeXml;
import org.clusterdeck.cluster.xml.XmlWriter;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Names that hold secrets, of resource parameters (a fence device's password, a key) and of
 * environment variables: their values reach a tool only on its standard input or environment,
 * never its command line (the node's process list), and what people and the audit log read has
 * them masked.
 */
public final class Secrets {
    /** What a secret reads as in plans, diffs and the audit log. */
    public static final String MASK = "***";

    // passwd, password, passwd_script stay secrets; "key" also covers ssh keys and API keys
    private static final Pattern SECRET = Pattern.compile("(?i).*(pass|secret|token|key|community).*");

    private Secrets() {
    }

    /** Whether a parameter or variable of this name holds a secret. */
    public static boolean isSecret(String parameterName) {
        return SECRET.matcher(parameterName).matches();
    }

    public static boolean anySecret(Map<String, String> params) {
        return params.keySet().stream().anyMatch(Secrets::isSecret);
    }

    /** The pairs with each secret's value masked. */
    public static Map<String, String> masked(Map<String, String> params) {
        Map<String, String> out = new LinkedHashMap<>(params);
        out.replaceAll((name, value) -> isSecret(name) && !value.isEmpty() ? MASK : value);
        return out;
    }

    /** Whether CIB XML holds an nvpair whose name is a secret's. */
    public static boolean inXml(String xml) {
        NodeList pairs = SafeXml.parse(xml, "XML to mask").getElementsByTagName("nvpair");
        for (int i = 0; i < pairs.getLength(); i++) {
            if (isSecret(((Element) pairs.item(i)).getAttribute("name"))) {
                return true;
            }
        }
        return false;
    }

    /** CIB XML (an element on one line) with the value of every secret's nvpair masked. */
    public static String maskedXml(String xml) {
        Element root = SafeXml.parse(xml, "XML to mask").getDocumentElement();
        NodeList pairs = root.getElementsByTagName("nvpair");
        for (int i = 0; i < pairs.getLength(); i++) {
            Element nv = (Element) pairs.item(i);
            if (isSecret(nv.getAttribute("name")) && nv.hasAttribute("value")) {
                nv.setAttribute("value", MASK);
            }
        }
        return XmlWriter.compact(root);
    }
}
