package org.clusterdeck.cluster.command;

import java.util.List;
import org.clusterdeck.transport.Command;

/**
 * The DRBD status commands, richest first: DRBD 9's JSON has everything, events2 works on 8.4
 * and 9, {@code drbdadm status} lacks speed, and /proc/drbd is all that old 8.4 nodes may have.
 */
public final class Drbd {
    private Drbd() {
    }

    public static Command statusJson() {
        return Command.of("drbdsetup", "status", "--json", "--verbose", "--statistics");
    }

    public static Command events2Now() {
        return Command.of("drbdsetup", "events2", "--now", "--statistics", "all");
    }

    /**
     * DRBD 9's own event stream: the current state, an {@code exists -} line, then every change as
     * it happens, resync progress about every 3 s, and helper calls such as split-brain.
     */
    public static Command events2Stream() {
        return Command.of("drbdsetup", "events2", "--timestamps", "--statistics", "--full", "all");
    }

    public static Command admStatus() {
        return Command.of("drbdadm", "status");
    }

    public static Command procDrbd() {
        return Command.of("cat", "/proc/drbd");
    }

    public static List<Command> richestFirst() {
        return List.of(statusJson(), events2Now(), admStatus(), procDrbd());
    }
}
