package org.clusterdeck.cluster.setup;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.clusterdeck.cluster.command.NewConstraint;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The reference stack's CIB configuration as one {@code <configuration>} fragment, for
 * {@code cibadmin --modify --scope configuration} on a CIB copy and then on the cluster: the
 * fencing property under the name the node's Pacemaker uses, the fence devices, the promotable
 * DRBD clone, the group (filesystem, VIP, dhcpd, started in that order) and the two constraints
 * that tie the group to DRBD's Promoted instance. {@code no-quorum-policy} is left at its default:
 * corosync's two_node keeps the survivor quorate. The XML is built with the JDK's DOM, which escapes
 * every value.
 */
public final class CibResources {
    /** The device that fences the delayed node waits this long, so the other node is fenced first. */
    static final String FENCING_DELAY = "15s";
    /**
     * The account dhcpd runs as; the leases directory on the replicated filesystem belongs to it.
     * Debian's isc-dhcp-server has no account of its own and runs dhcpd as root; Red Hat's
     * dhcp-server creates {@code dhcpd} (the pre-flight compares its uid on both nodes, since the
     * leases directory's owner travels with the disk as a number).
     */
    public static String dhcpdUser(NodeGeneration generation) {
        return generation.packageManager() == NodeGeneration.PackageManager.APT ? "root" : "dhcpd";
    }
    /** The leases file relative to the mountpoint: the agent builds {@code -lf} as chrooted_path/leases. */
    public static final String LEASES = "dhcp/dhcpd.leases";

    private final SetupSpec spec;
    private final NodeGeneration generation;
    private final Document doc;

    private CibResources(SetupSpec spec, NodeGeneration generation) {
        this.spec = spec;
        this.generation = generation;
        try {
            this.doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML builder failed", e);
        }
    }

    /** The ids the plan and its checks look for. */
    public static String drbdClone(SetupSpec spec) {
        return "ms_drbd_" + spec.drbd().resource();
    }

    public static String drbdPrimitive(SetupSpec spec) {
        return "p_drbd_" + spec.drbd().resource();
    }

    public static final String GROUP = "g_dhcp";

    /** The fence device for a node (per-node kinds), or the one SBD device. */
    public static List<String> fenceDevices(SetupSpec spec) {
        return switch (spec.fencing().kind()) {
            case "none" -> List.of();
            case "sbd" -> List.of("st_sbd");
            default -> spec.nodes().stream().map(n -> "st_" + n.name()).toList();
        };
    }

    /** The whole leases path dhcpd gets as {@code -lf}: on the replicated filesystem. */
    public static String leasesPath(SetupSpec spec) {
        return spec.filesystem().mountpoint() + "/" + LEASES;
    }

    /** The {@code <configuration>} fragment, indented. */
    public static String fragment(SetupSpec spec, NodeGeneration generation) {
        return new CibResources(spec, generation).build(false);
    }

    /**
     * The fencing part alone (the property, the devices and where they may run), pushed before any
     * data resource exists; the whole fragment repeats it unchanged, so pushing that later changes nothing here.
     */
    public static String fencingFragment(SetupSpec spec, NodeGeneration generation) {
        return new CibResources(spec, generation).build(true);
    }

    private String build(boolean fencingOnly) {
        Element configuration = doc.createElement("configuration");
        doc.appendChild(configuration);
        Element crmConfig = child(configuration, "crm_config");
        Element options = child(crmConfig, "cluster_property_set");
        options.setAttribute("id", "cib-bootstrap-options");
        nvpair(options, "cib-bootstrap-options", generation.fencingProperty(),
                Boolean.toString(!spec.fencing().kind().equals("none")));
        Element resources = child(configuration, "resources");
        fencing(resources);
        if (!fencingOnly) {
            drbd(resources);
            group(resources);
        }
        Element constraints = child(configuration, "constraints");
        for (NewConstraint c : fencingOnly ? fenceLocations() : constraints()) {
            Element e = doc.createElement(c.element().getKey());
            c.element().getValue().forEach((name, value) -> {
                if (value != null) {
                    e.setAttribute(name, value);
                }
            });
            constraints.appendChild(e);
        }
        if (fencingOnly) {
            return write();
        }
        // an active/passive service stays where it runs when the failed node comes back
        Element defaults = child(child(configuration, "rsc_defaults"), "meta_attributes");
        defaults.setAttribute("id", "rsc-options");
        nvpair(defaults, "rsc-options", "resource-stickiness", "100");
        return write();
    }

