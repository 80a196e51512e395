package org.clusterdeck.cluster.setup;

/**
 * The DRBD configuration for the node's generation: {@code /etc/drbd.d/global_common.conf} (the
 * one place drbdadm allows a {@code global} section; Debian's own copy already has one, so it is
 * replaced, not added to) and {@code /etc/drbd.d/RES.res}.
 *
 * <p>What differs between the generations (drbd.conf(5) of 8.4 and drbd.conf-9.0(5)): 8.4 takes
 * {@code fencing} in {@code disk}, 9 in {@code net}; 8.4's fence-peer handler is
 * {@code crm-fence-peer.sh} with {@code crm-unfence-peer.sh} as after-resync-target, 9's are the
 * {@code .9.sh} scripts with their own {@code unfence-peer} handler; 9 needs node ids and says
 * which hosts connect. Never {@code allow-two-primaries}: this is an active/passive pair, and a
 * second Primary is exactly the split brain fencing is there to prevent.
 *
 * <p>The fence-peer handler gets {@link #FENCE_PEER_OPTIONS}: with {@code fencing resource-only}
 * the constraint it places is the fencing, and its own documentation gives a short poll for that
 * case. Its default (90 s of polling the CIB for the peer's state) also never ends early on
 * Pacemaker 2.1.7 and later, whose node_state records times where the handler looks for
 * "online": every failover would then wait out the whole poll, longer than the promote's timeout
 * (seen on Debian 13, Pacemaker 3.0 with drbd-utils 9.22: promote timed out after 90 s; with
 * these options the handler placed its constraint within a second).
 */
public final class DrbdConf {
    public static final String GLOBAL_PATH = "/etc/drbd.d/global_common.conf";
    static final String FENCE_PEER_OPTIONS = " --timeout=1 --dc-timeout=20";

    private DrbdConf() {
    }

    public static String resourcePath(SetupSpec spec) {
        return "/etc/drbd.d/" + spec.drbd().resource() + ".res";
    }

    /** Global options only: the resource file carries everything else, so nothing is inherited unseen. */
    public static String global() {
        return """
                # Written by ClusterDeck's setup; see drbd.conf(5).
                global {
                    usage-count no;
                }
                common {
                }
                """;
    }

    public static String resource(SetupSpec spec, boolean drbd9) {
        SetupSpec.Drbd d = spec.drbd();
        StringBuilder sb = new StringBuilder();
        sb.append("# Written by ClusterDeck's setup for DRBD ").append(drbd9 ? "9" : "8.4")
                .append(drbd9 ? "; see drbd.conf-9.0(5).\n" : "; see drbd.conf-8.4(5).\n");
        sb.append("resource ").append(d.resource()).append(" {\n");
        sb.append("    net {\n");
        sb.append("        protocol C;\n");
        if (drbd9) {
            sb.append("        fencing resource-only;\n");
        }
        sb.append("    }\n");
        if (!drbd9 || d.resyncRate() != null) {
            sb.append("    disk {\n");
            if (!drbd9) {
                sb.append("        fencing resource-only;\n");
            }
            if (d.resyncRate() != null) {
                sb.append("        resync-rate ").append(d.resyncRate()).append(";\n");
            }
            sb.append("    }\n");
        }
        sb.append("    handlers {\n");
        if (drbd9) {
            sb.append("        fence-peer \"/usr/lib/drbd/crm-fence-peer.9.sh" + FENCE_PEER_OPTIONS + "\";\n");
            sb.append("        unfence-peer \"/usr/lib/drbd/crm-unfence-peer.9.sh\";\n");
        } else {
            sb.append("        fence-peer \"/usr/lib/drbd/crm-fence-peer.sh" + FENCE_PEER_OPTIONS + "\";\n");
            sb.append("        after-resync-target \"/usr/lib/drbd/crm-unfence-peer.sh\";\n");
        }
        sb.append("    }\n");
        for (int i = 0; i < spec.nodes().size(); i++) {
            SetupSpec.Node node = spec.nodes().get(i);
            sb.append("    on ").append(node.name()).append(" {\n");
            if (drbd9) {
                sb.append("        node-id ").append(i).append(";\n");
            }
            sb.append("        device ").append(d.device()).append(";\n");
            sb.append("        disk ").append(node.disk()).append(";\n");
            sb.append("        address ").append(node.heartbeat()).append(':').append(d.port()).append(";\n");
            sb.append("        meta-disk internal;\n");
            sb.append("    }\n");
        }
        if (drbd9) {
            sb.append("    connection-mesh {\n");
            sb.append("        hosts ").append(spec.nodes().get(0).name()).append(' ')
                    .append(spec.nodes().get(1).name()).append(";\n");
            sb.append("    }\n");
        }
        sb.append("}\n");
        return sb.toString();
    }
}
