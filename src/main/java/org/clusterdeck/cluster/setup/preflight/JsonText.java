package org.clusterdeck.cluster.setup.preflight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clusterdeck.cluster.FormatException;

/** The JSON output of util-linux's and iproute2's {@code --json} read as a tree, or an error that names the source. */
final class JsonText {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonText() {
    }

    /** The member {@code field} of the top-level object; null when it is not there. */
    static JsonNode member(String text, String field, String source) {
        JsonNode root = tree(text, source);
        return root == null ? null : root.get(field);
    }

    /** The whole tree; null for empty text. */
    static JsonNode tree(String text, String source) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new FormatException(source, "not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
