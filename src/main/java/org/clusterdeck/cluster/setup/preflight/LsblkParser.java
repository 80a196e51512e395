package org.clusterdeck.cluster.setup.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.cluster.FormatException;

/**
 * {@code lsblk --json --bytes --output NAME,PATH,SIZE,TYPE,RO,MOUNTPOINT[,MODEL,FSTYPE] [DISK]}:
 * the devices with their children. The optional columns are null where not asked for.
 */
final class LsblkParser {
    private LsblkParser() {
    }

    /** The output for one named disk. */
    static BlockDevice parse(String text, String source) {
        List<BlockDevice> devices = parseAll(text, source);
        if (devices.size() != 1) {
            throw new FormatException(source, "expected one device in 'blockdevices', got " + devices.size());
        }
        return devices.get(0);
    }

    /** The output for every device the node has. */
    static List<BlockDevice> parseAll(String text, String source) {
        JsonNode devices = JsonText.member(text, "blockdevices", source);
        if (devices == null || !devices.isArray()) {
            throw new FormatException(source, "no 'blockdevices' list");
        }
        List<BlockDevice> out = new ArrayList<>();
        for (JsonNode d : devices) {
            out.add(device(d, source));
        }
        return List.copyOf(out);
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
        JsonNode ro = d.get("ro");
        return new BlockDevice(name, text(d, "path", source), size.asLong(), text(d, "type", source),
                ro != null && (ro.asBoolean() || ro.asText().equals("1")), optional(d, "mountpoint"),
                optional(d, "model"), optional(d, "fstype"), children);
    }

    private static String text(JsonNode d, String field, String source) {
        JsonNode v = d.get(field);
        if (v == null || !v.isTextual()) {
            throw new FormatException(source, "a device without '" + field + "': " + d);
        }
        return v.asText();
    }

    /** A column's text; null when absent, null or blank (lsblk pads some models with spaces). */
    private static String optional(JsonNode d, String field) {
        JsonNode v = d.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
    }
}
