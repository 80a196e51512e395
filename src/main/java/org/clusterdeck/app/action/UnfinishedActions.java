package org.clusterdeck.app.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.clusterdeck.app.audit.AuditLog;

/**
 * Finds, in the audit log and its rotated files, the actions that were confirmed and never ended,
 * so that the console, started again, says so until an admin acknowledges each one.
 */
public final class UnfinishedActions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private UnfinishedActions() {
    }

    /** Oldest first. A line cut short (the console killed while writing it) is skipped. */
    public static List<UnfinishedAction> in(Path auditDirectory) throws IOException {
        Map<String, UnfinishedAction> open = new LinkedHashMap<>();
        for (Path file : AuditLog.filesOldestFirst(auditDirectory)) {
            try (Stream<String> lines = Files.lines(file)) {
                for (String line : (Iterable<String>) lines::iterator) {
                    read(line, open);
                }
            }
        }
        return new ArrayList<>(open.values());
    }

    /** Records that an admin has seen the action unfinished; it is no longer reported. */
    public static void acknowledge(AuditLog audit, UnfinishedAction action, String how) {
        audit.append(ActionAuditRecord.acknowledged(action, how));
    }

    private static void read(String line, Map<String, UnfinishedAction> open) {
        // cheap test first: most lines are commands' records
        if (!line.contains("\"type\":\"action\"")) {
            return;
        }
        JsonNode r;
        try {
            r = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return;
        }
        String id = r.path("actionId").asText("");
        if (id.isEmpty()) {
            return;
        }
        if (ActionAuditRecord.CONFIRMED.equals(r.path("step").asText())) {
            open.put(id, new UnfinishedAction(id, r.path("time").asText(), r.path("node").asText(),
                    r.path("description").asText()));
        } else {
            // ended (done, failed, ...), interrupted (reported when it happened) or acknowledged
            open.remove(id);
        }
    }
}
