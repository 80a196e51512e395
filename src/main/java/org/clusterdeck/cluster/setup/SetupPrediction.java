package org.clusterdeck.cluster.setup;

import java.util.List;
import org.clusterdeck.cluster.command.ClusterCommandException;
import org.clusterdeck.cluster.command.CrmSimulate;
import org.clusterdeck.cluster.simulate.Prediction;
import org.clusterdeck.cluster.simulate.Predictor;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.TransportException;

/**
 * What Pacemaker will do with the setup's configuration once it is in place and both nodes are
 * online, shown before anything runs, in two transitions: the configuration's own (fence devices
 * and DRBD started), and the one after DRBD's agent reports the first node's disk UpToDate with its
 * promotion score, as it does once the initial sync has a source (promotion, then the group). Bare
 * nodes have no Pacemaker yet, so the runner given is one that has (this machine).
 */
public final class SetupPrediction {
    private SetupPrediction() {
    }

    /**
     * @param generation what the plan writes the configuration for (the nodes' Pacemaker generation)
     * @param here       where crm_simulate runs
     */
    public static Prediction of(SetupSpec spec, NodeGeneration generation, CommandRunner here)
            throws TransportException, ClusterCommandException {
        List<String> names = spec.nodes().stream().map(SetupSpec.Node::name).toList();
        CommandResult empty = here.run(CrmSimulate.emptyClusterOf(names));
        if (!empty.ok()) {
            throw ClusterCommandException.of(here.node(), "an empty CIB with " + String.join(" and ", names) + " online",
                    empty.exitCode(), ClusterCommandException.lastLines(empty.stderr()));
        }
        String first = spec.nodes().get(0).name();
        return new Predictor(here).predict(empty.stdout(), List.of(
                List.of(SetupCommands.modifyConfiguration(CibResources.fragment(spec, generation))),
                List.of(promotionScore(spec, first))));
    }

    /** The score DRBD's agent gives a node whose disk is UpToDate, which lets Pacemaker promote it there. */
    static Command promotionScore(SetupSpec spec, String node) {
        return Command.of("crm_attribute", "--node", node, "--name", "master-" + CibResources.drbdPrimitive(spec),
                "--update", "10000", "--lifetime", "reboot");
    }
}
