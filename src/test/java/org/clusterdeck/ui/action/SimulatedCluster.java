package org.clusterdeck.ui.action;

import java.time.Duration;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.cluster.command.CommandDialect;
import org.clusterdeck.app.nodes.NodeConnection;
import org.clusterdeck.app.nodes.NodeGroup;
import org.clusterdeck.app.action.ClusterActions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.LocalProcessRunner;
import org.clusterdeck.transport.TransportException;
import org.clusterdeck.ui.Snapshots;

/**
 * A cluster made of one CIB file and the real Pacemaker tools, for action tests without the lab:
 * every command runs locally with {@code CIB_file} set, and {@code crm_resource --wait} first lets
 * Pacemaker's own scheduler carry out the pending transition ({@code crm_simulate --simulate}),
 * as a running cluster would, unless {@link #frozen} (then the wait runs out, as on a stuck cluster).
 *
 * <p>The CIB is the lab's own configuration ({@code lab/cib.xml.in}), brought up by crm_simulate
 * with both nodes online and the promotion scores the Stateful agent would set: the reference
 * DHCP stack running on node1.
 */
public final class SimulatedCluster implements CommandRunner {
    private final Path cib;
    private final LocalProcessRunner local = new LocalProcessRunner("node1");
    public volatile boolean frozen;

    private SimulatedCluster(Path cib) {
        this.cib = cib;
    }

    public static SimulatedCluster labStack(Path dir) throws Exception {
        Path config = dir.resolve("config.xml");
        Files.writeString(config, Files.readString(Path.of("lab/cib.xml.in"))
                .replace("@DEVICE@", "/dev/loop0").replace("@VIP@", "10.10.101.1")
                // a running cluster has quorum; crm_simulate takes it from the CIB
                .replace("<cib ", "<cib have-quorum=\"1\" "));
        Path cib = dir.resolve("cib.xml");
        Snapshots.run(List.of("crm_simulate", "-x", config.toString(), "-u", "node1", "-u", "node2", "-S",
                "-O", cib.toString()), null);
        Snapshots.run(List.of("crm_attribute", "-N", "node1", "-n", "master-p_drbd_r0", "-v", "10", "-l", "reboot"),
                cib.toString());
        Snapshots.run(List.of("crm_attribute", "-N", "node2", "-n", "master-p_drbd_r0", "-v", "5", "-l", "reboot"),
                cib.toString());
        SimulatedCluster cluster = new SimulatedCluster(cib);
        cluster.settle();
        return cluster;
    }

    public Path cib() {
        return cib;
    }

    /** Carries out what the scheduler wants; three rounds are more than any change of this stack needs. */
    void settle() throws Exception {
        Path next = cib.resolveSibling("next.xml");
        for (int i = 0; i < 3; i++) {
            Snapshots.run(List.of("crm_simulate", "-x", cib.toString(), "-S", "-O", next.toString()), null);
            Files.move(next, cib, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public String node() {
        return local.node();
    }

    @Override
    public CommandResult run(Command command) throws TransportException {
        if (command.argv().equals(List.of("crm_node", "-n"))) {
            // crm_node asks the controller which node this is; a CIB file has none, and is seen from node1
            return local.run(Command.of("echo", node()));
        }
        if (!frozen && command.argv().size() > 1 && command.argv().get(0).equals("crm_resource")
                && command.argv().get(1).equals("--wait")) {
            try {
                settle();
            } catch (Exception e) {
                throw new TransportException(node(), TransportException.Kind.FAILED, "the simulated cluster could not settle", e);
            }
        }
        return local.run(command.withEnv("CIB_file", cib.toString()));
    }

    /** Actions on this cluster, as the window gets them once connected. */
    ClusterActions actions(AuditLog audit) {
        return new ClusterActions(new NodeGroup(List.of(new NodeConnection(this))), audit, Duration.ofSeconds(5),
                CommandDialect.AUTO);
    }
}
