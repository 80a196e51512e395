package org.clusterdeck.cluster.drbd;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.cluster.FormatException;

/**
 * DRBD 9 {@code drbdsetup status --json [--verbose --statistics]}: an array of resources
 * (printed by user/v9/drbdsetup.c). Statistics are in KiB already ({@code out-of-sync} is
 * sectors / 2); {@code rs-total} is in sectors; rates are MiB/s; the sync-detail keys appear only
 * while {@code has-sync-details} is true (or {@code percent-resync-done} alone for a resync
 * without details). Unknown keys are ignored; newer drbd-utils add keys often.
 */
public final class DrbdStatusJsonParser {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public DrbdStatus parse(String text, String source) {
        JsonNode root = readTree(text, source);
        if (!root.isArray()) {
            throw new FormatException(source, "expected a JSON array of resources, found a JSON "
                    + root.getNodeType().name().toLowerCase());
        }
        List<DrbdResource> resources = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            resources.add(resource(new Node(root.get(i), "resources[" + i + "]", source)));
        }
        return new DrbdStatus(resources, DrbdSourceFormat.STATUS_JSON, null);
    }

    private static JsonNode readTree(String text, String source) {
        if (text.isBlank()) {
            throw new FormatException(source, "empty output, expected drbdsetup status --json");
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new FormatException(source, where + "not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    private static DrbdResource resource(Node r) {
        r.requireObject();
        List<DrbdDevice> devices = new ArrayList<>();
        for (Node d : r.array("devices")) {
            d.requireObject();
            devices.add(new DrbdDevice(d.integer("volume"), d.integer("minor"), d.text("disk-state")));
        }
        List<DrbdConnection> connections = new ArrayList<>();
        for (Node c : r.array("connections")) {
            connections.add(connection(c));
        }
        return new DrbdResource(r.requiredText("name"), r.text("role"), devices, connections);
    }

    private static DrbdConnection connection(Node c) {
        c.requireObject();
        List<DrbdPeerDevice> peerDevices = new ArrayList<>();
        // drbdsetup spells this one key with an underscore among hyphenated ones; accept both
        for (Node p : c.array(c.has("peer_devices") ? "peer_devices" : "peer-devices")) {
            peerDevices.add(peerDevice(p));
        }
        return new DrbdConnection(c.text("name"), c.text("connection-state"), c.text("peer-role"),
                peerDevices, false);
    }

    private static DrbdPeerDevice peerDevice(Node p) {
        p.requireObject();
        return new DrbdPeerDevice(
                p.integer("volume"),
                p.text("replication-state"),
                p.text("peer-disk-state"),
                p.longValue("out-of-sync"),
                p.decimal("percent-resync-done"),
                SyncRate.kibPerSecond(p.decimal("db1/dt1 [MiB/s]")),
                SyncRate.etaSeconds(p.decimal("estimated-seconds-to-finish")),
                p.text("resync-suspended"),
                false);
    }

    /** A JSON node with its path, for messages that say which element is wrong. */
    private record Node(JsonNode json, String path, String source) {

        void requireObject() {
            if (!json.isObject()) {
                throw error(path, "expected an object, found " + json.getNodeType().name().toLowerCase());
            }
        }

        boolean has(String key) {
            return json.has(key);
        }

        List<Node> array(String key) {
            JsonNode a = json.get(key);
            if (a == null || a.isNull()) {
                return List.of();
            }
            if (!a.isArray()) {
                throw error(path + "." + key, "expected an array");
            }
            List<Node> nodes = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                nodes.add(new Node(a.get(i), path + "." + key + "[" + i + "]", source));
            }
            return nodes;
        }

        /** Strings are trimmed: drbdsetup pads some values. Booleans and numbers read as their text. */
        String text(String key) {
            JsonNode v = json.get(key);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isValueNode()) {
                throw error(path + "." + key, "expected a single value");
            }
            return v.asText().strip();
        }

        String requiredText(String key) {
            String v = text(key);
            if (v == null || v.isEmpty()) {
                throw error(path + "." + key, "missing");
            }
            return v;
        }

        Integer integer(String key) {
            Long v = longValue(key);
            if (v != null && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
                throw error(path + "." + key, "out of range: " + v);
            }
            return v == null ? null : v.intValue();
        }

        Long longValue(String key) {
            JsonNode v = json.get(key);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                throw error(path + "." + key, "expected a whole number, found " + v);
            }
            return v.longValue();
        }

        Double decimal(String key) {
            JsonNode v = json.get(key);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isNumber()) {
                throw error(path + "." + key, "expected a number, found " + v);
            }
            return v.doubleValue();
        }

        private FormatException error(String where, String problem) {
            return new FormatException(source, where + ": " + problem);
        }
    }
}
