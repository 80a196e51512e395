package org.clusterdeck.cluster.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clusterdeck.transport.Command;

/**
 * Actions in crmsh's words ({@code crm resource ...}, {@code crm node ...}) for admins who know
 * them. Properties and maintenance stay with crm_attribute: crmsh re-parses {@code NAME=VALUE} in
 * its own language, where a value could say more than a value. crmsh's node commands do nothing
 * on a CIB copy, so their prediction stages the crm_attribute call they make.
 */
public final class Crmsh implements CommandDialect {
    private final PlainTools plain;

    public Crmsh(PlainTools plain) {
        this.plain = plain;
    }

    @Override
    public String name() {
        return "crmsh";
    }

    @Override
    public List<Command> commands(ClusterAction action) {
        if (action instanceof ClusterAction.Move m && !m.promoted()) {
            return List.of(crm(withLifetime(List.of("resource", "move", m.resource(), m.node()), m.lifetime())));
        } else if (action instanceof ClusterAction.Ban b && !b.promoted()) {
            return List.of(crm(withLifetime(List.of("resource", "ban", b.resource(), b.node()), b.lifetime())));
        } else if (action instanceof ClusterAction.Clear c && c.node() == null) {
            return List.of(crm(List.of("resource", "clear", c.resource())));
        } else if (action instanceof ClusterAction.Start s) {
            return List.of(crm(List.of("resource", "start", s.resource())));
        } else if (action instanceof ClusterAction.Stop s) {
            return List.of(crm(List.of("resource", "stop", s.resource())));
        } else if (action instanceof ClusterAction.Standby s) {
            return List.of(crm(List.of("node", s.on() ? "standby" : "online", s.node())));
        } else if (action instanceof ClusterAction.Manage m) {
            return List.of(crm(List.of("resource", m.managed() ? "manage" : "unmanage", m.resource())));
        } else if (action instanceof ClusterAction.CreateResource c) {
            return List.of(configure(create(c)));
        } else if (action instanceof ClusterAction.DeleteResource d) {
            // crm deletes only what does not run: stopped first, deleted once it has stopped (afterLanding)
            return List.of(crm(List.of("resource", "stop", d.resource())));
        }
        // crmsh has no equal spelling (promoted-role moves, a clear for one node) or it is not safer
        // (constraints and properties in crmsh's own language, which re-parses what it is given)
        return plain.commands(action);
    }

    @Override
    public List<Command> staged(ClusterAction action) {
        if (action instanceof ClusterAction.Standby) {
            return plain.commands(action);
        }
        // what plain tools cannot stage (a cleanup), crmsh, which calls them, cannot either
        return PlainTools.stageable(action) ? commands(action) : List.of();
    }

    @Override
    public Optional<Command> afterLanding(ClusterAction action) {
        if (action instanceof ClusterAction.DeleteResource d) {
            // crm's delete takes the constraints that name it along
            return Optional.of(crm(List.of("configure", "delete", d.resource())));
        }
        return CommandDialect.clearsAfterLanding(action).map(resource -> crm(List.of("resource", "clear", resource)));
    }

    private static List<String> withLifetime(List<String> args, String lifetime) {
        List<String> out = new ArrayList<>(args);
        if (lifetime != null) {
            out.add(ActionInput.lifetime(lifetime));
        }
        return out;
    }

    /**
     * crm's configure commands for a new primitive, into its group at its place, committed at once:
     * the primitive never exists outside the group, where the cluster could start it on its own.
     */
    private static String create(ClusterAction.CreateResource c) {
        StringBuilder s = new StringBuilder(c.primitive().crm()).append('\n');
        if (c.group() != null) {
            s.append("modgroup ").append(c.group()).append(" add ").append(c.primitive().id());
            if (c.before() != null) {
                s.append(" before ").append(c.before());
            } else if (c.after() != null) {
                s.append(" after ").append(c.after());
            }
            s.append('\n');
        }
        return s.append("commit\n").toString();
    }

    /**
     * {@code crm configure} reading its commands from standard input, shown in the plan as the
     * here-document an admin would type: one session, one commit. crm's parser splits words as a
     * POSIX shell does; {@link NewPrimitive#crm} quotes every value for it.
     */
    private static Command configure(String commands) {
        return Command.of("crm", "configure").withShownStdin(commands);
    }

    // ids and node names reach here only through ClusterAction, whose records checked them
    private static Command crm(List<String> args) {
        return Command.of("crm", args);
    }
}
