package org.clusterdeck.cluster.setup.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.cluster.FormatException;

/** {@code ip -json addr show}: every interface but loopback, with its IPv4 addresses. */
final class IpAddrParser {
    private IpAddrParser() {
    }

    static List<NetInterface> parse(String text, String source) {
        JsonNode root = JsonText.tree(text, source);
        if (root == null || !root.isArray()) {
            throw new FormatException(source, "expected a list of interfaces");
        }
        List<NetInterface> out = new ArrayList<>();
        for (JsonNode link : root) {
            JsonNode name = link.get("ifname");
            if (name == null || !name.isTextual()) {
                throw new FormatException(source, "an interface without 'ifname': " + link);
            }
            if ("loopback".equals(link.path("link_type").asText())) {
                continue;
            }
            List<NetInterface.Address> addresses = new ArrayList<>();
            for (JsonNode a : link.path("addr_info")) {
                if (!"inet".equals(a.path("family").asText())) {
                    continue;
                }
                JsonNode local = a.get("local");
                JsonNode prefix = a.get("prefixlen");
                if (local == null || !local.isTextual() || prefix == null || !prefix.canConvertToInt()) {
                    throw new FormatException(source, name.asText() + ": an IPv4 address without 'local' or 'prefixlen': " + a);
                }
                addresses.add(new NetInterface.Address(local.asText(), prefix.asInt()));
            }
            String state = link.path("operstate").asText();
            out.add(new NetInterface(name.asText(), state.equals("UP") || state.equals("UNKNOWN"),
                    link.path("address").isTextual() ? link.get("address").asText() : null, addresses));
        }
        return List.copyOf(out);
    }
}
