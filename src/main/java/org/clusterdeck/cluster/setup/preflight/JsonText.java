package org.clusterdeck.cluster.setup.preflight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clusterdeck.cluster.FormatException;

/** util-linux's {@code --json} output read as a tree, or an error that names the source. */
final class JsonText {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonText() {
    }

    /** The member {@code field} of the top-level object; null when it is not there. */
    static JsonNode member(String text, String field, String source) {
        try {
            JsonNode root = JSON.readTree(text);
            return root == null ? null : root.get(field);
        } catch (JsonProcessingException e) {
            throw new FormatException(source, "not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
