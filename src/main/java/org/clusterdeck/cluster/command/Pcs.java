package org.clusterdeck.cluster.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.ShellScript;

/**
 * Actions in pcs's words for clusters run with pcs. Only commands that work without pcsd (they
 * call Pacemaker's tools on this node): {@code pcs resource}, {@code pcs node}, {@code pcs
 * property set}. A move is {@code move-with-constraint}, the crm_resource move, because pcs 0.11's
 * {@code move} clears its constraint on its own and would hide that step from the plan.
 * Constraints stay with cibadmin: pcs's constraint syntax is its own language; so do parameters
 * that hold secrets, which pcs takes only as words on its command line (the node's process list).
 *
 * <p>pcs ignores the {@code CIB_file} variable and takes the copy with {@code -f FILE} instead. The
 * plan shows the pcs command as typed; only on the copy does it run through a fixed shell wrapper
 * that adds {@code -f "$CIB_file"}, the arguments as positional parameters (see {@link #onCopy}).
 */
public final class Pcs implements CommandDialect {
    // fixed text, no caller input: "$@" hands the checked arguments over unchanged
    static final ShellScript ON_COPY = ShellScript.fixed("exec pcs -f \"$CIB_file\" \"$@\"");

    private final PlainTools plain;

    public Pcs(PlainTools plain) {
        this.plain = plain;
    }

    @Override
    public String name() {
        return "pcs";
    }

    @Override
    public List<Command> commands(ClusterAction action) {
        if (action instanceof ClusterAction.Move m) {
            return List.of(pcs(placement("move-with-constraint", m.resource(), m.node(), m.lifetime(), m.promoted())));
        } else if (action instanceof ClusterAction.Ban b) {
            return List.of(pcs(placement("ban", b.resource(), b.node(), b.lifetime(), b.promoted())));
        } else if (action instanceof ClusterAction.Demote d) {
            return List.of(pcs(placement("ban", d.resource(), d.node(), null, true)));
        } else if (action instanceof ClusterAction.Clear c) {
            List<String> args = new ArrayList<>(List.of("resource", "clear", c.resource()));
            if (c.node() != null) {
                args.add(c.node());
            }
            return List.of(pcs(args));
        } else if (action instanceof ClusterAction.Start s) {
            return List.of(pcs(List.of("resource", "enable", s.resource())));
        } else if (action instanceof ClusterAction.Stop s) {
            return List.of(pcs(List.of("resource", "disable", s.resource())));
        } else if (action instanceof ClusterAction.Cleanup c) {
            List<String> args = new ArrayList<>(List.of("resource", "cleanup", c.resource()));
            if (c.node() != null) {
                args.add("node=" + c.node());
            }
            return List.of(pcs(args));
        } else if (action instanceof ClusterAction.Standby s) {
            return List.of(pcs(List.of("node", s.on() ? "standby" : "unstandby", s.node())));
        } else if (action instanceof ClusterAction.Maintenance m) {
            return List.of(m.node() == null
                    ? pcs(List.of("property", "set", "maintenance-mode=" + m.on()))
                    : pcs(List.of("node", m.on() ? "maintenance" : "unmaintenance", m.node())));
        } else if (action instanceof ClusterAction.Property p) {
            // pcs splits NAME=VALUE at the first '=' only and checks NAME against Pacemaker's list
            return List.of(pcs(List.of("property", "set", p.name() + "=" + p.value())));
        } else if (action instanceof ClusterAction.Manage m) {
            return List.of(pcs(List.of("resource", m.managed() ? "manage" : "unmanage", m.resource())));
        } else if (action instanceof ClusterAction.CreateResource c && !Secrets.anySecret(c.primitive().params())) {
            List<String> args = new ArrayList<>(List.of(c.primitive().agent().isFencing() ? "stonith" : "resource", "create"));
            args.addAll(c.primitive().pcsWords());
            if (c.group() != null) {
                args.addAll(List.of("--group", c.group()));
                if (c.before() != null) {
                    args.addAll(List.of("--before", c.before()));
                } else if (c.after() != null) {
                    args.addAll(List.of("--after", c.after()));
                }
            }
            return List.of(pcs(args));
        } else if (action instanceof ClusterAction.UpdateResource u && !Secrets.anySecret(u.edit().params())) {
            return List.of(pcs(update(u)));
        } else if (action instanceof ClusterAction.GroupAdd g) {
            List<String> args = new ArrayList<>(List.of("resource", "group", "add", g.group()));
            args.addAll(g.resources());
            if (g.before() != null) {
                args.addAll(List.of("--before", g.before()));
            } else if (g.after() != null) {
                args.addAll(List.of("--after", g.after()));
            }
            return List.of(pcs(args));
        } else if (action instanceof ClusterAction.GroupRemove g) {
            List<String> args = new ArrayList<>(List.of("resource", "group", "remove", g.group()));
            args.addAll(g.resources());
            return List.of(pcs(args));
        } else if (action instanceof ClusterAction.Clone c) {
            List<String> args = new ArrayList<>(List.of("resource", c.promotable() ? "promotable" : "clone", c.resource()));
            if (!c.meta().isEmpty()) {
                args.add("meta");
                c.meta().forEach((name, value) -> args.add(name + "=" + value));
            }
            return List.of(pcs(args));
        } else if (action instanceof ClusterAction.Unclone u) {
            return List.of(pcs(List.of("resource", "unclone", u.resource())));
        } else if (action instanceof ClusterAction.Fence f) {
            List<String> args = new ArrayList<>(List.of("stonith", "fence", f.node()));
            if (f.off()) {
                args.add("--off");
            }
            return List.of(pcs(args).withTimeout(StonithAdmin.fence(f.node(), f.off()).timeout()));
        } else if (action instanceof ClusterAction.DeleteResource d) {
            // pcs stops it and waits, then deletes it with the constraints that name it
            return List.of(pcs(List.of(d.fenceDevice() ? "stonith" : "resource", "delete", d.resource())));
        }
        return plain.commands(action);
    }

