package org.clusterdeck.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;

@Command(name = "clusterdeck",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Console for Pacemaker + Corosync + DRBD clusters. Without arguments it opens the window.",
        subcommands = {StatusCommand.class, GraphCommand.class, DrbdCommand.class, WatchCommand.class,
                ActionCommands.Move.class, ActionCommands.Clear.class, ActionCommands.Ban.class,
                ActionCommands.Start.class, ActionCommands.Stop.class, ActionCommands.Cleanup.class,
                ActionCommands.Standby.class, ActionCommands.Online.class, ActionCommands.Maintenance.class,
                ActionCommands.Property.class, ActionCommands.Manage.class, ActionCommands.Unmanage.class,
                ActionCommands.Promote.class, ActionCommands.Demote.class, ActionCommands.Constraint.class,
                ActionCommands.Resource.class,
                ActionCommands.Stonith.class,
                SetupCommand.class, AgentsCommand.class})
public final class ClusterDeckCommand {
    /** Where the subcommands that reach nodes keep their audit log. */
    final Path auditDirectory;

    ClusterDeckCommand(Path auditDirectory) {
        this.auditDirectory = auditDirectory;
    }
}
