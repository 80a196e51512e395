package org.clusterdeck.cluster.setup.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.cluster.FormatException;

/** {@code lsblk --json --bytes --output NAME,PATH,SIZE,TYPE,RO,MOUNTPOINT DISK}: the disk and its children. */
final class LsblkParser {
    private LsblkParser() {
    }

    static BlockDevice parse(String text, String source) {
        JsonNode devices = JsonText.member(text, "blockdevices", source);
        if (devices == null || !devices.isArray() || devices.size() != 1) {
            throw new FormatException(source, "expected one device in 'blockdevices', got "
                    + (devices == null ? "none" : devices.size()));
        }
        return device(devices.get(0), source);
    }

    private static BlockDevice device(JsonNode d, String source) {
        String name = text(d, "name", source);
        JsonNode size = d.get("size");
        // lsblk 2.33+ prints numbers with --bytes --json; older ones print strings of digits
        if (size == null || !(size.isIntegralNumber() || size.isTextual() && size.asText().matches("\\d+"))) {
            throw new FormatException(source, name + ": size is not a number of bytes: " + size);
        }
        List<BlockDevice> children = new ArrayList<>();
        for (JsonNode c : d.path("children")) {
            children.add(device(c, source));
        }
        JsonNode mount = d.get("mountpoint");
        JsonNode ro = d.get("ro");
        return new BlockDevice(name, text(d, "path", source), size.asLong(), text(d, "type", source),
                ro != null && (ro.asBoolean() || ro.asText().equals("1")),
                mount == null || mount.isNull() ? null : mount.asText(), children);
    }

    private static String text(JsonNode d, String field, String source) {
        JsonNode v = d.get(field);
        if (v == null || !v.isTextual()) {
            throw new FormatException(source, "a device without '" + field + "': " + d);
        }
        return v.asText();
    }
}
