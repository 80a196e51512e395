package org.clusterdeck.cluster.setup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clusterdeck.cluster.command.ActionInput;
import org.clusterdeck.cluster.command.CommandDialect;
import org.clusterdeck.cluster.command.InvalidInputException;

/**
 * Every rule a spec's values must keep, each checked where the value is read so the error names
 * the field. Names go through the project's own rules ({@link ActionInput}): a node name that
 * Pacemaker, corosync or DRBD would read differently is refused here, not halfway through a setup.
 */
public final class SetupSpecRules {
    /** The fencing kinds a spec may name; {@code none} only with {@code acknowledgeNoFencing}. */
    public static final List<String> FENCING_KINDS = List.of("ipmi", "virsh", "sbd", "lab", "none");
    /** Parameters each fencing kind needs per node, as its agent names them. */
    public static final Map<String, List<String>> FENCING_REQUIRED = Map.of(
            "ipmi", List.of("ip", "username", "password"),
            "virsh", List.of("ip", "username", "plug"),
            "sbd", List.of("devices"),
            "lab", List.of("plug"));
    /** Set by the plan from the spec's nodes and delayNode; given by hand they would disagree with it. */
    private static final Set<String> FENCING_RESERVED = Set.of("pcmk_host_list", "pcmk_host_map",
            "pcmk_delay_base", "pcmk_delay_max", "action");

