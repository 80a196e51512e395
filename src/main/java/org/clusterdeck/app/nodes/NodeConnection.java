package org.clusterdeck.app.nodes;

import org.clusterdeck.cluster.command.ClusterCommandException;
import org.clusterdeck.cluster.command.CrmMon;
import org.clusterdeck.cluster.software.NodeSoftware;
import org.clusterdeck.cluster.software.SoftwareProbe;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.cluster.status.StatusReader;
import java.util.List;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.TransportException;

/**
 * One node as ClusterDeck reaches it: the runner its commands go through and what it runs, probed
 * once per connection and shared by everything that uses the node (the monitor, actions, the
 * command line), so each asks the same questions of the node only once. Safe to share between threads.
 */
public final class NodeConnection implements AutoCloseable {
    private final CommandRunner runner;
    private NodeSoftware software;

    public NodeConnection(CommandRunner runner) {
        this.runner = runner;
    }

    public CommandRunner runner() {
        return runner;
    }

    /** The node as the user named it (its SSH address). */
    public String host() {
        return runner.node();
    }

    /** What the node runs, probed on first use after each (re)connection. */
    public synchronized NodeSoftware software() throws TransportException, ClusterCommandException {
        if (software == null) {
            software = new SoftwareProbe(runner).probe();
        }
        return software;
    }

    /**
     * Runs read-only commands at once, together with the probe's questions when the node has not been
     * probed yet: a one-shot reader gets its answers in the round trip the probe needs anyway. A node
     * without Pacemaker still gets the probe's one error.
     */
    public List<CommandResult> runWithProbe(List<Command> commands) throws TransportException, ClusterCommandException {
        synchronized (this) {
            if (software == null) {
                SoftwareProbe.Probed probed = new SoftwareProbe(runner).probe(commands);
                software = probed.software();
                return probed.alongside();
            }
        }
        return runner.runAll(commands);
    }

    /** What was probed, without asking the node; null before the probe or after the connection broke. */
    public synchronized NodeSoftware knownSoftware() {
        return software;
    }

    /** The cluster's name for the node when known, else its address. */
    public String name() {
        NodeSoftware s = knownSoftware();
        return s == null ? host() : s.nodeName();
    }

    /** The connection broke: what the node runs is probed again once it answers (it may come back upgraded). */
    public synchronized void lost() {
        software = null;
    }

    /** The cluster as this node sees it, through the crm_mon XML its Pacemaker prints. */
    public ClusterStatus status() throws TransportException, ClusterCommandException {
        return new StatusReader(runner).read(statusCommand());
    }

    /** crm_mon's {@code <pacemaker-result>} XML, or the legacy {@code <crm_mon>} XML on Pacemaker before 2.0.3. */
    public Command statusCommand() throws TransportException, ClusterCommandException {
        return software().needsLegacyCrmMon() ? CrmMon.legacyStatus() : CrmMon.status();
    }

    @Override
    public void close() {
        runner.close();
    }
}
