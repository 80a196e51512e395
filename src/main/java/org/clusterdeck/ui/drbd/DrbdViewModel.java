package org.clusterdeck.ui.drbd;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.clusterdeck.cluster.checks.DrbdAlarm;
import org.clusterdeck.cluster.checks.DrbdAlarms;
import org.clusterdeck.cluster.drbd.DrbdConnection;
import org.clusterdeck.cluster.drbd.DrbdDevice;
import org.clusterdeck.cluster.drbd.DrbdPeerDevice;
import org.clusterdeck.cluster.drbd.DrbdPeers;
import org.clusterdeck.cluster.drbd.DrbdResource;
import org.clusterdeck.cluster.drbd.DrbdStatus;
import org.clusterdeck.ui.Feed;

/**
 * DRBD replication of a cluster from each node's own DRBD status: a row per resource, volume and
 * pair of nodes with both sides' states, sync progress, a bounded speed history per pair, and
 * the DRBD alarms ({@link DrbdAlarms}) with the manual recovery spelled out for the victim the
 * admin chooses. Call on the UI thread with successive statuses. Peers are matched to nodes by
 * {@link DrbdPeers}. Without rows it says why: not read yet, a cluster without DRBD, or DRBD with
 * no resource configured.
 */
public final class DrbdViewModel {
    /** Samples kept per pair: about ten minutes at the monitor's 5 s polling. */
    static final int HISTORY = 120;

    private final ObservableList<DrbdRow> rows = FXCollections.observableArrayList();
    private final ObservableList<DrbdAlarm> alarms = FXCollections.observableArrayList();
    private final ObjectProperty<DrbdRow> selected = new SimpleObjectProperty<>();
    private final ObservableList<SpeedSample> selectedHistory = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Feed> feed = new SimpleObjectProperty<>(Feed.OFFLINE);
    private final ReadOnlyBooleanWrapper noDrbd = new ReadOnlyBooleanWrapper(false);
    private final Map<String, Deque<SpeedSample>> history = new HashMap<>();
    private final Map<String, Previous> previous = new HashMap<>();
    private final Map<String, String> victims = new HashMap<>();
    private Map<String, DrbdStatus> statuses = Map.of();
    /** Every node of the latest update, with or without DRBD status; null before the first. */
    private Set<String> nodes;
    private Set<String> withoutDrbd = Set.of();

    /**
     * Out-of-sync amount when it last changed and the speed derived then, where the source gives
     * no speed. Only a change counts: the rows are rebuilt whenever any node reports, and a peer's
     * report between two of this node's would otherwise read as no progress, then as a burst.
     */
    private record Previous(Instant time, Long outOfSyncKiB, Long kiBps) {
    }

    public DrbdViewModel() {
        selected.addListener((o, was, now) -> refreshHistory());
        feed.addListener((o, was, now) -> describe());
        describe();
    }

    /**
     * The latest DRBD status of each node (by cluster node name) at {@code time}; a node without
     * DRBD status (not answering, no DRBD) is left out or null.
     */
    public void update(Map<String, DrbdStatus> byNode, Instant time) {
        update(byNode, Set.of(), time);
    }

    /**
     * As {@link #update(Map, Instant)}, knowing which nodes have no DRBD at all (no DRBD kernel
     * module loaded): a cluster whose nodes all have none is told apart from one not read yet.
     */
    public void update(Map<String, DrbdStatus> byNode, Set<String> withoutDrbd, Instant time) {
        Map<String, DrbdStatus> known = new TreeMap<>();
        byNode.forEach((node, status) -> {
            if (status != null) {
                known.put(node, status);
            }
        });
        statuses = known;
        List<DrbdRow> built = new ArrayList<>();
        Set<String> pairs = new LinkedHashSet<>();
        known.forEach((node, status) -> {
            for (DrbdResource r : status.resources()) {
                rowsOf(node, r, known, pairs, built, time);
            }
        });
        String key = selected.get() == null ? null : selected.get().key();
        rows.setAll(built);
        selected.set(built.stream().filter(r -> r.key().equals(key)).findFirst().orElse(null));
        refreshHistory();
        refreshAlarms();
        nodes = new TreeSet<>(byNode.keySet());
        nodes.addAll(withoutDrbd);
        this.withoutDrbd = new TreeSet<>(withoutDrbd);
        describe();
    }

    private void describe() {
        noDrbd.set(nodes != null && !nodes.isEmpty() && withoutDrbd.containsAll(nodes));
        message.set(!rows.isEmpty() ? "" : why());
    }

