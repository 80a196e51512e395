package org.clusterdeck.cluster.drbd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * DRBD state folded from {@code drbdsetup events2} lines, fed one at a time: the initial
 * {@code exists} dump, then {@code create/change/destroy} changes. A change line carries only
 * what changed, except that a line with statistics carries all of them; so statistics are
 * replaced as a set, and sync progress disappears when the kernel stops reporting it. Works for
 * DRBD 9 and for DRBD 8.4 (whose drbd-utils print the same format with peer-node-id 0 and the
 * connection name {@code peer}). Not thread-safe; one instance per stream.
 */
public final class DrbdEventState {
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\S+");
    private static final Set<String> ACTIONS = Set.of("exists", "create", "change", "destroy", "call", "response");
    /**
     * DRBD calls initial-split-brain whenever it detects one, also when it is then resolved (an
     * after-sb policy, or an admin's --discard-my-data: DRBD 8.4 even calls it after reporting
     * Connected), and split-brain only when it stays unresolved and the connection is dropped.
     */
    private static final String UNRESOLVED_SPLIT_BRAIN_HELPER = "split-brain";
    /** Peer-device statistics printed all together when any statistics are printed. */
    private static final Set<String> STATISTICS = Set.of("received", "sent", "out-of-sync", "pending", "unacked",
            "done", "eta", "dbdt", "dbdt0", "dbdt1", "want");

    private final String source;
    private int lineNumber;
    private boolean initialStateComplete;
    private final Map<String, ResourceState> resources = new LinkedHashMap<>();

    public DrbdEventState(String source) {
        this.source = source;
    }

    /**
     * Folds one line into the state and returns it as an event, or null for a blank line.
     *
     * @throws org.clusterdeck.cluster.FormatException if the line is not an events2 line
     */
    public DrbdEvent apply(String line) {
        lineNumber++;
        String text = line.strip();
        if (text.isEmpty()) {
            return null;
        }
        SourceLine at = new SourceLine(source, lineNumber, line);
        String[] tokens = text.split("\\s+");
        int i = 0;
        String timestamp = null;
        if (TIMESTAMP.matcher(tokens[0]).matches()) {
            timestamp = tokens[0];
            i++;
        }
        if (tokens.length < i + 2 || !ACTIONS.contains(tokens[i])) {
            throw at.error("not a drbdsetup events2 line (expected exists|create|change|destroy|call|response"
                    + " and an object)");
        }
        String action = tokens[i];
        String object = tokens[i + 1];
        Map<String, String> fields = at.fields(tokens, i + 2);
        DrbdEvent event = new DrbdEvent(timestamp, action, object, fields);
        if (event.isEndOfInitialState()) {
            initialStateComplete = true;
        } else {
            fold(event, at);
        }
        return event;
    }

    /** True once the {@code exists -} line has been seen. */
    public boolean initialStateComplete() {
        return initialStateComplete;
    }

    public DrbdStatus snapshot() {
        List<DrbdResource> list = new ArrayList<>();
        resources.forEach((name, r) -> list.add(r.toModel(name)));
        return new DrbdStatus(list, DrbdSourceFormat.EVENTS2, null);
    }

    private void fold(DrbdEvent event, SourceLine at) {
        Map<String, String> f = event.fields();
        switch (event.object()) {
            case "resource", "device", "connection", "peer-device" -> {
                // every value the model uses is checked here, so a bad one fails on its line
                at.integer(f, "volume");
                at.integer(f, "minor");
                at.longValue(f, "out-of-sync");
                at.decimal(f, "done");
                at.decimal(f, "dbdt1");
                at.decimal(f, "eta");
                String name = f.get("name");
                if (name == null) {
                    throw at.error(event.object() + " without name:");
                }
                boolean destroy = event.action().equals("destroy");
                if (destroy && event.object().equals("resource")) {
                    resources.remove(name);
                    return;
                }
                ResourceState r = resources.computeIfAbsent(name, n -> new ResourceState());
                r.fold(event.object(), f, destroy, at);
            }
            case "helper" -> noteHelper(event, f);
            default -> {
                // path and objects of newer versions do not change the status model
            }
        }
    }

