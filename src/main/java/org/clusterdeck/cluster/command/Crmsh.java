package org.clusterdeck.cluster.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            return List.of(Command.of("crm", "configure").withShownStdin(create(c, c.primitive()),
                    create(c, c.primitive().masked())));
        } else if (action instanceof ClusterAction.UpdateResource u) {
            // crm's own load of CIB XML: the primitive replaced whole in one commit, the group or clone it is in kept
            String xml = PlainTools.planned(u.after(), u.resource());
            return List.of(Command.of("crm", "configure", "load", "xml", "update", "-").withShownStdin(
                    inCib(xml), inCib(Secrets.maskedXml(xml))));
        } else if (action instanceof ClusterAction.GroupAdd g) {
            return List.of(configure(groupAdd(g)));
        } else if (action instanceof ClusterAction.GroupRemove g) {
            return List.of(configure(groupRemove(g)));
        } else if (action instanceof ClusterAction.Clone c) {
            Map<String, String> meta = new LinkedHashMap<>();
            if (c.promotable()) {
                meta.put("promotable", "true");
            }
            meta.putAll(c.meta());
            return List.of(configure("clone " + CloneEdit.idFor(c.resource()) + " " + c.resource()
                    + (meta.isEmpty() ? "" : " meta" + NewPrimitive.crmPairs(meta)) + "\ncommit\n"));
        } else if (action instanceof ClusterAction.DeleteResource d) {
            // crm deletes only what does not run: stopped first, deleted once it has stopped (afterLanding)
            return List.of(crm(List.of("resource", "stop", d.resource())));
        }
        // crmsh has no equal spelling (promoted-role moves, a clear for one node; an unclone: crm deletes no
        // running clone, where the plain tools leave its resource running on its own; a fence: crm node fence
        // asks on a terminal and only sets the terminate attribute) or it is not safer
        // (constraints and properties in crmsh's own language, which re-parses what it is given)
        return plain.commands(action);
    }

    @Override
    public List<Command> staged(ClusterAction action) {
        if (action instanceof ClusterAction.Standby) {
            return plain.commands(action);
        }
        if (action instanceof ClusterAction.Fence) {
            return plain.staged(action);
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
     * Given the primitive masked, what the plan shows of them.
     */
    private static String create(ClusterAction.CreateResource c, NewPrimitive primitive) {
        StringBuilder s = new StringBuilder(primitive.crm()).append('\n');
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

    /** A resource's XML as crm's load of CIB XML takes it, whole: in a CIB's resources section. */
    private static String inCib(String resourceXml) {
        return "<cib><configuration><resources>" + resourceXml + "</resources></configuration></cib>\n";
    }

    /**
     * crm's commands for members into a group, one commit: each leaves its old group (or its place
     * in this one, to be placed again), then a new group is made of them, or each is added at its
     * place, the next after the one before.
     */
    private static String groupAdd(ClusterAction.GroupAdd g) {
        GroupEdit edit = PlainTools.planned(g.edit(), g.group());
        StringBuilder s = new StringBuilder();
        edit.leaving().forEach((member, old) -> s.append("modgroup ").append(old).append(" remove ").append(member)
                .append('\n'));
        edit.reordered().forEach(member -> s.append("modgroup ").append(g.group()).append(" remove ").append(member)
                .append('\n'));
        if (edit.newGroup()) {
            s.append("group ").append(g.group()).append(' ').append(String.join(" ", g.resources())).append('\n');
        } else {
            String previous = g.after();
            for (String member : g.resources()) {
                s.append("modgroup ").append(g.group()).append(" add ").append(member);
                if (g.before() != null) {
                    s.append(" before ").append(g.before());
                } else if (previous != null) {
                    s.append(" after ").append(previous);
                    previous = member;
                }
                s.append('\n');
            }
        }
        return s.append("commit\n").toString();
    }

    /** Members out of a group; with the last ones, crm's delete of the group, which keeps its members. */
    private static String groupRemove(ClusterAction.GroupRemove g) {
        StringBuilder s = new StringBuilder();
        if (PlainTools.planned(g.edit(), g.group()).groupGone()) {
            s.append("delete ").append(g.group()).append('\n');
        } else {
            g.resources().forEach(m -> s.append("modgroup ").append(g.group()).append(" remove ").append(m)
                    .append('\n'));
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
