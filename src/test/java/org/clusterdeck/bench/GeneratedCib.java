package org.clusterdeck.bench;

/**
 * CIBs of any size shaped like real ones: each "stack" is a promotable clone (the DRBD pattern),
 * a group of filesystem, address and service colocated with and ordered after its promotion,
 * and a monitor resource, with location preferences, an anti-colocation between neighbouring
 * addresses and an optional order between neighbouring services: 5 primitives, 10 constraints.
 */
public final class GeneratedCib {
    public static final int PRIMITIVES_PER_STACK = 5;

    private GeneratedCib() {
    }

    /** {@code GeneratedCib PRIMITIVES FILE}: writes the CIB, for benchmarks outside the JVM (lab/bench-cold-paths). */
    public static void main(String[] args) throws java.io.IOException {
        java.nio.file.Files.writeString(java.nio.file.Path.of(args[1]), xml(Integer.parseInt(args[0])));
    }

    public static String xml(int primitives) {
        int stacks = Math.max(1, primitives / PRIMITIVES_PER_STACK);
        StringBuilder res = new StringBuilder();
        StringBuilder con = new StringBuilder();
        for (int i = 0; i < stacks; i++) {
            res.append("<clone id=\"ms_drbd").append(i).append("\">")
                    .append(meta("ms_drbd" + i, "promotable", "true", "promoted-max", "1", "clone-max", "2"))
                    .append(primitive("p_drbd" + i, "ocf", "pacemaker", "Stateful", "envfile", "/tmp/state" + i))
                    .append("</clone>\n");
            res.append("<group id=\"g_app").append(i).append("\">")
                    .append(primitive("p_fs" + i, "ocf", "heartbeat", "Filesystem", "device", "/dev/drbd" + i,
                            "directory", "/srv/app" + i, "fstype", "ext4"))
                    .append(primitive("p_ip" + i, "ocf", "heartbeat", "IPaddr2", "ip",
                            "10.20." + (i / 250) + "." + (i % 250 + 1), "cidr_netmask", "24"))
                    .append(primitive("p_svc" + i, "systemd", null, "app" + i, null, null))
                    .append("</group>\n");
            res.append(primitive("p_mon" + i, "ocf", "pacemaker", "Dummy", "state", "/run/mon" + i)).append('\n');
            String n = "node" + (i % 2 + 1);
            con.append("<rsc_colocation id=\"col_app").append(i).append("_on_drbd\" rsc=\"g_app").append(i)
                    .append("\" with-rsc=\"ms_drbd").append(i).append("\" with-rsc-role=\"Promoted\" score=\"INFINITY\"/>\n")
                .append("<rsc_order id=\"ord_drbd").append(i).append("_app\" first=\"ms_drbd").append(i)
                    .append("\" first-action=\"promote\" then=\"g_app").append(i).append("\" then-action=\"start\"/>\n")
                .append("<rsc_location id=\"loc_drbd").append(i).append("\" rsc=\"ms_drbd").append(i)
                    .append("\" node=\"").append(n).append("\" score=\"100\"/>\n")
                .append("<rsc_colocation id=\"col_mon").append(i).append("\" rsc=\"p_mon").append(i)
                    .append("\" with-rsc=\"g_app").append(i).append("\" score=\"INFINITY\"/>\n")
                .append("<rsc_order id=\"ord_mon").append(i).append("\" first=\"g_app").append(i)
                    .append("\" then=\"p_mon").append(i).append("\"/>\n")
                .append("<rsc_location id=\"loc_mon").append(i).append("\" rsc=\"p_mon").append(i)
                    .append("\" node=\"").append(n).append("\" score=\"50\"/>\n")
                .append("<rsc_location id=\"loc_app").append(i).append("\" rsc=\"g_app").append(i).append("\">")
                    .append("<rule id=\"loc_app").append(i).append("_rule\" score=\"-INFINITY\">")
                    .append("<expression id=\"loc_app").append(i)
                    .append("_expr\" attribute=\"#uname\" operation=\"eq\" value=\"node9\"/></rule></rsc_location>\n");
            int next = (i + 1) % stacks;
            if (next != i) {
                con.append("<rsc_colocation id=\"anti_ip").append(i).append("\" rsc=\"p_ip").append(i)
                        .append("\" with-rsc=\"p_ip").append(next).append("\" score=\"-1000\"/>\n")
                    .append("<rsc_order id=\"opt_svc").append(i).append("\" first=\"p_svc").append(i)
                        .append("\" then=\"p_svc").append(next).append("\" kind=\"Optional\"/>\n")
                    .append("<rsc_location id=\"loc_svc").append(i).append("\" rsc=\"p_svc").append(i)
                        .append("\" node=\"").append(n).append("\" score=\"10\"/>\n");
            }
        }
        return "<cib crm_feature_set=\"3.16.2\" validate-with=\"pacemaker-3.9\" epoch=\"42\" num_updates=\"0\""
                + " admin_epoch=\"0\">\n<configuration>\n<crm_config><cluster_property_set id=\"cib-bootstrap-options\">"
                + "<nvpair id=\"opt-stonith\" name=\"stonith-enabled\" value=\"false\"/></cluster_property_set></crm_config>\n"
                + "<nodes><node id=\"1\" uname=\"node1\"/><node id=\"2\" uname=\"node2\"/></nodes>\n"
                + "<resources>\n" + res + "</resources>\n<constraints>\n" + con + "</constraints>\n"
                + "</configuration>\n<status/>\n</cib>\n";
    }

    private static String meta(String owner, String... kv) {
        StringBuilder sb = new StringBuilder("<meta_attributes id=\"" + owner + "-meta\">");
        for (int i = 0; i < kv.length; i += 2) {
            sb.append("<nvpair id=\"").append(owner).append("-meta-").append(kv[i]).append("\" name=\"").append(kv[i])
                    .append("\" value=\"").append(kv[i + 1]).append("\"/>");
        }
        return sb.append("</meta_attributes>").toString();
    }

    private static String primitive(String id, String cls, String provider, String type, String... params) {
        StringBuilder sb = new StringBuilder("<primitive id=\"").append(id).append("\" class=\"").append(cls).append('"');
        if (provider != null) {
            sb.append(" provider=\"").append(provider).append('"');
        }
        sb.append(" type=\"").append(type).append("\">");
        if (params.length > 0 && params[0] != null) {
            sb.append("<instance_attributes id=\"").append(id).append("-params\">");
            for (int i = 0; i < params.length; i += 2) {
                sb.append("<nvpair id=\"").append(id).append("-params-").append(params[i]).append("\" name=\"")
                        .append(params[i]).append("\" value=\"").append(params[i + 1]).append("\"/>");
            }
            sb.append("</instance_attributes>");
        }
        return sb.append("<operations><op id=\"").append(id).append("-monitor-10s\" name=\"monitor\" interval=\"10s\"")
                .append(" timeout=\"20s\"/><op id=\"").append(id).append("-start-0\" name=\"start\" interval=\"0s\"")
                .append(" timeout=\"60s\"/><op id=\"").append(id).append("-stop-0\" name=\"stop\" interval=\"0s\"")
                .append(" timeout=\"60s\"/></operations></primitive>").toString();
    }
}
