package org.clusterdeck.cluster.setup.preflight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.FormatException;

/** {@link PreflightCommands#diskIds()}: lines of {@code NAME<TAB>DEVICE}, as by-id paths per device. */
final class DiskIdsParser {
    private DiskIdsParser() {
    }

    static Map<String, List<String>> parse(String text, String source) {
        Map<String, List<String>> byDevice = new LinkedHashMap<>();
        for (String line : text.lines().filter(l -> !l.isBlank()).toList()) {
            String[] f = line.split("\t", -1);
            if (f.length != 2 || f[0].isEmpty() || f[0].contains("/") || !f[1].startsWith("/dev/")) {
                throw new FormatException(source, "expected 'NAME<TAB>/dev/DEVICE', got '" + line + "'");
            }
            byDevice.computeIfAbsent(f[1], d -> new ArrayList<>()).add(PreflightCommands.BY_ID + "/" + f[0]);
        }
        return byDevice;
    }
}
