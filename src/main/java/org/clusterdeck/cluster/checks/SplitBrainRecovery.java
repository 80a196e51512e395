package org.clusterdeck.cluster.checks;

import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.cluster.drbd.DrbdConnection;
import org.clusterdeck.cluster.drbd.DrbdGeneration;

/**
 * The manual split-brain recovery of the DRBD User's Guides (8.4 and 9), written out for one
 * resource with its real node, resource and connection names. The victim's changes since the
 * split are discarded, so ClusterDeck never runs it: it explains it and the admin runs it. Every
 * command in the text is also listed with the node it runs on.
 */
final class SplitBrainRecovery {
    private static final String IN = "     ";
    private static final String KERNEL_LOG = "journalctl -k --grep='Split-Brain|StandAlone'";

    private final String resource;
    private final DrbdGeneration generation;
    private final List<DrbdSide> sides;
    private final StringBuilder s = new StringBuilder();
    private final List<SuggestedCommand> commands = new ArrayList<>();


    private SplitBrainRecovery(String resource, DrbdGeneration generation, List<DrbdSide> sides) {
        this.resource = resource == null ? "<resource>" : resource;
        this.generation = generation;
        this.sides = List.copyOf(sides);
    }

    /**
     * @param resource   the resource name as drbdadm knows it; null when the source did not say
     *                   (/proc/drbd): the admin fills it in
     * @param sides      every node that holds the resource, in name order
     * @param victim     the node to discard changes on; null when it is still the admin's decision
     * @param suggested  whether {@code victim} is the console's suggestion rather than the admin's choice
     */
    static RecoverySteps steps(String resource, DrbdAlarm.Kind kind, DrbdGeneration generation, List<DrbdSide> sides,
            String victim, boolean suggested) {
        SplitBrainRecovery r = new SplitBrainRecovery(resource, generation, sides);
        if (resource == null) {
            r.s.append(RecoverySteps.UNNAMED);
        }
        if (kind == DrbdAlarm.Kind.STANDALONE) {
            r.standAlone();
        } else {
            r.diverged(kind);
        }
        r.recovery(victim, suggested);
        return new RecoverySteps(r.s.toString(), r.commands);
    }

    /** A command on its own indented line, and in the list with where it runs ({@code null}: any node). */
    private void command(String node, String command, String after) {
        s.append(IN).append(command).append(after).append('\n');
        commands.add(new SuggestedCommand(node, command));
    }

    private void diverged(DrbdAlarm.Kind kind) {
        String nodes = names(sides.stream().map(DrbdSide::node).toList());
        if (kind == DrbdAlarm.Kind.SPLIT_BRAIN) {
            s.append("Split brain on ").append(resource).append(": when ").append(nodes).append(" connected, DRBD")
                    .append(" found that each had written data the other does not have, called its split-brain")
                    .append(" handler and dropped the connection. It cannot merge the two copies: an admin has to")
                    .append(" decide whose changes to give up.\n");
        } else {
            List<String> primaries = sides.stream().filter(DrbdSide::primary).map(DrbdSide::node).toList();
            s.append(names(primaries)).append(primaries.size() == 2 ? " are both Primary on " : " are all Primary on ").append(resource).append(" without a")
                    .append(" connection between them: each may be written on its own, so the data has split")
                    .append(" (a split brain). Connecting them will not merge the copies: DRBD will report the")
                    .append(" split brain and go StandAlone. Stop the writes on the node you give up as soon as")
                    .append(" possible, then recover.\n");
        }
        outOfSync();
        s.append('\n');
    }

