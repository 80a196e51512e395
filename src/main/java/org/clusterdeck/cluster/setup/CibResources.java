package org.clusterdeck.cluster.setup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.agents.AgentName;
import org.clusterdeck.cluster.command.NewConstraint;
import org.clusterdeck.cluster.command.NewPrimitive;
import org.clusterdeck.cluster.command.NewPrimitive.Op;
import org.clusterdeck.cluster.xml.XmlWriter;
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
        return generation.packageManager() == NodeGeneration.PackageManager.APT ? "root" : DHCPD_ACCOUNT;
    }

    /** The account dhcpd drops to where the package makes one (Ubuntu's isc-dhcp-server, Fedora and EL's dhcp-server). */
    public static final String DHCPD_ACCOUNT = "dhcpd";
    /** The leases file relative to the mountpoint: the agent builds {@code -lf} as chrooted_path/leases. */
    public static final String LEASES = "dhcp/dhcpd.leases";

    /** Every resource's defaults: an active/passive service stays where it runs when the failed node comes back. */
    static final Map<String, String> RESOURCE_DEFAULTS = Map.of("resource-stickiness", "100");

    private final SetupSpec spec;
    private final NodeGeneration generation;

    private CibResources(SetupSpec spec, NodeGeneration generation) {
        this.spec = spec;
        this.generation = generation;
    }

    SetupSpec spec() {
        return spec;
    }

    /** The stack for this spec on nodes of this generation. */
    public static CibResources of(SetupSpec spec, NodeGeneration generation) {
        return new CibResources(spec, generation);
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
        return of(spec, generation).xml(false);
    }

    /**
     * The fencing part alone (the property, the devices and where they may run), pushed before any
     * data resource exists; the whole fragment repeats it unchanged, so pushing that later changes nothing here.
     */
    public static String fencingFragment(SetupSpec spec, NodeGeneration generation) {
        return of(spec, generation).xml(true);
    }

    /** The fencing property's name on these nodes and its value: whether the spec fences at all. */
    String fencingProperty() {
        return generation.fencingProperty();
    }

    String fencingEnabled() {
        return Boolean.toString(!spec.fencing().kind().equals("none"));
    }

    /** The fence devices: one per node (each knows its node), or the one SBD device that fences both. */
    List<NewPrimitive> fencing() {
        String kind = spec.fencing().kind();
        String delayNode = spec.fencing().delayNode();
        List<Op> monitor = List.of(new Op("monitor", "60s", null, null));
        switch (kind) {
            case "none":
                return List.of();
            case "sbd": {
                Map<String, String> params = new LinkedHashMap<>(spec.fencing().parameters().get(spec.nodes().get(0).name()));
                // one device fences both nodes: the delay is a node map
                params.put("pcmk_delay_base", delayNode + ":" + FENCING_DELAY);
                return List.of(new NewPrimitive("st_sbd", new AgentName("stonith", null, "fence_sbd"), params, monitor));
            }
            default: {
                List<NewPrimitive> out = new ArrayList<>();
                for (SetupSpec.Node node : spec.nodes()) {
                    Map<String, String> params = new LinkedHashMap<>(spec.fencing().parameters().get(node.name()));
                    params.put("pcmk_host_list", node.name());
                    if (node.name().equals(delayNode)) {
                        params.put("pcmk_delay_base", FENCING_DELAY);
                    }
                    out.add(new NewPrimitive("st_" + node.name(), new AgentName("stonith", null, fenceAgent(kind)), params,
                            monitor));
                }
                return out;
            }
        }
    }

    /** The fence agent of a fencing kind; {@code sbd}'s is {@code fence_sbd}. */
    public static String fenceAgent(String kind) {
        return switch (kind) {
            case "ipmi" -> "fence_ipmilan";
            case "virsh" -> "fence_virsh";
            case "lab" -> "fence_lab";
            case "sbd" -> "fence_sbd";
            default -> throw new IllegalArgumentException("no fence agent for kind " + kind);
        };
    }

    /** DRBD's primitive, with the agent's own advised timeouts (its metadata) and a monitor per role. */
    NewPrimitive drbd() {
        // monitor intervals differ per role, as Pacemaker requires
        return new NewPrimitive(drbdPrimitive(spec), new AgentName("ocf", "linbit", "drbd"),
                Map.of("drbd_resource", spec.drbd().resource()),
                List.of(new Op("monitor", "29s", "Promoted", "20s"), new Op("monitor", "31s", "Unpromoted", "20s"),
                        new Op("start", "0s", null, "240s"), new Op("promote", "0s", null, "90s"),
                        new Op("demote", "0s", null, "90s"), new Op("notify", "0s", null, "90s"),
                        new Op("stop", "0s", null, "100s")));
    }

    /** The promotable clone's meta attributes but {@code promotable} itself: one Promoted instance, on two nodes. */
    static Map<String, String> drbdCloneMeta() {
        Map<String, String> metas = new LinkedHashMap<>();
        metas.put("promoted-max", "1");
        metas.put("promoted-node-max", "1");
        metas.put("clone-max", "2");
        metas.put("clone-node-max", "1");
        metas.put("notify", "true");
        return metas;
    }

    /** The group's members in start order: filesystem, VIP, dhcpd. */
    List<NewPrimitive> group() {
        Map<String, String> fs = new LinkedHashMap<>();
        fs.put("device", spec.drbd().device());
        fs.put("directory", spec.filesystem().mountpoint());
        fs.put("fstype", spec.filesystem().type());
        Map<String, String> vip = new LinkedHashMap<>();
        vip.put("ip", spec.service().vip());
        vip.put("cidr_netmask", Integer.toString(spec.service().prefixLength()));
        vip.put("nic", spec.service().nic());
        Map<String, String> dhcpd = new LinkedHashMap<>();
        dhcpd.put("config", DhcpdConf.PATH);
        dhcpd.put("chrooted", "false");
        // not chrooted, the agent still passes -lf chrooted_path/leases: both together put it on the replicated disk
        dhcpd.put("chrooted_path", spec.filesystem().mountpoint());
        dhcpd.put("leases", LEASES);
        dhcpd.put("user", dhcpdUser(generation));
        dhcpd.put("group", dhcpdUser(generation));
        dhcpd.put("interface", spec.service().nic());
        return List.of(new NewPrimitive("p_fs", new AgentName("ocf", "heartbeat", "Filesystem"), fs, List.of(new Op("monitor", "20s", null, "40s"),
                        new Op("start", "0s", null, "60s"), new Op("stop", "0s", null, "60s"))),
                new NewPrimitive("p_vip", new AgentName("ocf", "heartbeat", "IPaddr2"), vip, List.of(new Op("monitor", "10s", null, "20s"))),
                new NewPrimitive("p_dhcpd", new AgentName("ocf", "heartbeat", "dhcpd"), dhcpd, List.of(new Op("monitor", "10s", null, "20s"))));
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

    /** The constraints of the data part: the group with DRBD's Promoted instance, after the promotion. */
    List<NewConstraint> dataConstraints() {
        return constraints().stream().filter(c -> !fenceLocations().contains(c)).toList();
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
        c.dataConstraints().forEach(x -> ids.add(x.id()));
        ids.add(GROUP);
        ids.add(drbdClone(spec));
        return ids;
    }

    /** The {@code <configuration>} fragment, indented: only the fencing part, or all of it. */
    String xml(boolean fencingOnly) {
        Xml x = new Xml();
        Element configuration = x.doc.createElement("configuration");
        x.doc.appendChild(configuration);
        Element options = x.child(x.child(configuration, "crm_config"), "cluster_property_set");
        options.setAttribute("id", "cib-bootstrap-options");
        x.nvpair(options, "cib-bootstrap-options", fencingProperty(), fencingEnabled());
        Element resources = x.child(configuration, "resources");
        fencing().forEach(p -> p.appendTo(resources));
        if (!fencingOnly) {
            Element clone = x.child(resources, "clone");
            String cloneId = drbdClone(spec);
            clone.setAttribute("id", cloneId);
            Element meta = x.child(clone, "meta_attributes");
            meta.setAttribute("id", cloneId + "-meta_attributes");
            x.nvpair(meta, cloneId + "-meta_attributes", "promotable", "true");
            drbdCloneMeta().forEach((name, value) -> x.nvpair(meta, cloneId + "-meta_attributes", name, value));
            drbd().appendTo(clone);
            Element g = x.child(resources, "group");
            g.setAttribute("id", GROUP);
            group().forEach(p -> p.appendTo(g));
        }
        Element constraints = x.child(configuration, "constraints");
        for (NewConstraint c : fencingOnly ? fenceLocations() : constraints()) {
            Element e = x.doc.createElement(c.element().getKey());
            c.element().getValue().forEach((name, value) -> {
                if (value != null) {
                    e.setAttribute(name, value);
                }
            });
            constraints.appendChild(e);
        }
        if (!fencingOnly) {
            Element defaults = x.child(x.child(configuration, "rsc_defaults"), "meta_attributes");
            defaults.setAttribute("id", "rsc-options");
            RESOURCE_DEFAULTS.forEach((name, value) -> x.nvpair(defaults, "rsc-options", name, value));
        }
        return x.write();
    }

    /** One XML document being built, with the JDK's DOM, which escapes every value. */
    private static final class Xml {
        final Document doc = XmlWriter.newDocument();

        void nvpair(Element parent, String setId, String name, String value) {
            Element e = child(parent, "nvpair");
            e.setAttribute("id", setId + "-" + name);
            e.setAttribute("name", name);
            e.setAttribute("value", value);
        }

        Element child(Element parent, String name) {
            Element e = doc.createElement(name);
            parent.appendChild(e);
            return e;
        }

        String write() {
            return XmlWriter.indented(doc);
        }
    }
}
