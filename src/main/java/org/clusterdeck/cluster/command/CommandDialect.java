package org.clusterdeck.cluster.command;

import java.util.List;
import java.util.Optional;
import org.clusterdeck.cluster.software.NodeSoftware;
import org.clusterdeck.transport.Command;

/**
 * How one toolset spells an action: plain Pacemaker tools, crmsh or pcs. Each returns argument
 * lists only; staging on a CIB copy and running them is the caller's business, through the
 * {@code CIB_file} environment variable that all three honour.
 */
public interface CommandDialect {
    /** The dialect names an admin can ask for; plain Pacemaker tools unless asked otherwise. */
    List<String> NAMES = List.of("pacemaker", "crmsh");

    /**
     * The dialect of that name for a node, which must have the tool.
     *
     * @throws InvalidInputException for a name not in {@link #NAMES}
     * @throws IllegalStateException when the node lacks the tool
     */
    static CommandDialect forNode(String name, NodeSoftware software) {
        PlainTools plain = PlainTools.forNode(software);
        switch (name) {
            case "pacemaker":
                return plain;
            case "crmsh":
                if (!software.crmsh()) {
                    throw new IllegalStateException(software.nodeName() + " has no crmsh (crm not found on its PATH)");
                }
                return new Crmsh(plain);
            default:
                throw new InvalidInputException("dialect", name, "expected one of " + String.join(", ", NAMES));
        }
    }

    /** A word for the plan, e.g. "pacemaker" or "crmsh". */
    String name();

    /** The commands that make the change, in order, as the admin would type them. */
    List<Command> commands(ClusterAction action);

    /**
     * The commands that reproduce the change on a CIB copy for the prediction; usually
     * {@link #commands}. Empty when the tool cannot work on a copy: the prediction then shows only
     * what the cluster would do anyway.
     */
    default List<Command> staged(ClusterAction action) {
        return commands(action);
    }

    /** What to run once the change has landed: clearing a move's cli-prefer constraint, when wanted. */
    Optional<Command> afterLanding(ClusterAction action);
}