    private void noteHelper(DrbdEvent event, Map<String, String> f) {
        if (!event.action().equals("call") || !UNRESOLVED_SPLIT_BRAIN_HELPER.equals(f.get("helper"))) {
            return;
        }
        ResourceState r = resources.get(f.get("name"));
        ConnectionState c = r == null ? null : r.connections.get(connectionKey(f));
        if (c != null) {
            c.splitBrain = true;
        }
    }

    private static String connectionKey(Map<String, String> f) {
        return f.getOrDefault("peer-node-id", f.getOrDefault("conn-name", ""));
    }

    private static final class ResourceState {
        final Map<String, String> fields = new LinkedHashMap<>();
        final Map<String, Map<String, String>> devices = new LinkedHashMap<>();
        final Map<String, ConnectionState> connections = new LinkedHashMap<>();

        void fold(String object, Map<String, String> f, boolean destroy, SourceLine at) {
            switch (object) {
                case "resource" -> fields.putAll(f);
                case "device" -> {
                    String volume = required(f, "volume", at);
                    if (destroy) {
                        devices.remove(volume);
                    } else {
                        devices.computeIfAbsent(volume, v -> new LinkedHashMap<>()).putAll(f);
                    }
                }
                case "connection" -> {
                    String key = connectionKey(f);
                    ConnectionState known = connections.get(key);
                    if (destroy && known != null && known.splitBrain) {
                        // DRBD 8.4 destroys the connection once StandAlone: keep it, StandAlone, so
                        // that the split brain its handler reported is not forgotten with it
                        known.fields.put("connection", "StandAlone");
                        known.peerDevices.clear();
                    } else if (destroy) {
                        connections.remove(key);
                    } else {
                        connections.computeIfAbsent(key, k -> new ConnectionState()).fold(f);
                    }
                }
                default -> {
                    String volume = required(f, "volume", at);
                    ConnectionState c = connections.computeIfAbsent(connectionKey(f), k -> new ConnectionState());
                    if (destroy) {
                        c.peerDevices.remove(volume);
                    } else {
                        Map<String, String> p = c.peerDevices.computeIfAbsent(volume, v -> new LinkedHashMap<>());
                        if (f.containsKey("received")) {
                            p.keySet().removeIf(k -> STATISTICS.contains(k) || k.startsWith("rs-") || k.startsWith("ov-"));
                        }
                        p.putAll(f);
                    }
                }
            }
        }

        private static String required(Map<String, String> f, String key, SourceLine at) {
            String v = f.get(key);
            if (v == null) {
                throw at.error("missing " + key + ":");
            }
            return v;
        }

        DrbdResource toModel(String name) {
            List<DrbdDevice> deviceList = new ArrayList<>();
            devices.values().forEach(d -> deviceList.add(new DrbdDevice(
                    integer(d.get("volume")), integer(d.get("minor")), d.get("disk"))));
            List<DrbdConnection> connectionList = new ArrayList<>();
            connections.values().forEach(c -> connectionList.add(c.toModel()));
            return new DrbdResource(name, fields.get("role"), deviceList, connectionList);
        }
    }

    private static final class ConnectionState {
        final Map<String, String> fields = new LinkedHashMap<>();
        final Map<String, Map<String, String>> peerDevices = new LinkedHashMap<>();
        boolean splitBrain;

        void fold(Map<String, String> f) {
            fields.putAll(f);
            if ("Connected".equals(f.get("connection"))) {
                splitBrain = false;
            }
        }

        DrbdConnection toModel() {
            List<DrbdPeerDevice> list = new ArrayList<>();
            peerDevices.values().forEach(p -> list.add(new DrbdPeerDevice(
                    integer(p.get("volume")),
                    p.get("replication"),
                    p.get("peer-disk"),
                    longValue(p.get("out-of-sync")),
                    decimal(p.get("done")),
                    SyncRate.kibPerSecond(decimal(p.get("dbdt1"))),
                    SyncRate.etaSeconds(decimal(p.get("eta"))),
                    p.get("resync-suspended"),
                    false)));
            return new DrbdConnection(fields.get("conn-name"), fields.get("connection"), fields.get("role"),
                    list, splitBrain);
        }
    }

    // values were checked when their line was applied
    private static Integer integer(String v) {
        return v == null ? null : Integer.valueOf(v);
    }

    private static Long longValue(String v) {
        return v == null ? null : Long.valueOf(v);
    }

    private static Double decimal(String v) {
        return SourceLine.decimal(v);
    }
}