    private void fencing(Element resources) {
        String kind = spec.fencing().kind();
        String delayNode = spec.fencing().delayNode();
        switch (kind) {
            case "none" -> {
            }
            case "sbd" -> {
                Map<String, String> params = new LinkedHashMap<>(spec.fencing().parameters().get(spec.nodes().get(0).name()));
                // one device fences both nodes: the delay is a node map
                params.put("pcmk_delay_base", delayNode + ":" + FENCING_DELAY);
                primitive(resources, "st_sbd", "stonith", null, "fence_sbd", params, List.of(op("monitor", "60s", null, null)));
            }
            default -> {
                for (SetupSpec.Node node : spec.nodes()) {
                    Map<String, String> params = new LinkedHashMap<>(spec.fencing().parameters().get(node.name()));
                    params.put("pcmk_host_list", node.name());
                    if (node.name().equals(delayNode)) {
                        params.put("pcmk_delay_base", FENCING_DELAY);
                    }
                    primitive(resources, "st_" + node.name(), "stonith", null, agent(kind), params,
                            List.of(op("monitor", "60s", null, null)));
                }
            }
        }
    }

    private static String agent(String kind) {
        return switch (kind) {
            case "ipmi" -> "fence_ipmilan";
            case "virsh" -> "fence_virsh";
            case "lab" -> "fence_lab";
            default -> throw new IllegalArgumentException("no per-node fence agent for kind " + kind);
        };
    }

    private void drbd(Element resources) {
        String clone = drbdClone(spec);
        Element e = child(resources, "clone");
        e.setAttribute("id", clone);
        Element meta = child(e, "meta_attributes");
        meta.setAttribute("id", clone + "-meta_attributes");
        Map<String, String> metas = new LinkedHashMap<>();
        metas.put("promotable", "true");
        metas.put("promoted-max", "1");
        metas.put("promoted-node-max", "1");
        metas.put("clone-max", "2");
        metas.put("clone-node-max", "1");
        metas.put("notify", "true");
        metas.forEach((name, value) -> nvpair(meta, clone + "-meta_attributes", name, value));
        // the agent's own advised timeouts (its metadata); monitor intervals differ per role, as Pacemaker requires
        primitive(e, drbdPrimitive(spec), "ocf", "linbit", "drbd", Map.of("drbd_resource", spec.drbd().resource()),
                List.of(op("monitor", "29s", "Promoted", "20s"), op("monitor", "31s", "Unpromoted", "20s"),
                        op("start", "0s", null, "240s"), op("promote", "0s", null, "90s"),
                        op("demote", "0s", null, "90s"), op("notify", "0s", null, "90s"), op("stop", "0s", null, "100s")));
    }

    private void group(Element resources) {
        Element g = child(resources, "group");
        g.setAttribute("id", GROUP);
        Map<String, String> fs = new LinkedHashMap<>();
        fs.put("device", spec.drbd().device());
        fs.put("directory", spec.filesystem().mountpoint());
        fs.put("fstype", spec.filesystem().type());
        primitive(g, "p_fs", "ocf", "heartbeat", "Filesystem", fs, List.of(op("monitor", "20s", null, "40s"),
                op("start", "0s", null, "60s"), op("stop", "0s", null, "60s")));
        Map<String, String> vip = new LinkedHashMap<>();
        vip.put("ip", spec.service().vip());
        vip.put("cidr_netmask", Integer.toString(spec.service().prefixLength()));
        vip.put("nic", spec.service().nic());
        primitive(g, "p_vip", "ocf", "heartbeat", "IPaddr2", vip, List.of(op("monitor", "10s", null, "20s")));
        Map<String, String> dhcpd = new LinkedHashMap<>();
        dhcpd.put("config", DhcpdConf.PATH);
        dhcpd.put("chrooted", "false");
        // not chrooted, the agent still passes -lf chrooted_path/leases: both together put it on the replicated disk
        dhcpd.put("chrooted_path", spec.filesystem().mountpoint());
        dhcpd.put("leases", LEASES);
        dhcpd.put("user", dhcpdUser(generation));
        dhcpd.put("group", dhcpdUser(generation));
        dhcpd.put("interface", spec.service().nic());
        primitive(g, "p_dhcpd", "ocf", "heartbeat", "dhcpd", dhcpd, List.of(op("monitor", "10s", null, "20s")));
    }