    /** Why there are no rows. */
    private String why() {
        if (nodes == null) {
            return feed.get() != Feed.FILE ? feed.get().waiting()
                    : "A CIB file holds no DRBD state: DRBD is read from the nodes of a live cluster.";
        }
        if (!statuses.isEmpty()) {
            return "No DRBD resource is configured on " + String.join(", ", statuses.keySet()) + ".";
        }
        if (noDrbd.get()) {
            return "This cluster has no DRBD: the DRBD kernel module is loaded on none of its nodes ("
                    + String.join(", ", withoutDrbd) + "). To see this tab at work, ClusterDeck's source tree has a lab "
                    + "with real DRBD: sudo lab/vm-run (see lab/README.md).";
        }
        if (withoutDrbd.isEmpty()) {
            return "No node has reported DRBD status.";
        }
        List<String> unread = nodes.stream().filter(n -> !withoutDrbd.contains(n)).toList();
        return String.join(", ", withoutDrbd) + (withoutDrbd.size() == 1 ? " has" : " have")
                + " no DRBD (no kernel module loaded); " + String.join(", ", unread)
                + (unread.size() == 1 ? " has" : " have") + " not reported DRBD status.";
    }

    private void rowsOf(String node, DrbdResource r, Map<String, DrbdStatus> known, Set<String> pairs,
            List<DrbdRow> out, Instant time) {
        List<Integer> volumes = new ArrayList<>();
        r.devices().forEach(d -> volumes.add(d.volume()));
        if (volumes.isEmpty()) {
            r.connections().forEach(c -> c.peerDevices().forEach(p -> volumes.add(p.volume())));
        }
        if (volumes.isEmpty()) {
            volumes.add(null);
        }
        List<DrbdConnection> connections = r.connections().isEmpty() ? java.util.Collections.singletonList(null)
                : r.connections();
        for (DrbdConnection c : connections) {
            String peer = c == null ? null : DrbdPeers.nodeOf(c.peer(), node, known.keySet());
            for (Integer v : new LinkedHashSet<>(volumes)) {
                String pair = DrbdPeers.key(r) + "/" + v + " " + (peer == null || node.compareTo(peer) < 0
                        ? node + " " + peer : peer + " " + node);
                if (peer != null && !pairs.add(pair)) {
                    continue;
                }
                out.add(row(node, r, c, peer, v, known, time));
            }
        }
    }

    private DrbdRow row(String node, DrbdResource r, DrbdConnection c, String peer, Integer volume,
            Map<String, DrbdStatus> known, Instant time) {
        DrbdDevice device = device(r, volume);
        DrbdPeerDevice pd = c == null ? null : peerDevice(c, volume);
        DrbdResource theirs = peer == null ? null : resource(known.get(peer), r);
        DrbdConnection back = theirs == null ? null : connectionTo(theirs, peer, node, known.keySet());
        DrbdPeerDevice backPd = back == null ? null : peerDevice(back, volume);
        DrbdDevice theirDevice = theirs == null ? null : device(theirs, volume);
        String peerRole = theirs != null ? theirs.role() : c == null ? null : c.peerRole();
        String peerDisk = theirDevice != null ? theirDevice.diskState() : pd == null ? null : pd.peerDiskState();
        SyncProgress sync = null;
        DrbdPeerDevice syncing = pd != null && pd.isSyncing() ? pd : backPd != null && backPd.isSyncing() ? backPd : null;
        String shownPeer = peer == null && c != null ? c.peer() : peer;
        String key = DrbdRow.key(DrbdPeers.key(r), volume, node, shownPeer);
        if (syncing != null) {
            boolean mine = syncing == pd;
            String self = mine ? node : peer;
            String other = mine ? peer : node;
            boolean sends = syncing.replicationState().endsWith("S") || syncing.replicationState().equals("SyncSource");
            Previous before = previous.get(key);
            boolean moved = before == null || !Objects.equals(before.outOfSyncKiB(), syncing.outOfSyncKiB());
            Long speed = syncing.speedKiBps() != null ? syncing.speedKiBps()
                    : moved ? derivedSpeed(before, syncing, time) : before.kiBps();
            sync = new SyncProgress(syncing.replicationState(), sends ? self : other, sends ? other : self,
                    syncing.syncDonePercent(), speed, syncing.etaSeconds(), syncing.isPaused());
            if (moved || syncing.speedKiBps() != null || syncing.isPaused()) {
                record(key, time, speed == null ? null : syncing.isPaused() ? 0L : speed);
                previous.put(key, new Previous(time, syncing.outOfSyncKiB(), speed));
            }
        } else {
            previous.remove(key);
            if (history.containsKey(key)) {
                // the run ended: the chart drops to zero rather than stopping at the last speed
                record(key, time, 0L);
            }
        }
        return new DrbdRow(DrbdPeers.key(r), volume, node, r.role(), device == null ? null : device.diskState(),
                c == null ? null : c.connectionState(), pd == null ? null : pd.replicationState(),
                shownPeer, peerRole, peerDisk,
                back == null ? null : back.connectionState(), sync);
    }

