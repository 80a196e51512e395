package org.clusterdeck.cluster.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.clusterdeck.cluster.drbd.DrbdConnection;
import org.clusterdeck.cluster.drbd.DrbdDevice;
import org.clusterdeck.cluster.drbd.DrbdPeerDevice;
import org.clusterdeck.cluster.drbd.DrbdResource;
import org.clusterdeck.cluster.drbd.DrbdStatus;

/**
 * The events between two DRBD views of one node. Pure; events come per resource (in the later
 * view's order, then vanished ones): own role, own disks, then per connection its state, split
 * brain, peer role, and per volume peer disk and sync.
 *
 * <p>Rules:
 * <ul>
 * <li>Resources are matched by name ({@code /proc/drbd} has none: by minor), connections by peer
 *     name (else position), devices by volume. A resource that appears or goes away is one
 *     {@code drbd-role} event from or to {@code Unconfigured}.
 * <li>A state the source does not give (null, e.g. the peer role in short {@code drbdadm status}
 *     while disconnected) is unknown, not a change.
 * <li>{@code drbd-split-brain}: DRBD ran its split-brain handler (known only from events2), or the
 *     connection went StandAlone (an admin's disconnect also does that, so the message says
 *     "possible"); once per split brain: the StandAlone that follows a detected one is not another.
 * <li>Sync: {@code drbd-sync-started} when a resync or verify begins on a peer volume,
 *     {@code drbd-sync-finished} when it ends, {@code drbd-sync-progress} when the done
 *     percentage crosses a multiple of {@value #PROGRESS_STEP_PERCENT} % between the two views
 *     (so at most one per step, however often the monitor polls, and none while paused). Each
 *     carries the done percentage, speed and time left as the source gives them.
 * </ul>
 * Severity: split brain critical; a disk turning Failed critical; a connection leaving
 * Connected, a disk leaving UpToDate, a sync that ends with the peer not UpToDate: warning;
 * the rest info.
 */
public final class DrbdChanges {
    /** Progress is reported each time the done percentage passes a multiple of this. */
    public static final int PROGRESS_STEP_PERCENT = 10;
    private static final String UNCONFIGURED = "Unconfigured";

    private DrbdChanges() {
    }

    /** The events from {@code before} to {@code after} on {@code node}; a null {@code before} gives none. */
    public static List<ClusterEvent> between(String node, DrbdStatus before, DrbdStatus after, Instant time) {
        List<ClusterEvent> out = new ArrayList<>();
        if (before == null) {
            return out;
        }
        Map<String, DrbdResource> was = index(before.resources(), DrbdChanges::key);
        Map<String, DrbdResource> now = index(after.resources(), DrbdChanges::key);
        for (String key : union(now.keySet(), was.keySet())) {
            new Diff(node, key, time, out).resource(was.get(key), now.get(key));
        }
        return out;
    }

