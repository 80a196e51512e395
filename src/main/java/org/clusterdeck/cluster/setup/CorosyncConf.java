package org.clusterdeck.cluster.setup;

import java.util.List;

/**
 * {@code /etc/corosync/corosync.conf} for corosync 3, in the shape pcs and crmsh write: knet with
 * crypto (the authkey comes beside it), the heartbeat link as link 0 and, when asked, the
 * management network as link 1, node ids in the spec's order, and votequorum's {@code two_node}
 * so that the survivor of a two-node cluster keeps quorum (which is why no-quorum-policy stays at
 * its default). {@code two_node} implies {@code wait_for_all}: after a full stop both nodes must
 * be seen once before resources start.
 */
public final class CorosyncConf {
    public static final String PATH = "/etc/corosync/corosync.conf";
    public static final String AUTHKEY = "/etc/corosync/authkey";

    private CorosyncConf() {
    }

    public static String render(SetupSpec spec) {
        boolean secondLink = spec.corosync() != null && spec.corosync().secondLink();
        Integer token = spec.corosync() == null ? null : spec.corosync().tokenMs();
        StringBuilder sb = new StringBuilder();
        sb.append("# Written by ClusterDeck's setup for cluster ").append(spec.cluster())
                .append("; see corosync.conf(5).\n");
        sb.append("totem {\n");
        sb.append("    version: 2\n");
        sb.append("    cluster_name: ").append(spec.cluster()).append('\n');
        sb.append("    transport: knet\n");
        sb.append("    crypto_cipher: aes256\n");
        sb.append("    crypto_hash: sha256\n");
        if (token != null) {
            sb.append("    token: ").append(token).append('\n');
        }
        sb.append("}\n\nnodelist {\n");
        List<SetupSpec.Node> nodes = spec.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            SetupSpec.Node node = nodes.get(i);
            sb.append("    node {\n");
            sb.append("        nodeid: ").append(i + 1).append('\n');
            sb.append("        name: ").append(node.name()).append('\n');
            sb.append("        ring0_addr: ").append(node.heartbeat()).append('\n');
            if (secondLink) {
                sb.append("        ring1_addr: ").append(node.management()).append('\n');
            }
            sb.append("    }\n");
        }
        sb.append("}\n\n");
        sb.append("quorum {\n");
        sb.append("    provider: corosync_votequorum\n");
        sb.append("    two_node: 1\n");
        sb.append("}\n\n");
        sb.append("logging {\n");
        sb.append("    to_syslog: yes\n");
        sb.append("    to_logfile: no\n");
        sb.append("    timestamp: on\n");
        sb.append("}\n");
        return sb.toString();
    }
}
