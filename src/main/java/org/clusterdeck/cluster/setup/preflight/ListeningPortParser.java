package org.clusterdeck.cluster.setup.preflight;

import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.cluster.FormatException;

/**
 * {@code ss -H -lntu}: "Netid State Recv-Q Send-Q Local:Port Peer:Port", e.g.
 * {@code udp UNCONN 0 0 [::]%eth0:5405 [::]:*}. The address may carry an interface after {@code %}.
 */
final class ListeningPortParser {
    private ListeningPortParser() {
    }

    static List<ListeningPort> parse(String text, String source) {
        List<ListeningPort> ports = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.strip().split("\\s+");
            int colon = f.length < 5 ? -1 : f[4].lastIndexOf(':');
            if (colon < 0 || !(f[0].equals("tcp") || f[0].equals("udp"))) {
                throw new FormatException(source, "expected 'tcp|udp STATE RECV-Q SEND-Q ADDRESS:PORT PEER', got '"
                        + line + "'");
            }
            String port = f[4].substring(colon + 1);
            if (!port.matches("\\d{1,5}")) {
                throw new FormatException(source, "port '" + port + "' is not a number in '" + line + "'");
            }
            String address = f[4].substring(0, colon).replaceFirst("%.*", "").replace("[", "").replace("]", "");
            ports.add(new ListeningPort(f[0], address, Integer.parseInt(port)));
        }
        return List.copyOf(ports);
    }
}