    private static Long derivedSpeed(Previous p, DrbdPeerDevice now, Instant time) {
        if (p == null || p.outOfSyncKiB() == null || now.outOfSyncKiB() == null || !time.isAfter(p.time())) {
            return null;
        }
        long drop = p.outOfSyncKiB() - now.outOfSyncKiB();
        double seconds = Duration.between(p.time(), time).toMillis() / 1000.0;
        return drop < 0 ? null : Math.round(drop / seconds);
    }

    private void record(String key, Instant time, Long kiBps) {
        if (kiBps == null) {
            return;
        }
        Deque<SpeedSample> h = history.computeIfAbsent(key, k -> new ArrayDeque<>());
        if (!h.isEmpty() && !time.isAfter(h.peekLast().time())) {
            return;
        }
        h.addLast(new SpeedSample(time, kiBps));
        while (h.size() > HISTORY) {
            h.removeFirst();
        }
    }

    private void refreshHistory() {
        DrbdRow r = selected.get();
        if (r == null) {
            r = rows.stream().filter(x -> history.containsKey(x.key())).findFirst().orElse(null);
        }
        Deque<SpeedSample> h = r == null ? null : history.get(r.key());
        selectedHistory.setAll(h == null ? List.of() : List.copyOf(h));
    }

    private void refreshAlarms() {
        alarms.setAll(DrbdAlarms.of(statuses, victims));
    }

    /** The admin's choice of victim for a resource's recovery; null goes back to the suggestion. */
    public void chooseVictim(String resource, String node) {
        if (node == null) {
            victims.remove(resource);
        } else {
            victims.put(resource, node);
        }
        refreshAlarms();
    }

    // ---- matching the sides

    private static DrbdResource resource(DrbdStatus status, DrbdResource like) {
        if (status == null) {
            return null;
        }
        String name = DrbdPeers.key(like);
        return status.resources().stream().filter(r -> DrbdPeers.key(r).equals(name)).findFirst().orElse(null);
    }

    /** The connection of {@code holder}'s resource {@code r} that leads to {@code node}. */
    private static DrbdConnection connectionTo(DrbdResource r, String holder, String node, Set<String> nodes) {
        return r.connections().stream().filter(c -> node.equals(DrbdPeers.nodeOf(c.peer(), holder, nodes))).findFirst()
                .orElse(null);
    }

    private static DrbdDevice device(DrbdResource r, Integer volume) {
        return r.devices().stream().filter(d -> Objects.equals(d.volume(), volume)).findFirst()
                .orElse(r.devices().size() == 1 && volume == null ? r.devices().get(0) : null);
    }

    private static DrbdPeerDevice peerDevice(DrbdConnection c, Integer volume) {
        return c.peerDevices().stream().filter(p -> Objects.equals(p.volume(), volume)).findFirst()
                .orElse(c.peerDevices().size() == 1 ? c.peerDevices().get(0) : null);
    }

    // ---- state for the view

    /** Per resource, volume and pair of nodes, in the nodes' name order. */
    public ObservableList<DrbdRow> rows() {
        return rows;
    }

    public ObservableList<DrbdAlarm> alarms() {
        return alarms;
    }

    /** The row whose speed history is charted; with none selected, the first that has one. */
    public ObjectProperty<DrbdRow> selectedProperty() {
        return selected;
    }

    /** Oldest first, at most {@value #HISTORY} samples. */
    public ObservableList<SpeedSample> selectedHistory() {
        return selectedHistory;
    }

    /** Why there are no rows; empty when there are. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Every node of the cluster was found without DRBD: there is nothing to replicate, nor a speed to chart. */
    public ReadOnlyBooleanProperty noDrbdProperty() {
        return noDrbd.getReadOnlyProperty();
    }

    /** Where the statuses come from now: before the first, the message says why there is none. */
    public ObjectProperty<Feed> feedProperty() {
        return feed;
    }
}
