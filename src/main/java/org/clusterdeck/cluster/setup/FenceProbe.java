package org.clusterdeck.cluster.setup;

import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.transport.Command;

/**
 * Asking a node's fence device, before the cluster exists, whether it can see the node's power:
 * the agent's non-destructive {@code status} with the spec's parameters for that node. Nothing is
 * powered off; the fence test during the setup is the real proof.
 *
 * @param target the node whose power the device controls
 * @param agent  the fence agent that asks it
 * @param status the agent's status request (parameters on standard input)
 */
public record FenceProbe(String target, String agent, Command status) {
    /** The agent's exit code of {@code status} for a node whose power is off. */
    static final int OFF = 2;

    /** One probe per node for the kinds with a device per node; none for {@code none} and {@code sbd} (one shared disk). */
    public static List<FenceProbe> of(SetupSpec spec) {
        List<FenceProbe> out = new ArrayList<>();
        String kind = spec.fencing() == null ? "none" : spec.fencing().kind();
        if (kind.equals("none") || kind.equals("sbd")) {
            return out;
        }
        String agent = CibResources.fenceAgent(kind);
        for (SetupSpec.Node n : spec.nodes()) {
            out.add(new FenceProbe(n.name(), agent, SetupCommands.fenceStatus(agent,
                    spec.fencing().parameters().getOrDefault(n.name(), java.util.Map.of()))));
        }
        return out;
    }

    /** Whether the agent is installed where {@code hasAgent} runs (exit 0). */
    public Command hasAgent() {
        return SetupCommands.hasTool(agent);
    }

    /** What the status exit code says, in words. */
    public String answer(int exitCode) {
        return exitCode == 0 ? "the device answers: " + target + " is powered on"
                : exitCode == OFF ? "the device answers: " + target + " is powered off"
                : "the device did not answer as expected (exit " + exitCode + ")";
    }
}
