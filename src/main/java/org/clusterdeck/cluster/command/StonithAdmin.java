package org.clusterdeck.cluster.command;

import java.time.Duration;
import org.clusterdeck.cluster.agents.AgentName;
import org.clusterdeck.transport.Command;

/** Calls of {@code stonith_admin}, one small function per use. */
public final class StonithAdmin {
    private StonithAdmin() {
    }

    /**
     * A fence agent's own metadata; the attributes the fencer adds to every device
     * ({@code pcmk_host_list} ...) come from {@link ClusterOptions#fencingDeviceMetadata()}.
     */
    public static Command metadata(AgentName agent) {
        if (!agent.isFencing()) {
            throw new InvalidInputException("fence agent", agent.toString(), "stonith_admin describes stonith: agents only");
        }
        return Command.of("stonith_admin", "--metadata", "--agent", agent.type()).withTimeout(Duration.ofSeconds(30));
    }

    /**
     * Fences the node through the cluster's fencer, as a lost node would be: a reboot, or off (it
     * stays off until someone powers it on). The fencer's own timeout is shorter than ours, so its
     * answer, not ours, ends a device that hangs.
     */
    public static Command fence(String node, boolean off) {
        return Command.of("stonith_admin", off ? "--fence" : "--reboot", ActionInput.nodeName(node), "--timeout", "180")
                .withTimeout(Duration.ofMinutes(4));
    }
}