    /** StandAlone alone does not say why; the kernel log does. */
    private void standAlone() {
        List<DrbdSide> stuck = sides.stream().filter(DrbdSide::notTrying).toList();
        s.append("DRBD does not try to reach its peer for ").append(resource).append(" on ")
                .append(names(stuck.stream().map(DrbdSide::node).toList())).append(" (")
                .append(stuck.stream().map(this::stateText).reduce((a, b) -> a + "; " + b).orElse(""))
                .append("). The status alone does not say why: an admin disconnected it, DRBD found a split")
                .append(" brain and dropped the connection, or DRBD refused the peer (for example a mismatch in")
                .append(" the two nodes' configuration or a failed authentication). The kernel log of ")
                .append(names(stuck.stream().map(DrbdSide::node).toList())).append(" tells which:\n");
        s.append(IN).append(KERNEL_LOG).append('\n');
        stuck.forEach(o -> commands.add(new SuggestedCommand(o.node(), KERNEL_LOG)));
        for (DrbdSide o : stuck) {
            if (o.outdated()) {
                s.append(o.node()).append("'s disk is Outdated: DRBD knows its data is older than the peer's,")
                        .append(" so reconnecting resyncs it from the peer and is no split brain on its side.\n");
            }
        }
        outOfSync();
        s.append("\nIf the log shows no split brain, reconnect; this discards nothing:\n");
        for (DrbdSide o : stuck) {
            String other = other(o.node());
            String cmd = o.to(other) == null && generation != DrbdGeneration.V8_4
                    // possibly DRBD 9 without a connection object: adjust creates it from the configuration
                    ? "drbdadm adjust " + resource
                    : "drbdadm connect " + connection(o.node(), other);
            s.append("  on ").append(o.node()).append(":\n");
            command(o.node(), cmd, "");
        }
        s.append("and watch the resync here. If the log shows a split brain, or the nodes go StandAlone again")
                .append(" right after connecting, recover as follows.\n\n");
    }

    private String stateText(DrbdSide o) {
        String other = other(o.node());
        DrbdConnection c = o.to(other);
        if (c != null) {
            return o.node() + " StandAlone towards " + other;
        }
        return o.node() + switch (generation) {
            case V9 -> " has no connection configured";
            case V8_4 -> " shows no peer, as DRBD 8.4 does when StandAlone";
            case UNKNOWN -> " shows no peer (StandAlone on DRBD 8.4, no connection configured on DRBD 9)";
        };
    }

    private void outOfSync() {
        if (sides.size() != 2) {
            return;
        }
        DrbdSide a = sides.get(0);
        DrbdSide b = sides.get(1);
        Long ka = a.outOfSyncKiB(b.node());
        Long kb = b.outOfSyncKiB(a.node());
        if (ka == null && kb == null) {
            return;
        }
        s.append("Marked out of sync (what changed since the nodes parted, as each side counts it): ")
                .append(a.node()).append(' ').append(ka == null ? "unknown" : ka + " KiB").append(", ")
                .append(b.node()).append(' ').append(kb == null ? "unknown" : kb + " KiB").append(".\n");
    }

