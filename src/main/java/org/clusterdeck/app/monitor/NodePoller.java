package org.clusterdeck.app.monitor;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.clusterdeck.cluster.FormatException;
import org.clusterdeck.cluster.cib.Cib;
import org.clusterdeck.cluster.cib.CibReader;
import org.clusterdeck.cluster.command.ClusterCommandException;
import org.clusterdeck.cluster.command.CrmMon;
import org.clusterdeck.cluster.corosync.CorosyncQuorum;
import org.clusterdeck.cluster.corosync.QuorumReader;
import org.clusterdeck.cluster.drbd.DrbdNodeReader;
import org.clusterdeck.cluster.drbd.DrbdStatus;
import org.clusterdeck.cluster.software.NodeSoftware;
import org.clusterdeck.cluster.software.SoftwareProbe;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.cluster.status.StatusReader;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.CommandTimeoutException;
import org.clusterdeck.transport.TransportException;

/**
 * Polls one node: crm_mon every time; corosync's quorum when crm_mon shows the membership changed
 * and every {@link #QUORUM_EVERY} polls; the CIB only when crm_mon reports a newer configuration change; DRBD
 * only where the node has it. What the node runs is probed once per connection. Never throws:
 * every failure ends up in the view, naming the node, the command and the problem.
 * Used by one thread at a time.
 */
final class NodePoller {
    /**
     * corosync-quorumtool costs a node more CPU than crm_mon (measured on the lab), so it runs when
     * crm_mon shows membership, quorum or DC changed, and otherwise every this many polls.
     */
    private static final int QUORUM_EVERY = 10;

    private final CommandRunner node;
    private final Clock clock;
    private final Duration commandTimeout;
    private NodeSoftware software;
    private Cib cib;
    private String cibChange;
    private NodeView last;
    private int pollsSinceQuorum;

    NodePoller(CommandRunner node, Clock clock, Duration commandTimeout) {
        this.node = node;
        this.clock = clock;
        this.commandTimeout = commandTimeout;
        this.last = NodeView.connecting(node.node());
    }

    String host() {
        return node.node();
    }

    NodeView poll() {
        try {
            if (software == null) {
                software = new SoftwareProbe(node).probe();
            }
            Command crmMon = software.needsLegacyCrmMon() ? CrmMon.legacyStatus() : CrmMon.status();
            ClusterStatus status = new StatusReader(node).read(crmMon.withTimeout(commandTimeout));
            String problem = null;
            CorosyncQuorum quorum = last.quorum();
            if (quorum == null || ++pollsSinceQuorum >= QUORUM_EVERY || !sameMembership(last.status(), status)) {
                pollsSinceQuorum = 0;
                try {
                    quorum = new QuorumReader(node).read();
                } catch (ClusterCommandException | FormatException e) {
                    quorum = null;
                    problem = e.getMessage();
                }
            }
            String change = status.summary().lastChange();
            if (cib == null || !Objects.equals(change, cibChange)) {
                cib = new CibReader(node).read();
                cibChange = change;
            }
            DrbdStatus drbd = null;
            if (software.hasDrbd()) {
                try {
                    drbd = new DrbdNodeReader(node).read();
                } catch (FormatException e) {
                    problem = e.getMessage();
                }
            }
            last = new NodeView(host(), Reach.REACHABLE, clock.instant(), software, status, quorum, drbd, cib, problem);
        } catch (TransportException e) {
            if (e instanceof CommandTimeoutException) {
                // A node that stops answering mid-command usually died: start over with a fresh
                // connection, which fails fast (with backoff) instead of waiting on a dead one.
                node.close();
            }
            // probed again once it answers: it may come back upgraded; the view keeps what it ran
            software = null;
            last = new NodeView(host(), Reach.UNREACHABLE, last.answeredAt(), last.software(), null, null, null, null,
                    e.getMessage());
        } catch (ClusterCommandException | FormatException e) {
            last = new NodeView(host(), Reach.REACHABLE, last.answeredAt(), software != null ? software : last.software(),
                    null, null, null, cib, e.getMessage());
        }
        return last;
    }

    /** Nodes up or down, quorum and DC as crm_mon saw them: what corosync's view would change with. */
    private static boolean sameMembership(ClusterStatus before, ClusterStatus now) {
        return before != null
                && before.nodes().stream().map(n -> n.name() + n.online()).toList()
                        .equals(now.nodes().stream().map(n -> n.name() + n.online()).toList())
                && Objects.equals(before.summary().quorum(), now.summary().quorum())
                && Objects.equals(before.summary().dcName(), now.summary().dcName());
    }
}
