package org.clusterdeck.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "clusterdeck",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Console for Pacemaker + Corosync + DRBD clusters. Without arguments it opens the window.")
public final class ClusterDeckCommand {
    /** Where the subcommands that reach nodes keep their audit log. */
    final Path auditDirectory;

    ClusterDeckCommand(Path auditDirectory) {
        this.auditDirectory = auditDirectory;
    }

    /** The subcommands, in the order the help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(StatusCommand.class, GraphCommand.class,
            DrbdCommand.class, WatchCommand.class,
            ActionCommands.Move.class, ActionCommands.Clear.class, ActionCommands.Ban.class,
            ActionCommands.Start.class, ActionCommands.Stop.class, ActionCommands.Cleanup.class,
            ActionCommands.Standby.class, ActionCommands.Online.class, ActionCommands.Maintenance.class,
            ActionCommands.Property.class, ActionCommands.Manage.class, ActionCommands.Unmanage.class,
            ActionCommands.Promote.class, ActionCommands.Demote.class, ActionCommands.Constraint.class,
            ActionCommands.Resource.class, ActionCommands.Stonith.class,
            SetupCommand.class, AgentsCommand.class);

    /**
     * The subcommands a command line needs: only the one it names, since picocli builds each one's
     * model by reflection (about 200 ms for all of them, most of a one-shot command's start); none for
     * {@code --version} alone; all of them for the help and a mistyped name (picocli suggests the nearest).
     */
    static List<Class<?>> subcommandsFor(String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return List.of();
        }
        if (args.length > 0) {
            for (Class<?> c : SUBCOMMANDS) {
                Command command = c.getAnnotation(Command.class);
                if (command.name().equals(args[0]) || Arrays.asList(command.aliases()).contains(args[0])) {
                    return List.of(c);
                }
            }
        }
        return SUBCOMMANDS;
    }
}
