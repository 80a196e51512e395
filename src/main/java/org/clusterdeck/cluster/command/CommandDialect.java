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
    /** The dialect names an admin can ask for; {@code auto} lets the node decide, see {@link #forNode}. */
    List<String> NAMES = List.of("auto", "pacemaker", "crmsh", "pcs");
    /** Whatever the node's own tools suggest. */
    String AUTO = "auto";

    /**
     * The dialect of that name for a node, which must have the tool. {@code auto} picks the
     * management shell the node has when it has exactly one (crmsh or pcs: that is how this
     * cluster is run, and what its admins type), and plain Pacemaker tools when it has none or
     * both. Inside every dialect, what the shell would only pass on to a plain tool, or would
     * re-parse in its own language (constraints, crmsh's property values), stays with the plain tool.
     *
     * @throws InvalidInputException for a name not in {@link #NAMES}
     * @throws IllegalStateException when the node lacks the tool
     */
    static CommandDialect forNode(String name, NodeSoftware software) {
        PlainTools plain = PlainTools.forNode(software);
        switch (name) {
            case "auto":
                if (software.crmsh() != software.pcs()) {
                    return software.crmsh() ? new Crmsh(plain) : new Pcs(plain);
                }
                return plain;
            case "pacemaker":
                return plain;
            case "crmsh":
                if (!software.crmsh()) {
                    throw new IllegalStateException(software.nodeName() + " has no crmsh (crm not found on its PATH)");
                }
                return new Crmsh(plain);
            case "pcs":
                if (!software.pcs()) {
                    throw new IllegalStateException(software.nodeName() + " has no pcs (pcs not found on its PATH)");
                }
                return new Pcs(plain);
            default:
                throw new InvalidInputException("dialect", name, "expected one of " + String.join(", ", NAMES));
        }
    }

    /**
     * The resource whose cli-prefer/cli-ban constraint an action leaves only to get the cluster
     * moving: a move or demote, unless the admin keeps the constraint.
     */
    static Optional<String> clearsAfterLanding(ClusterAction action) {
        if (action instanceof ClusterAction.Move m && !m.keepConstraint()) {
            return Optional.of(m.resource());
        }
        if (action instanceof ClusterAction.Demote d && !d.keepConstraint()) {
            return Optional.of(d.resource());
        }
        return Optional.empty();
    }

    /** A word for the plan, e.g. "pacemaker" or "crmsh". */
    String name();

    /** The commands that make the change, in order, as the admin would type them. */
    List<Command> commands(ClusterAction action);

    /**
     * The commands that reproduce the change on a CIB copy for the prediction, as the admin would
     * type them; usually {@link #commands}. Empty when the tool cannot work on a copy: the
     * prediction then shows only what the cluster would do anyway. How each one really runs on
     * the copy is {@link #onCopy}.
     */
    default List<Command> staged(ClusterAction action) {
        return commands(action);
    }

    /** What to run once the change has landed: clearing a move's cli-prefer constraint, when wanted. */
    Optional<Command> afterLanding(ClusterAction action);

    /**
     * A staged command as it runs against the CIB copy named by {@code CIB_file}: unchanged for
     * the tools that read that variable. A tool that does not must be pointed at the copy here,
     * or it would change the live CIB during a preview.
     */
    default Command onCopy(Command staged) {
        return staged;
    }
}
