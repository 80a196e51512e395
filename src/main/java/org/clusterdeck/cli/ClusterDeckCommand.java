package org.clusterdeck.cli;

import picocli.CommandLine.Command;

@Command(name = "clusterdeck",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Console for Pacemaker + Corosync + DRBD clusters. Without arguments it opens the window.",
        subcommands = {StatusCommand.class, GraphCommand.class, DrbdCommand.class, WatchCommand.class})
public final class ClusterDeckCommand {
}