    // a dhcpd.conf for one subnet is a few hundred bytes; a megabyte is a pasted file of something else
    private static final int MAX_DHCPD_CONF = 1 << 20;
    // drbd.conf's rate: a number of KiB/s, or with a K, M or G suffix
    private static final Pattern RATE = Pattern.compile("([1-9]\\d{0,9})([KMG]?)");
    // DRBD 8.4 and 9 cap resync-rate at 4 GiB/s (4194304 KiB/s)
    private static final long MAX_RATE_KIB = 4L << 20;
    private static final Pattern DRBD_DEVICE = Pattern.compile("/dev/drbd(0|[1-9]\\d{0,6})");
    // Linux interface names: up to 15 bytes, no '/', whitespace or ':' (an alias is not a NIC)
    private static final Pattern NIC = Pattern.compile("[A-Za-z0-9_.-]{1,15}");
    // what SSH takes as [user@]host[:port]; the transport parses it, this only keeps shell and options out
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9_.-]+@)?[A-Za-z0-9_.\\[\\]:-]+");

    private SetupSpecRules() {
    }

    /** The first problem of the spec, as an exception: what reading a spec file stops at. */
    static void check(SetupSpec spec) {
        for (Runnable section : sections(spec)) {
            section.run();
        }
    }

    /**
     * The first problem of each part of the spec, every part checked on its own, so that a form can
     * show each of its fields' problems while other parts are still unanswered. Parts that need two
     * nodes are left out until there are two.
     */
    public static List<SetupSpecException> problems(SetupSpec spec) {
        List<SetupSpecException> found = new ArrayList<>();
        for (Runnable section : sections(spec)) {
            try {
                section.run();
            } catch (SetupSpecException e) {
                found.add(e);
            }
        }
        return List.copyOf(found);
    }

    private static List<Runnable> sections(SetupSpec spec) {
        List<Runnable> parts = new ArrayList<>(List.of(() -> name("cluster", spec.cluster()), () -> dialect(spec),
                () -> nodeCount(spec)));
        if (spec.nodes().size() == 2 && spec.nodes().stream().allMatch(java.util.Objects::nonNull)) {
            parts.addAll(List.of(() -> nodeNames(spec), () -> nodeHosts(spec), () -> nodeAddresses(spec),
                    () -> nodeDisks(spec), () -> corosync(spec), () -> fencing(spec)));
        }
        parts.addAll(List.of(() -> drbd(spec.drbd()), () -> filesystem(spec.filesystem()), () -> service(spec.service()),
                () -> verification(spec.verification())));
        return parts;
    }

    private static void dialect(SetupSpec spec) {
        if (!CommandDialect.NAMES.contains(spec.dialect())) {
            throw new SetupSpecException("dialect", "'" + spec.dialect() + "' is not one of "
                    + String.join(", ", CommandDialect.NAMES));
        }
    }

    private static void verification(SetupSpec.Verification v) {
        if (v == null) {
            return;
        }
        if (v.dhcpProbe().isEmpty()) {
            throw new SetupSpecException("verification.dhcpProbe", "missing; the command (and its arguments) that"
                    + " asks for a lease on the client network, e.g. [/usr/local/bin/probe-dhcp, --timeout, \"10\"]");
        }
        for (int i = 0; i < v.dhcpProbe().size(); i++) {
            if (v.dhcpProbe().get(i) == null || v.dhcpProbe().get(i).isBlank()) {
                throw new SetupSpecException("verification.dhcpProbe[" + i + "]", "empty");
            }
        }
    }

    private static void nodeCount(SetupSpec spec) {
        if (spec.nodes().size() != 2) {
            throw new SetupSpecException("nodes", "exactly two nodes are needed (this wizard builds a two-node"
                    + " cluster), found " + spec.nodes().size());
        }
        for (int i = 0; i < 2; i++) {
            if (spec.nodes().get(i) == null) {
                throw new SetupSpecException("nodes[" + i + "]", "empty; a node has name, host, heartbeat and disk");
            }
        }
    }

    private static void nodeNames(SetupSpec spec) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            SetupSpec.Node node = spec.nodes().get(i);
            String at = "nodes[" + i + "].name";
            try {
                ActionInput.nodeName(required(at, node.name()));
            } catch (InvalidInputException e) {
                throw new SetupSpecException(at, "'" + node.name() + "': " + e.reason(), e);
            }
            if (!names.add(node.name())) {
                throw new SetupSpecException(at, "'" + node.name() + "' names both nodes");
            }
        }
    }

    private static void nodeHosts(SetupSpec spec) {
        for (int i = 0; i < 2; i++) {
            String host = spec.nodes().get(i).host();
            if (!HOST.matcher(required("nodes[" + i + "].host", host)).matches()) {
                throw new SetupSpecException("nodes[" + i + "].host", "'" + host + "' is not [user@]host[:port]");
            }
        }
    }

    private static void nodeAddresses(SetupSpec spec) {
        Set<String> addresses = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            SetupSpec.Node node = spec.nodes().get(i);
            String at = "nodes[" + i + "]";
            if (!addresses.add(ipv4(at + ".heartbeat", node.heartbeat()).toString())) {
                throw new SetupSpecException(at + ".heartbeat", node.heartbeat() + " is the other node's address too");
            }
            if (node.management() != null) {
                ipv4(at + ".management", node.management());
            }
        }
    }

    private static void nodeDisks(SetupSpec spec) {
        for (int i = 0; i < 2; i++) {
            disk("nodes[" + i + "].disk", spec.nodes().get(i).disk());
        }
    }

    private static void corosync(SetupSpec spec) {
        SetupSpec.Corosync c = spec.corosync();
        if (c == null) {
            return;
        }
        if (c.secondLink()) {
            for (int i = 0; i < 2; i++) {
                if (spec.nodes().get(i).management() == null) {
                    throw new SetupSpecException("nodes[" + i + "].management", "corosync.secondLink needs every"
                            + " node's management address (knet link 1)");
                }
            }
        }
        if (c.tokenMs() != null && (c.tokenMs() < 1000 || c.tokenMs() > 300_000)) {
            throw new SetupSpecException("corosync.tokenMs", c.tokenMs() + " is outside 1000-300000: shorter"
                    + " declares a busy node dead, longer leaves a dead one unnoticed for minutes");
        }
    }

    private static void fencing(SetupSpec spec) {
        SetupSpec.Fencing f = spec.fencing();
        if (f == null) {
            throw new SetupSpecException("fencing", "missing; say how a node that stops answering is taken out ("
                    + String.join(", ", FENCING_KINDS) + ")");
        }
        if (!FENCING_KINDS.contains(required("fencing.kind", f.kind()))) {
            throw new SetupSpecException("fencing.kind", "'" + f.kind() + "' is not one of "
                    + String.join(", ", FENCING_KINDS));
        }
        if (f.kind().equals("none")) {
            if (!f.acknowledgeNoFencing()) {
                throw new SetupSpecException("fencing.acknowledgeNoFencing", "kind none needs acknowledgeNoFencing:"
                        + " true. Without fencing a node that stops answering is assumed dead: both nodes then"
                        + " promote DRBD, mount the filesystem and serve DHCP (split brain, diverged data)");
            }
            if (!f.parameters().isEmpty() || f.delayNode() != null || f.test()) {
                throw new SetupSpecException("fencing", "kind none takes no parameters, no delayNode and no test");
            }
            return;
        }
        if (f.acknowledgeNoFencing()) {
            throw new SetupSpecException("fencing.acknowledgeNoFencing", "only for kind none; this spec fences with "
                    + f.kind());
        }
        List<String> nodeNames = spec.nodes().stream().map(SetupSpec.Node::name).toList();
        if (!f.parameters().keySet().equals(Set.copyOf(nodeNames))) {
            throw new SetupSpecException("fencing.parameters", "needs one entry per node (" + String.join(", ",
                    nodeNames) + "), found " + f.parameters().keySet().stream().sorted().toList());
        }
        for (String node : nodeNames) {
            Map<String, String> params = f.parameters().get(node) == null ? Map.of() : f.parameters().get(node);
            String at = "fencing.parameters." + node;
            for (String needed : FENCING_REQUIRED.get(f.kind())) {
                if (!params.containsKey(needed)) {
                    throw new SetupSpecException(at, "kind " + f.kind() + " needs '" + needed + "'");
                }
            }
            params.forEach((name, value) -> {
                if (FENCING_RESERVED.contains(name)) {
                    throw new SetupSpecException(at + "." + name, "set by the plan from the nodes and delayNode");
                }
                name(at + "." + name + " (its name)", name);
                try {
                    ActionInput.value(at + "." + name, value);
                } catch (InvalidInputException e) {
                    throw new SetupSpecException(at + "." + name, e.reason(), e);
                }
            });
        }
        if (f.kind().equals("sbd")) {
            for (String node : nodeNames) {
                // one shared disk, written into sbd's settings file: a plain device path, nothing a shell reads
                disk("fencing.parameters." + node + ".devices", f.parameters().get(node).get("devices"));
            }
            if (!f.parameters().get(nodeNames.get(0)).get("devices")
                    .equals(f.parameters().get(nodeNames.get(1)).get("devices"))) {
                throw new SetupSpecException("fencing.parameters", "sbd's device is one shared disk: the same on both nodes");
            }
        }
        if (f.delayNode() == null || !nodeNames.contains(f.delayNode())) {
            throw new SetupSpecException("fencing.delayNode", (f.delayNode() == null ? "missing" : "'" + f.delayNode()
                    + "' is not a node of this spec") + "; name the node that survives a split (its fencing waits,"
                    + " so the two nodes never shoot each other at once)");
        }
    }

    private static void drbd(SetupSpec.Drbd d) {
        if (d == null) {
            throw new SetupSpecException("drbd", "missing; needs resource and device");
        }
        name("drbd.resource", d.resource());
        if (!DRBD_DEVICE.matcher(required("drbd.device", d.device())).matches()) {
            throw new SetupSpecException("drbd.device", "'" + d.device() + "' is not /dev/drbdN (N the minor number)");
        }
        if (d.port() < 1 || d.port() > 65535) {
            throw new SetupSpecException("drbd.port", d.port() + " is not a TCP port (1-65535)");
        }
        if (d.resyncRate() != null) {
            resyncRateKiB(d.resyncRate());
        }
    }

    /** The rate in KiB/s, as drbd.conf reads it (no suffix: KiB/s; K, M, G: binary multiples). */
    static long resyncRateKiB(String rate) {
        Matcher m = RATE.matcher(rate);
        if (!m.matches()) {
            throw new SetupSpecException("drbd.resyncRate", "'" + rate + "' is not drbd.conf's rate: a number of"
                    + " KiB/s, or with K, M or G, e.g. 40M");
        }
        long kib = Long.parseLong(m.group(1)) << switch (m.group(2)) {
            case "M" -> 10;
            case "G" -> 20;
            default -> 0;
        };
        if (kib > MAX_RATE_KIB) {
            throw new SetupSpecException("drbd.resyncRate", "'" + rate + "' is above DRBD's limit of 4G (4194304 KiB/s)");
        }
        return kib;
    }

    private static void filesystem(SetupSpec.Filesystem fs) {
        if (fs == null) {
            throw new SetupSpecException("filesystem", "missing; needs mountpoint (and type, ext4 by default)");
        }
        if (!SetupSpec.Filesystem.TYPES.contains(fs.type())) {
            throw new SetupSpecException("filesystem.type", "'" + fs.type() + "' is not one of "
                    + String.join(", ", SetupSpec.Filesystem.TYPES));
        }
        String mountpoint = required("filesystem.mountpoint", fs.mountpoint());
        if (!isCleanAbsolute(mountpoint) || mountpoint.equals("/")) {
            throw new SetupSpecException("filesystem.mountpoint", "'" + mountpoint + "' is not an absolute directory"
                    + " path other than / (no '..', '//' or trailing '/')");
        }
    }

    private static void service(SetupSpec.Service s) {
        if (s == null) {
            throw new SetupSpecException("service", "missing; needs vip, prefixLength, nic and dhcp");
        }
        Ipv4 vip = ipv4("service.vip", s.vip());
        if (s.prefixLength() == null) {
            throw new SetupSpecException("service.prefixLength", "missing");
        }
        if (s.prefixLength() < 1 || s.prefixLength() > 32) {
            throw new SetupSpecException("service.prefixLength", s.prefixLength() + " is not 1-32");
        }
        if (!NIC.matcher(required("service.nic", s.nic())).matches() || s.nic().matches("\\.+")) {
            throw new SetupSpecException("service.nic", "'" + s.nic() + "' is not a network interface name (1-15"
                    + " letters, digits, '.', '-', '_')");
        }
        SetupSpec.Dhcp d = s.dhcp();
        if (d == null) {
            throw new SetupSpecException("service.dhcp", "missing; needs subnet, rangeFrom and rangeTo");
        }
        Ipv4.Subnet subnet;
        try {
            subnet = Ipv4.Subnet.parse(required("service.dhcp.subnet", d.subnet()));
        } catch (IllegalArgumentException e) {
            throw new SetupSpecException("service.dhcp.subnet", "'" + d.subnet() + "': " + e.getMessage(), e);
        }
        if (!subnet.hasHost(vip)) {
            throw new SetupSpecException("service.vip", vip + " is not a host address of the DHCP subnet " + subnet);
        }
        if (s.prefixLength() != subnet.prefixLength()) {
            throw new SetupSpecException("service.prefixLength", s.prefixLength() + " differs from the DHCP subnet's /"
                    + subnet.prefixLength() + ": the VIP would sit on another network than the one it serves");
        }
        Ipv4 from = hostOf(subnet, "service.dhcp.rangeFrom", d.rangeFrom());
        Ipv4 to = hostOf(subnet, "service.dhcp.rangeTo", d.rangeTo());
        if (from.value() > to.value()) {
            throw new SetupSpecException("service.dhcp.rangeTo", to + " comes before rangeFrom " + from);
        }
        if (vip.value() >= from.value() && vip.value() <= to.value()) {
            throw new SetupSpecException("service.dhcp", "the range " + from + "-" + to + " contains the VIP " + vip
                    + ": a client could be leased the server's own address");
        }
        if (d.router() != null) {
            Ipv4 router = hostOf(subnet, "service.dhcp.router", d.router());
            if (router.value() >= from.value() && router.value() <= to.value()) {
                throw new SetupSpecException("service.dhcp.router", router + " is inside the range " + from + "-" + to
                        + ": a client could be leased the gateway's address");
            }
        }
        for (int i = 0; i < d.dns().size(); i++) {
            ipv4("service.dhcp.dns[" + i + "]", d.dns().get(i));
        }
        if (d.config() != null && (d.config().isBlank() || d.config().length() > MAX_DHCPD_CONF)) {
            throw new SetupSpecException("service.dhcp.config", d.config().isBlank() ? "empty; leave it out for the"
                    + " dhcpd.conf made from the fields" : "longer than " + MAX_DHCPD_CONF + " characters");
        }
        if (d.leaseSeconds() < 60) {
            throw new SetupSpecException("service.dhcp.leaseSeconds", d.leaseSeconds() + " is under 60 seconds:"
                    + " clients would renew all the time");
        }
    }

    private static Ipv4 hostOf(Ipv4.Subnet subnet, String field, String text) {
        Ipv4 address = ipv4(field, text);
        if (!subnet.hasHost(address)) {
            throw new SetupSpecException(field, address + " is not a host address of the DHCP subnet " + subnet);
        }
        return address;
    }

    private static Ipv4 ipv4(String field, String text) {
        try {
            return Ipv4.parse(required(field, text));
        } catch (SetupSpecException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new SetupSpecException(field, "'" + text + "': " + e.getMessage(), e);
        }
    }

    private static void disk(String field, String path) {
        if (!required(field, path).startsWith("/dev/") || !isCleanAbsolute(path) || path.equals("/dev")) {
            throw new SetupSpecException(field, "'" + path + "' is not a block device path under /dev (e.g. /dev/vdb"
                    + " or /dev/disk/by-id/…; no '..', '//' or trailing '/')");
        }
    }

    // absolute, already normal: what the admin wrote is what the tools get
    private static boolean isCleanAbsolute(String path) {
        return path.startsWith("/") && path.chars().noneMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))
                && Path.of(path).normalize().toString().equals(path);
    }

    // an id in the CIB and a name in corosync.conf and drbd.conf: the CIB's id rule covers all three
    private static void name(String field, String value) {
        try {
            ActionInput.id(field, required(field, value));
        } catch (InvalidInputException e) {
            throw new SetupSpecException(field, "'" + value + "': " + e.reason(), e);
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new SetupSpecException(field, "missing");
        }
        return value;
    }
}