    /** The group with DRBD's Promoted instance, and only after the promotion. */
    List<NewConstraint> constraints() {
        String clone = drbdClone(spec);
        List<NewConstraint> out = new ArrayList<>();
        out.add(new NewConstraint.Colocation("col_" + GROUP + "_with_" + clone + "_promoted", GROUP, clone,
                "INFINITY", null, "Promoted"));
        out.add(new NewConstraint.Order("ord_" + clone + "_promote_before_" + GROUP, clone, GROUP, "promote",
                "start", "Mandatory"));
        out.addAll(fenceLocations());
        return out;
    }

    /** A node never fences itself: each node's device runs on the other node. */
    List<NewConstraint> fenceLocations() {
        if (spec.fencing().kind().equals("none") || spec.fencing().kind().equals("sbd")) {
            return List.of();
        }
        return spec.nodes().stream().<NewConstraint>map(node -> new NewConstraint.Location("loc_st_" + node.name()
                + "_avoid_" + node.name(), "st_" + node.name(), node.name(), "-INFINITY", null)).toList();
    }

    /** The ids the fencing fragment adds (constraints first: the undo deletes in this order). */
    public static List<String> fencingIds(SetupSpec spec) {
        List<String> ids = new ArrayList<>();
        new CibResources(spec, null).fenceLocations().forEach(c -> ids.add(c.id()));
        ids.addAll(fenceDevices(spec));
        return ids;
    }

    /** The ids the data part adds (constraints first: the undo deletes in this order). */
    public static List<String> dataIds(SetupSpec spec) {
        CibResources c = new CibResources(spec, null);
        List<String> ids = new ArrayList<>();
        c.constraints().stream().filter(x -> !c.fenceLocations().contains(x)).forEach(x -> ids.add(x.id()));
        ids.add(GROUP);
        ids.add(drbdClone(spec));
        return ids;
    }

    private record Op(String name, String interval, String role, String timeout) {
    }

    private static Op op(String name, String interval, String role, String timeout) {
        return new Op(name, interval, role, timeout);
    }

    private void primitive(Element parent, String id, String cls, String provider, String type,
            Map<String, String> params, List<Op> ops) {
        Element p = child(parent, "primitive");
        p.setAttribute("id", id);
        p.setAttribute("class", cls);
        if (provider != null) {
            p.setAttribute("provider", provider);
        }
        p.setAttribute("type", type);
        if (!params.isEmpty()) {
            Element ia = child(p, "instance_attributes");
            ia.setAttribute("id", id + "-instance_attributes");
            params.forEach((name, value) -> nvpair(ia, id + "-instance_attributes", name, value));
        }
        Element operations = child(p, "operations");
        for (Op o : ops) {
            Element e = child(operations, "op");
            e.setAttribute("id", id + "-" + o.name() + "-interval-" + o.interval()
                    + (o.role() == null ? "" : "-" + o.role()));
            e.setAttribute("name", o.name());
            e.setAttribute("interval", o.interval());
            if (o.role() != null) {
                e.setAttribute("role", o.role());
            }
            if (o.timeout() != null) {
                e.setAttribute("timeout", o.timeout());
            }
        }
    }

    private void nvpair(Element parent, String setId, String name, String value) {
        Element e = child(parent, "nvpair");
        e.setAttribute("id", setId + "-" + name);
        e.setAttribute("name", name);
        e.setAttribute("value", value);
    }

    private Element child(Element parent, String name) {
        Element e = doc.createElement(name);
        parent.appendChild(e);
        return e;
    }

    private String write() {
        try {
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("the JDK's XML writer failed", e);
        }
    }
}