    private static String key(DrbdResource r) {
        return r.name() != null ? r.name()
                : r.devices().isEmpty() ? "?" : "minor " + r.devices().get(0).minor();
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        Map<String, T> out = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String k = key.apply(items.get(i));
            out.putIfAbsent(k == null ? "#" + i : k, items.get(i));
        }
        return out;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return out;
    }

    /** The comparison of one resource; collects its events in order. */
    private record Diff(String node, String resource, Instant time, List<ClusterEvent> out) {

        ClusterEvent.Builder event(EventType type, Severity severity) {
            return ClusterEvent.of(time, type, severity).node(node).resource(resource);
        }

        void resource(DrbdResource b, DrbdResource a) {
            if (b == null || a == null) {
                String from = b == null ? UNCONFIGURED : b.role();
                String to = a == null ? UNCONFIGURED : a.role();
                out.add(event(EventType.DRBD_ROLE, a == null ? Severity.WARNING : Severity.INFO).change(from, to)
                        .message(resource + " on " + node + ": " + from + " -> " + to));
                return;
            }
            if (changed(b.role(), a.role())) {
                out.add(event(EventType.DRBD_ROLE, Severity.INFO).change(b.role(), a.role())
                        .message(resource + " on " + node + " is now " + a.role() + " (was " + b.role() + ")"));
            }
            Map<String, DrbdDevice> wasDev = index(b.devices(), d -> volumeKey(d.volume()));
            Map<String, DrbdDevice> nowDev = index(a.devices(), d -> volumeKey(d.volume()));
            for (String v : union(nowDev.keySet(), wasDev.keySet())) {
                DrbdDevice bd = wasDev.get(v);
                DrbdDevice ad = nowDev.get(v);
                if (bd != null && ad != null) {
                    disk(null, ad.volume(), bd.diskState(), ad.diskState());
                }
            }
            Map<String, DrbdConnection> wasCon = index(b.connections(), DrbdConnection::peer);
            Map<String, DrbdConnection> nowCon = index(a.connections(), DrbdConnection::peer);
            for (String p : union(nowCon.keySet(), wasCon.keySet())) {
                connection(wasCon.get(p), nowCon.get(p));
            }
        }

        private static String volumeKey(Integer volume) {
            return volume == null ? null : volume.toString();
        }

        void disk(String peer, Integer volume, String from, String to) {
            if (!changed(from, to)) {
                return;
            }
            Severity severity = "Failed".equals(to) ? Severity.CRITICAL
                    : "UpToDate".equals(from) ? Severity.WARNING : Severity.INFO;
            String whose = peer == null ? "disk" : "disk of peer " + peer;
            out.add(event(EventType.DRBD_DISK, severity).drbd(peer, volume).change(from, to)
                    .message(resource + (volume == null ? "" : "/" + volume) + " on " + node + ": " + whose + " "
                            + from + " -> " + to));
        }

        void connection(DrbdConnection b, DrbdConnection a) {
            String peer = a != null ? a.peer() : b.peer();
            String from = b == null ? null : b.connectionState();
            String to = a == null ? null : a.connectionState();
            if (b != null && a != null && changed(from, to)) {
                Severity severity = "Connected".equals(from) ? Severity.WARNING : Severity.INFO;
                out.add(event(EventType.DRBD_CONNECTION, severity).drbd(peer, null).change(from, to)
                        .message(resource + " on " + node + ": connection to " + name(peer) + " " + from + " -> " + to));
            }
            boolean detected = a != null && a.splitBrainDetected() && (b == null || !b.splitBrainDetected());
            boolean standAlone = a != null && a.isStandAlone() && b != null && !b.isStandAlone()
                    && !b.splitBrainDetected();
            if (detected || standAlone) {
                out.add(event(EventType.DRBD_SPLIT_BRAIN, Severity.CRITICAL).drbd(peer, null).change(from, to)
                        .message(resource + " on " + node + ": " + (detected ? "split brain detected" : "possible split brain")
                                + " with " + name(peer) + (standAlone ? " (StandAlone)" : "")));
            }
            if (b == null || a == null) {
                return;
            }
            if (changed(b.peerRole(), a.peerRole())) {
                out.add(event(EventType.DRBD_ROLE, Severity.INFO).drbd(peer, null).change(b.peerRole(), a.peerRole())
                        .message(resource + " on " + node + ": peer " + name(peer) + " is now " + a.peerRole()
                                + " (was " + b.peerRole() + ")"));
            }
            Map<String, DrbdPeerDevice> wasPd = index(b.peerDevices(), d -> volumeKey(d.volume()));
            Map<String, DrbdPeerDevice> nowPd = index(a.peerDevices(), d -> volumeKey(d.volume()));
            for (String v : union(nowPd.keySet(), wasPd.keySet())) {
                DrbdPeerDevice bp = wasPd.get(v);
                DrbdPeerDevice ap = nowPd.get(v);
                if (bp != null && ap != null) {
                    disk(peer, ap.volume(), bp.peerDiskState(), ap.peerDiskState());
                }
                sync(peer, bp, ap);
            }
        }

        void sync(String peer, DrbdPeerDevice b, DrbdPeerDevice a) {
            boolean was = b != null && b.isSyncing();
            boolean is = a != null && a.isSyncing();
            Integer volume = a != null ? a.volume() : b.volume();
            String where = resource + (volume == null ? "" : "/" + volume) + " on " + node + " with " + name(peer);
            if (!was && is) {
                out.add(event(EventType.DRBD_SYNC_STARTED, Severity.INFO).drbd(peer, volume)
                        .change(b == null ? null : b.replicationState(), a.replicationState())
                        .sync(a.syncDonePercent(), a.speedKiBps(), a.etaSeconds())
                        .message(where + ": " + a.replicationState() + " started" + progress(a)));
            } else if (was && !is) {
                String to = a == null ? null : a.replicationState();
                boolean good = a != null && "UpToDate".equals(a.peerDiskState());
                out.add(event(EventType.DRBD_SYNC_FINISHED, good ? Severity.INFO : Severity.WARNING).drbd(peer, volume)
                        .change(b.replicationState(), to)
                        .message(where + ": " + b.replicationState() + " ended, now " + to
                                + (a == null || a.peerDiskState() == null ? "" : ", peer disk " + a.peerDiskState())));
            } else if (was && step(b) < step(a)) {
                out.add(event(EventType.DRBD_SYNC_PROGRESS, Severity.INFO).drbd(peer, volume)
                        .change(b.replicationState(), a.replicationState())
                        .sync(a.syncDonePercent(), a.speedKiBps(), a.etaSeconds())
                        .message(where + ": " + a.replicationState() + progress(a)));
            }
        }

        private static int step(DrbdPeerDevice p) {
            return p.syncDonePercent() == null ? -1 : (int) Math.floor(p.syncDonePercent() / PROGRESS_STEP_PERCENT);
        }

        private static String progress(DrbdPeerDevice p) {
            StringBuilder s = new StringBuilder();
            if (p.syncDonePercent() != null) {
                s.append(", ").append(p.syncDonePercent()).append(" % done");
            }
            if (p.speedKiBps() != null) {
                s.append(", ").append(p.speedKiBps()).append(" KiB/s");
            }
            if (p.etaSeconds() != null) {
                s.append(", ").append(p.etaSeconds()).append(" s left");
            }
            return s.toString();
        }

        private static String name(String peer) {
            return peer == null ? "peer" : peer;
        }

        private static boolean changed(String from, String to) {
            return from != null && to != null && !Objects.equals(from, to);
        }
    }
}
