package org.clusterdeck.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the lab tests need from a live crm_mon --output-as=xml, read with plain XPath so the lab
 * checks do not depend on ClusterDeck's own parsers (which the lab is there to test).
 */
record ClusterView(Set<String> online, String dc, List<Placement> resources) {
    /** The lab's DHCP service: the group's members, placed with the promoted DRBD stand-in. */
    static final List<String> SERVICE = List.of("p_fs_data", "p_vip", "p_dhcpd");
    static final String DRBD = "p_drbd_r0";

    record Placement(String id, String role, boolean active, boolean failed, Set<String> nodes) {
    }

    ClusterView {
        online = Set.copyOf(online);
        resources = List.copyOf(resources);
    }

    ClusterView(Document crmMon) {
        this(strings(crmMon, "/pacemaker-result/nodes/node[@online='true']/@name"),
                string(crmMon, "/pacemaker-result/summary/current_dc[@present='true']/@name"),
                placements(crmMon));
    }

    /** The one node running the whole DHCP stack with the promoted instance, or null. */
    String serviceNode() {
        List<Placement> parts = resources.stream().filter(ClusterView::isServicePart).toList();
        Set<String> where = new TreeSet<>();
        parts.forEach(p -> where.addAll(p.nodes()));
        return parts.size() == SERVICE.size() + 1 && where.size() == 1 ? where.iterator().next() : null;
    }

    private static boolean isServicePart(Placement p) {
        boolean role = SERVICE.contains(p.id()) ? p.role().equals("Started")
                : p.id().equals(DRBD) && p.role().equals("Promoted");
        return role && p.active() && !p.failed();
    }

    /** Every configured resource instance active, none failed. */
    boolean everythingActive() {
        return !resources.isEmpty() && resources.stream().allMatch(p -> p.active() && !p.failed());
    }

    /** Nodes any active resource instance runs on. */
    Set<String> nodesRunningAnything() {
        Set<String> s = new TreeSet<>();
        resources.stream().filter(Placement::active).forEach(p -> s.addAll(p.nodes()));
        return s;
    }

    private static List<Placement> placements(Document d) {
        List<Placement> out = new ArrayList<>();
        NodeList rs = nodes(d, "/pacemaker-result/resources//resource");
        for (int i = 0; i < rs.getLength(); i++) {
            Element r = (Element) rs.item(i);
            Set<String> on = new TreeSet<>();
            NodeList ns = nodes(r, "node/@name");
            for (int j = 0; j < ns.getLength(); j++) {
                on.add(ns.item(j).getNodeValue());
            }
            out.add(new Placement(r.getAttribute("id"), r.getAttribute("role"),
                    "true".equals(r.getAttribute("active")), "true".equals(r.getAttribute("failed")), on));
        }
        return out;
    }

    private static Set<String> strings(Document d, String xpath) {
        Set<String> s = new TreeSet<>();
        NodeList l = nodes(d, xpath);
        for (int i = 0; i < l.getLength(); i++) {
            s.add(l.item(i).getNodeValue());
        }
        return s;
    }

    private static String string(Document d, String xpath) {
        NodeList l = nodes(d, xpath);
        return l.getLength() == 0 ? null : l.item(0).getNodeValue();
    }

    private static NodeList nodes(Object context, String xpath) {
        XPath x = XPathFactory.newInstance().newXPath();
        try {
            return (NodeList) x.evaluate(xpath, context, XPathConstants.NODESET);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException("bad XPath " + xpath, e);
        }
    }
}
