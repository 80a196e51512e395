package org.clusterdeck.cli;

import org.clusterdeck.cluster.command.ClusterAction;
import org.clusterdeck.cluster.command.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The action subcommands: each only turns its arguments into a {@link ClusterAction}. */
final class ActionCommands {
    private ActionCommands() {
    }

    /** Subcommands whose first argument is a resource. */
    abstract static class OnResource extends ActionCommand {
        @Parameters(index = "0", paramLabel = "RESOURCE")
        String resource;
    }

    /** move and ban: a resource, a node, and how long the constraint lasts. */
    abstract static class Placement extends OnResource {
        @Parameters(index = "1", paramLabel = "NODE")
        String node;

        @Option(names = "--lifetime", paramLabel = "ISO8601", description = "Let the constraint expire, e.g. PT1H.")
        String lifetime;

        @Option(names = "--promoted", description = "Only the promoted role of a promotable clone.")
        boolean promoted;
    }

    /** standby and online: the node is all they need. */
    abstract static class OnNode extends ActionCommand {
        @Parameters(index = "0", paramLabel = "NODE")
        String node;

        /** Whether the node goes into standby (true) or comes out of it. */
        abstract boolean standby();

        @Override
        ClusterAction action() {
            return new ClusterAction.Standby(node, standby());
        }
    }

    /** start and stop: the resource is all they need. */
    abstract static class TargetRole extends OnResource {
        /** Whether the resource is to run (true) or to stop. */
        abstract boolean started();

        @Override
        ClusterAction action() {
            return started() ? new ClusterAction.Start(resource) : new ClusterAction.Stop(resource);
        }
    }

    @Command(name = "move", mixinStandardHelpOptions = true,
            description = "Move a resource to a node; its cli-prefer constraint is cleared once it has landed.")
    static final class Move extends Placement {
        @Option(names = "--keep-constraint", description = "Leave the cli-prefer constraint in place after the move.")
        boolean keepConstraint;

        @Override
        ClusterAction action() {
            return new ClusterAction.Move(resource, node, lifetime, promoted, keepConstraint);
        }
    }

    @Command(name = "ban", mixinStandardHelpOptions = true, description = "Keep a resource away from a node.")
    static final class Ban extends Placement {
        @Override
        ClusterAction action() {
            return new ClusterAction.Ban(resource, node, lifetime, promoted);
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true,
            description = "Remove the constraints move and ban left for a resource.")
    static final class Clear extends OnResource {
        @Option(names = "--node", paramLabel = "NODE", description = "Only the constraints for this node.")
        String node;

        @Override
        ClusterAction action() {
            return new ClusterAction.Clear(resource, node);
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Start a resource (target-role Started).")
    static final class Start extends TargetRole {
        @Override
        boolean started() {
            return true;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop a resource (target-role Stopped).")
    static final class Stop extends TargetRole {
        @Override
        boolean started() {
            return false;
        }
    }

    @Command(name = "cleanup", mixinStandardHelpOptions = true,
            description = "Forget a resource's failures (on one node or all) so the cluster probes it again.")
    static final class Cleanup extends OnResource {
        @Parameters(index = "1", paramLabel = "NODE", arity = "0..1")
        String node;

        @Override
        ClusterAction action() {
            return new ClusterAction.Cleanup(resource, node);
        }
    }

    @Command(name = "standby", mixinStandardHelpOptions = true, description = "Move every resource off a node and keep them off.")
    static final class Standby extends OnNode {
        @Override
        boolean standby() {
            return true;
        }
    }

    @Command(name = "online", mixinStandardHelpOptions = true, description = "Take a node out of standby.")
    static final class Online extends OnNode {
        @Override
        boolean standby() {
            return false;
        }
    }

    @Command(name = "maintenance", mixinStandardHelpOptions = true,
            description = "Maintenance mode on or off, for the whole cluster or one node (--node).")
    static final class Maintenance extends ActionCommand {
        @Parameters(index = "0", paramLabel = "on|off")
        String state;

        @Option(names = "--node", paramLabel = "NODE", description = "Only this node.")
        String node;

        @Override
        ClusterAction action() {
            if (!state.equals("on") && !state.equals("off")) {
                throw new InvalidInputException("maintenance state", state, "expected on or off");
            }
            return new ClusterAction.Maintenance(node, state.equals("on"));
        }
    }

    @Command(name = "property", mixinStandardHelpOptions = true, description = "Set a cluster property.")
    static final class Property extends ActionCommand {
        @Parameters(index = "0", paramLabel = "NAME=VALUE")
        String assignment;

        @Override
        ClusterAction action() {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException("property", assignment, "expected NAME=VALUE");
            }
            return new ClusterAction.Property(assignment.substring(0, eq), assignment.substring(eq + 1));
        }
    }
}
