package org.clusterdeck.cluster.drbd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.FormatException;

/**
 * {@code drbdadm status} and {@code drbdsetup status [--verbose] [--statistics]} text, DRBD 9 and
 * DRBD 8.4 (drbdsetup-84 prints DRBD 9 words, names the connection {@code peer}, and wraps long
 * lines). The layout, from user/v9/drbdsetup.c: a resource starts at column 0; devices
 * ({@code volume:}/{@code disk:}) and connections (the peer's name, or {@code node-id:} when the
 * connection has no name) at column 2; peer devices at column 4 under their connection; deeper
 * lines continue the object above. Without {@code --verbose} drbdsetup leaves out what is usual:
 * {@code volume:0} of a single-volume resource and {@code connection:Connected}, so those are
 * filled in; replication Off and Established are both left out, so an absent replication stays
 * null. There is no speed or ETA except DRBD 9's statistics ({@code dbdt1:}, {@code eta:}).
 */
public final class DrbdAdmStatusParser {
    private static final String NOTHING_CONFIGURED = "# No currently configured DRBD found.";

    public DrbdStatus parse(String text, String source) {
        if (text.isBlank()) {
            throw new FormatException(source, "empty output, expected drbdadm status text"
                    + " (DRBD 8.4's drbdsetup prints nothing when no resource is up)");
        }
        List<ResourceBuilder> resources = new ArrayList<>();
        Builder last = null;
        boolean sawNothingConfigured = false;
        int number = 0;
        for (String line : text.lines().toList()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            SourceLine at = new SourceLine(source, number, line);
            if (line.startsWith("#")) {
                sawNothingConfigured |= line.strip().equals(NOTHING_CONFIGURED);
                continue;
            }
            int indent = indentOf(line);
            String[] tokens = line.strip().split("\\s+");
            // a resource or connection line starts with a name, every other token is key:value
            boolean named = indent == 0 || (indent == 2 && !tokens[0].contains(":"));
            Map<String, String> fields = at.fields(tokens, named ? 1 : 0);
            checkNumbers(fields, at);
            ResourceBuilder resource = resources.isEmpty() ? null : resources.get(resources.size() - 1);
            if (indent == 0) {
                resource = new ResourceBuilder(tokens[0], fields, at);
                resources.add(resource);
                last = resource;
            } else if (resource == null) {
                throw at.error("indented line before the first resource line");
            } else if (indent == 2) {
                last = resource.child(named ? tokens[0] : null, fields, at);
            } else if (indent == 4 && !(last instanceof ResourceBuilder)) {
                last = resource.peerDevice(fields, at);
            } else {
                last.fields.putAll(fields);
            }
        }
        if (resources.isEmpty() && !sawNothingConfigured) {
            throw new FormatException(source, "no resource line found in drbdadm status text");
        }
        List<DrbdResource> model = new ArrayList<>();
        resources.forEach(r -> model.add(r.toModel()));
        return new DrbdStatus(model, DrbdSourceFormat.STATUS_TEXT, null);
    }

    /** Numbers are checked on their own line, so a bad one is reported there. */
    private static void checkNumbers(Map<String, String> fields, SourceLine at) {
        at.integer(fields, "volume");
        at.integer(fields, "minor");
        at.longValue(fields, "out-of-sync");
        at.decimal(fields, "done");
        at.decimal(fields, "dbdt1");
        at.decimal(fields, "eta");
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private abstract static class Builder {
        final Map<String, String> fields = new LinkedHashMap<>();
        final SourceLine at;

        Builder(Map<String, String> fields, SourceLine at) {
            this.fields.putAll(fields);
            this.at = at;
        }
    }

    private static final class ResourceBuilder extends Builder {
        final String name;
        final List<Builder> devices = new ArrayList<>();
        final List<ConnectionBuilder> connections = new ArrayList<>();

        ResourceBuilder(String name, Map<String, String> fields, SourceLine at) {
            super(fields, at);
            this.name = name;
            if (!fields.containsKey("role")) {
                throw at.error("resource line without role:");
            }
        }

        /** A device line, or a connection line: named, or unnamed and starting with node-id:. */
        Builder child(String connectionName, Map<String, String> fields, SourceLine at) {
            if (connectionName == null && !fields.containsKey("node-id")) {
                Builder device = new Builder(fields, at) { };
                devices.add(device);
                return device;
            }
            ConnectionBuilder c = new ConnectionBuilder(connectionName, fields, at);
            connections.add(c);
            return c;
        }

        Builder peerDevice(Map<String, String> fields, SourceLine at) {
            if (connections.isEmpty()) {
                throw at.error("peer device line outside a connection");
            }
            Builder p = new Builder(fields, at) { };
            connections.get(connections.size() - 1).peerDevices.add(p);
            return p;
        }

        DrbdResource toModel() {
            List<DrbdDevice> deviceList = new ArrayList<>();
            for (Builder d : devices) {
                deviceList.add(new DrbdDevice(volume(d), d.at.integer(d.fields, "minor"), d.fields.get("disk")));
            }
            List<DrbdConnection> connectionList = new ArrayList<>();
            connections.forEach(c -> connectionList.add(c.toModel()));
            return new DrbdResource(name, fields.get("role"), deviceList, connectionList);
        }
    }

    /** drbdsetup omits {@code volume:} only for a resource's single volume 0. */
    private static Integer volume(Builder b) {
        Integer volume = b.at.integer(b.fields, "volume");
        return volume == null ? Integer.valueOf(0) : volume;
    }

    private static final class ConnectionBuilder extends Builder {
        final String peer;
        final List<Builder> peerDevices = new ArrayList<>();

        ConnectionBuilder(String peer, Map<String, String> fields, SourceLine at) {
            super(fields, at);
            this.peer = peer;
        }

        DrbdConnection toModel() {
            List<DrbdPeerDevice> list = new ArrayList<>();
            for (Builder p : peerDevices) {
                list.add(new DrbdPeerDevice(
                        volume(p),
                        p.fields.get("replication"),
                        p.fields.get("peer-disk"),
                        p.at.longValue(p.fields, "out-of-sync"),
                        p.at.decimal(p.fields, "done"),
                        SyncRate.kibPerSecond(p.at.decimal(p.fields, "dbdt1")),
                        SyncRate.etaSeconds(p.at.decimal(p.fields, "eta")),
                        p.fields.get("resync-suspended"),
                        false));
            }
            // drbdsetup prints connection: only when it is not Connected
            String state = fields.getOrDefault("connection", "Connected");
            return new DrbdConnection(peer, state, fields.get("role"), list, false);
        }
    }
}
