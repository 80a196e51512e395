package org.clusterdeck.cluster.setup.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clusterdeck.cluster.FormatException;

/** Just enough of corosync.conf to judge it: the cluster's name and the node list's addresses. */
final class CorosyncConfParser {
    private static final Pattern KEY = Pattern.compile("^\\s*(cluster_name|ring\\d+_addr)\\s*:\\s*(\\S+)\\s*$");

    private CorosyncConfParser() {
    }

    static CorosyncConf parse(String text, String source) {
        String name = null;
        List<String> addresses = new ArrayList<>();
        int depth = 0;
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            String code = line.replaceFirst("#.*", "");
            depth += count(code, '{') - count(code, '}');
            if (depth < 0) {
                throw new FormatException(source, "line " + lineNo + ": '}' without a section: '" + line.strip() + "'");
            }
            Matcher m = KEY.matcher(code);
            if (m.matches()) {
                if (m.group(1).equals("cluster_name")) {
                    name = m.group(2);
                } else {
                    addresses.add(m.group(2));
                }
            }
        }
        if (depth != 0) {
            throw new FormatException(source, "a section is not closed (truncated?)");
        }
        if (!text.contains("totem")) {
            throw new FormatException(source, "no totem section: not a corosync.conf");
        }
        return new CorosyncConf(name, addresses, text);
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(ch -> ch == c).count();
    }
}
