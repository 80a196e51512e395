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
}