    private void recovery(String victim, boolean suggested) {
        String v = victim == null ? "<victim>" : victim;
        String survivor = victim == null ? null : other(victim);
        String sv = survivor == null ? "<survivor>" : survivor;
        DrbdSide victimDrbdSide = side(victim);
        DrbdSide survivorDrbdSide = side(survivor);
        s.append("1. Choose the victim: the node whose changes since the split are thrown away for good; the")
                .append(" survivor keeps its data and the victim is resynced from it. Keep the copy clients")
                .append(" depend on, usually the node where the service ran and took writes last (Pacemaker's")
                .append(" Promoted instance); if both took writes, compare what each changed (the counts above,")
                .append(" the application's own logs). ");
        if (victim == null) {
            s.append("Nothing here tells which copy to keep: choose the victim, and the commands below name it.");
        } else if (suggested) {
            s.append(survivor).append(" is Primary and ").append(victim).append(" is not, so ClusterDeck suggests ")
                    .append(victim).append(" as the victim; choose the other node if ").append(victim)
                    .append(" holds the changes that matter.");
        } else {
            s.append("Chosen: ").append(victim).append(" is the victim, ").append(sv).append(" the survivor.");
        }
        s.append(" Copy off ").append(v).append(" whatever of its changes must be kept before step 3.\n");
        s.append("2. Keep Pacemaker from acting while you work (on any one cluster node):\n");
        command(null, "crm_attribute --type crm_config --name maintenance-mode --update true", "");
        s.append("   In maintenance mode Pacemaker starts, stops, promotes and demotes nothing, so it")
                .append(" neither fights the steps below nor fails over because of them.\n");
        s.append("3. On ").append(v).append(" (the victim): stop what uses ").append(resource)
                .append(" there (the service, then unmount its filesystem), then:\n");
        if (victimDrbdSide == null || survivor == null || !victimDrbdSide.notTrying(survivor)) {
            command(v, "drbdadm disconnect " + connection(victim, survivor),
                    victimDrbdSide != null && survivor != null ? "" : "    (skip if it shows StandAlone)");
        }
        command(v, "drbdadm secondary " + resource, "");
        command(v, "drbdadm connect --discard-my-data " + connection(victim, survivor), "");
        s.append("   This is the step that discards ").append(v).append("'s changes since the split.\n");
        s.append("4. On ").append(sv).append(" (the survivor), without --discard-my-data: ");
        if (survivorDrbdSide != null && victim != null && survivorDrbdSide.notTrying(victim)) {
            s.append("it is StandAlone too, so\n");
            command(sv, "drbdadm connect " + connection(survivor, victim), "");
        } else if (survivorDrbdSide != null && survivorDrbdSide.to(victim) != null) {
            s.append("it is ").append(survivorDrbdSide.to(victim).connectionState())
                    .append(" and connects by itself; nothing to run.\n");
        } else {
            s.append("if it shows StandAlone,\n");
            command(sv, "drbdadm connect " + connection(survivor, victim), "");
            s.append("   if it shows Connecting (WFConnection on 8.4) it connects by itself.\n");
        }
        s.append("5. Watch the resync here: ").append(v).append(" is SyncTarget and ").append(sv)
                .append(" SyncSource until both disks are UpToDate and both sides Connected.\n");
        String xpath = "\"//rsc_location[starts-with(@id,'" + LeftoverConstraint.Origin.DRBD_FENCE.prefix() + resource
                + "-')]\"";
        s.append("6. Only once both disks are UpToDate: if DRBD's fence-peer handler (crm-fence-peer.sh,")
                .append(" crm-fence-peer.9.sh) put a constraint on the DRBD clone and the after-resync-target")
                .append(" handler did not remove it, it still keeps the Promoted role off a node. Look for it,")
                .append(" and remove it if it is there:\n");
        command(null, "cibadmin --query --xpath " + xpath, "");
        command(null, "cibadmin --delete --xpath " + xpath, "");
        s.append("   Before both are UpToDate that constraint is what keeps Pacemaker from promoting the")
                .append(" out-of-date side: leave it.\n");
        s.append("7. Hand control back to Pacemaker: let it re-detect what runs where (you stopped things by")
                .append(" hand on ").append(v).append("), then end maintenance mode:\n");
        command(null, "crm_resource --refresh", "");
        command(null, "crm_attribute --type crm_config --name maintenance-mode --delete", "");
        s.append('\n');
        if (generation == DrbdGeneration.UNKNOWN) {
            s.append("The status does not tell the DRBD version: the commands above are DRBD 8.4's form,")
                    .append(" which DRBD 9 also takes for a resource with one peer; with more peers on DRBD 9")
                    .append(" name the connection, as in ").append(resource).append(":<peer>.\n");
        }
        s.append("ClusterDeck runs none of these commands: --discard-my-data throws away the victim's data,")
                .append(" and only the admin can decide that.");
    }

    /**
     * What drbdadm's connect and disconnect take: DRBD 9 names one connection
     * ({@code resource:connection-name}, the name the node's own status gives it); 8.4 has one
     * peer per resource.
     */
    private String connection(String node, String peer) {
        if (generation != DrbdGeneration.V9) {
            return resource;
        }
        DrbdSide own = side(node);
        DrbdConnection c = own == null ? null : own.to(peer);
        if (c != null && c.peer() != null) {
            return resource + ":" + c.peer();
        }
        return resource + ":<connection to " + (peer == null ? "the other node" : peer) + ">";
    }

    private DrbdSide side(String node) {
        return node == null ? null : sides.stream().filter(x -> x.node().equals(node) && x.resource() != null)
                .findFirst().orElse(null);
    }

    private String other(String node) {
        return DrbdSide.other(sides, node);
    }

    private static String names(List<String> nodes) {
        if (nodes.size() <= 1) {
            return String.join("", nodes);
        }
        return String.join(", ", nodes.subList(0, nodes.size() - 1)) + " and " + nodes.get(nodes.size() - 1);
    }
}