    @Override
    public List<Command> staged(ClusterAction action) {
        if (action instanceof ClusterAction.Fence f) {
            return PlainTools.fenceStaged(f);
        }
        // what plain tools cannot stage (a cleanup), pcs, which calls them, cannot either
        return PlainTools.stageable(action) ? commands(action) : List.of();
    }

    @Override
    public Optional<Command> afterLanding(ClusterAction action) {
        return CommandDialect.clearsAfterLanding(action).map(r -> pcs(List.of("resource", "clear", r)));
    }

    /** The same pcs call against the CIB copy in {@code CIB_file}; other tools read that variable themselves. */
    @Override
    public Command onCopy(Command c) {
        if (!c.argv().get(0).equals("pcs")) {
            return c;
        }
        // $0 is pcs, so that the shell's own messages name the tool it stands in for
        return ON_COPY.run("pcs", c.argv().subList(1, c.argv().size())).withTimeout(c.timeout());
    }

    /**
     * {@code pcs resource|stonith update ID NAME=VALUE … op NAME SETTING=… meta NAME=VALUE …}; an
     * empty value removes, as in the edit. pcs replaces the first operation of that name whatever
     * its role, so an edit that means another one is refused.
     */
    private static List<String> update(ClusterAction.UpdateResource u) {
        if (!u.primitive()) {
            // pcs edits a group's or clone's meta attributes with its meta command; update is for primitives
            List<String> args = new ArrayList<>(List.of("resource", "meta", u.resource()));
            u.edit().meta().forEach((name, value) -> args.add(name + "=" + value));
            return args;
        }
        List<String> args = new ArrayList<>(List.of(u.fenceDevice() ? "stonith" : "resource", "update", u.resource()));
        u.edit().params().forEach((name, value) -> args.add(name + "=" + value));
        if (!u.edit().ops().isEmpty()) {
            args.add("op");
            for (NewPrimitive.Op o : u.edit().ops()) {
                int named = u.operationsNamed(o.name());
                if (named > 1) {
                    throw new InvalidInputException("operation", o.name(), u.resource() + " has " + named + " "
                            + o.name() + " operations and pcs replaces the first of them, whatever its role; use the"
                            + " pacemaker or crmsh dialect");
                }
                args.add(o.name());
                o.settings().forEach((name, value) -> args.add(name + "=" + value));
            }
        }
        if (!u.edit().meta().isEmpty()) {
            args.add("meta");
            u.edit().meta().forEach((name, value) -> args.add(name + "=" + value));
        }
        return args;
    }

    private static List<String> placement(String op, String resource, String node, String lifetime, boolean promoted) {
        List<String> args = new ArrayList<>(List.of("resource", op, resource, node));
        if (lifetime != null) {
            args.add("lifetime=" + ActionInput.lifetime(lifetime));
        }
        if (promoted) {
            args.add("--promoted");
        }
        return args;
    }

    // ids, node names and values reach here only through ClusterAction, whose records checked them
    private static Command pcs(List<String> args) {
        return Command.of("pcs", args);
    }
}
