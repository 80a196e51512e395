package org.clusterdeck.cluster.command;

import java.util.List;
import java.util.Optional;
import org.clusterdeck.transport.Command;

/**
 * How one toolset spells an action: plain Pacemaker tools, crmsh or pcs. Each returns argument
 * lists only; staging on a CIB copy and running them is the caller's business, through the
 * {@code CIB_file} environment variable that all three honour.
 */
public interface CommandDialect {
    /** A word for the plan, e.g. "pacemaker" or "crmsh". */
    String name();

    /** The commands that make the change, in order, as the admin would type them. */
    List<Command> commands(ClusterAction action);

    /** What to run once the change has landed: clearing a move's cli-prefer constraint, when wanted. */
    Optional<Command> afterLanding(ClusterAction action);
}
