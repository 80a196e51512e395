package org.clusterdeck.cluster.setup.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.cluster.FormatException;

/** {@code wipefs --no-act --json DISK}: every signature on the disk; nothing at all when there is none. */
final class WipefsParser {
    private WipefsParser() {
    }

    static List<DiskSignature> parse(String text, String source) {
        if (text.isBlank()) {
            // util-linux before 2.37 prints nothing for a disk without signatures, even with --json
            return List.of();
        }
        JsonNode sigs = JsonText.member(text, "signatures", source);
        if (sigs == null || !sigs.isArray()) {
            throw new FormatException(source, "no 'signatures' list");
        }
        List<DiskSignature> list = new ArrayList<>();
        for (JsonNode s : sigs) {
            JsonNode type = s.get("type");
            if (type == null || !type.isTextual()) {
                throw new FormatException(source, "a signature without a type: " + s);
            }
            list.add(new DiskSignature(type.asText(), optional(s, "offset"), optional(s, "uuid"), optional(s, "label")));
        }
        return List.copyOf(list);
    }

    private static String optional(JsonNode s, String field) {
        JsonNode v = s.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
