package org.clusterdeck.cluster.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.command.NewConstraint;
import org.clusterdeck.cluster.command.NewPrimitive;
import org.clusterdeck.transport.Command;

/**
 * How the setup spells its CIB changes, in the spec's dialect, as the admin who runs the cluster
 * with that toolset would type them:
 * <ul>
 * <li>Pacemaker's own tools ({@code auto} and {@code pacemaker}: bare nodes have no management shell
 *     to follow): one {@code cibadmin --modify} of {@link CibResources}' XML fragment;</li>
 * <li>crmsh: the stack written as crm configuration text and loaded with {@code crm configure load
 *     update}, one commit;</li>
 * <li>pcs: one {@code pcs} command per object, made on the CIB copy with {@code pcs -f} and pushed as
 *     the difference from the saved live CIB with {@code pcs cluster cib-push … diff-against=}.</li>
 * </ul>
 * All three make the same configuration from the same {@link CibResources} model, ids included, so
 * the plan's checks and undos (by id, with the plain tools) hold in every dialect.
 */
public sealed interface StackDialect permits StackDialect.Plain, StackDialect.Crm, StackDialect.Pcs {
    /** Where crmsh's configuration text is written on the node before it is loaded. */
    String CRM_FENCING = "/var/tmp/clusterdeck-setup-fencing.crm";
    String CRM_STACK = "/var/tmp/clusterdeck-setup-stack.crm";

    /** Commands, and the files they read (written on the node by the first of them). */
    record Spelling(List<PlannedFile> files, List<Command> commands) {
    }

    /** The dialect the spec names; {@code auto} is the plain tools (see the class comment). */
    static StackDialect of(String dialect, CibResources stack) {
        return switch (dialect) {
            case "crmsh" -> new Crm(stack);
            case "pcs" -> new Pcs(stack);
            default -> new Plain(stack);
        };
    }

    String name();

    /** The fence devices, where they may not run, then the fencing property: on the live cluster, on {@code node}. */
    Spelling fencing(String node);

    /**
     * DRBD's promotable clone, the group, their constraints and the resource defaults, made on the
     * CIB copy {@code copy} on {@code node}; the fencing part is there already.
     */
    Spelling staged(String node, String copy);

    /** The copy's changes to the live CIB at once; {@code backup} is the live CIB saved when the copy was. */
    List<Command> push(String copy, String backup);

    /** One cibadmin call with the XML fragment: on the copy through CIB_file, then the same live. */
    record Plain(CibResources stack) implements StackDialect {
        @Override
        public String name() {
            return "pacemaker";
        }

        @Override
        public Spelling fencing(String node) {
            return new Spelling(List.of(), List.of(SetupCommands.modifyConfiguration(stack.xml(true))));
        }

        @Override
        public Spelling staged(String node, String copy) {
            return new Spelling(List.of(),
                    List.of(SetupCommands.modifyConfiguration(stack.xml(false)).withEnv("CIB_file", copy)));
        }

        @Override
        public List<Command> push(String copy, String backup) {
            return List.of(SetupCommands.modifyConfiguration(stack.xml(false)));
        }
    }

    /** crm configuration text; crm's parser splits words as a POSIX shell does, so values are quoted as for one. */
    record Crm(CibResources stack) implements StackDialect {
        @Override
        public String name() {
            return "crmsh";
        }

        @Override
        public Spelling fencing(String node) {
            StringBuilder text = new StringBuilder();
            stack.fencing().forEach(p -> text.append(p.crm()).append('\n'));
            stack.fenceLocations().forEach(c -> text.append(constraint(c)));
            text.append("property ").append(stack.fencingProperty()).append('=').append(stack.fencingEnabled()).append('\n');
            return load(node, CRM_FENCING, text.toString(), null);
        }

        @Override
        public Spelling staged(String node, String copy) {
            return load(node, CRM_STACK, data(), copy);
        }

        @Override
        public List<Command> push(String copy, String backup) {
            return List.of(load(CRM_STACK));
        }

        private String data() {
            StringBuilder text = new StringBuilder(stack.drbd().crm()).append('\n');
            text.append("clone ").append(CibResources.drbdClone(stack.spec())).append(' ').append(stack.drbd().id())
                    .append(" meta promotable=true").append(NewPrimitive.crmPairs(CibResources.drbdCloneMeta())).append('\n');
            List<NewPrimitive> members = stack.group();
            members.forEach(p -> text.append(p.crm()).append('\n'));
            text.append("group ").append(CibResources.GROUP);
            members.forEach(p -> text.append(' ').append(p.id()));
            text.append('\n');
            stack.dataConstraints().forEach(c -> text.append(constraint(c)));
            text.append("rsc_defaults").append(NewPrimitive.crmPairs(CibResources.RESOURCE_DEFAULTS)).append('\n');
            return text.toString();
        }

        private static Spelling load(String node, String path, String text, String copy) {
            PlannedFile file = PlannedFile.written(node, path, "0600", text);
            return new Spelling(List.of(file), List.of(SetupCommands.writeFile(file),
                    copy == null ? load(path) : load(path).withEnv("CIB_file", copy)));
        }

        private static Command load(String path) {
            return Command.of("crm", "configure", "load", "update", path).withTimeout(SetupCommands.SHELL_TIMEOUT);
        }

        private static String constraint(NewConstraint c) {
            if (c instanceof NewConstraint.Location l) {
                return "location " + l.id() + " " + l.resource() + " " + score(l.score()) + ": " + l.node() + "\n";
            }
            if (c instanceof NewConstraint.Colocation co) {
                return "colocation " + co.id() + " " + score(co.score()) + ": " + role(co.resource(), co.role()) + " "
                        + role(co.withResource(), co.withRole()) + "\n";
            }
            NewConstraint.Order o = (NewConstraint.Order) c;
            return "order " + o.id() + " " + o.kind() + ": " + role(o.first(), o.firstAction()) + " "
                    + role(o.then(), o.thenAction()) + "\n";
        }

        private static String score(String score) {
            return switch (score) {
                case "INFINITY", "+INFINITY" -> "inf";
                case "-INFINITY" -> "-inf";
                default -> score;
            };
        }

        private static String role(String resource, String role) {
            return role == null ? resource : resource + ":" + role;
        }
    }

    /** pcs commands, each a word list: no quoting needed. */
    record Pcs(CibResources stack) implements StackDialect {
        @Override
        public String name() {
            return "pcs";
        }

        @Override
        public Spelling fencing(String node) {
            List<Command> out = new ArrayList<>();
            for (NewPrimitive p : stack.fencing()) {
                out.add(pcs(null, create(List.of("stonith", "create"), p)));
            }
            stack.fenceLocations().forEach(c -> out.add(pcs(null, constraint(c))));
            out.add(pcs(null, List.of("property", "set", stack.fencingProperty() + "=" + stack.fencingEnabled())));
            return new Spelling(List.of(), out);
        }

        @Override
        public Spelling staged(String node, String copy) {
            List<Command> out = new ArrayList<>();
            NewPrimitive drbd = stack.drbd();
            out.add(pcs(copy, create(List.of("resource", "create"), drbd)));
            List<String> promotable = new ArrayList<>(List.of("resource", "promotable", drbd.id(),
                    CibResources.drbdClone(stack.spec()), "meta"));
            CibResources.drbdCloneMeta().forEach((name, value) -> promotable.add(name + "=" + value));
            out.add(pcs(copy, promotable));
            List<String> group = new ArrayList<>(List.of("resource", "group", "add", CibResources.GROUP));
            for (NewPrimitive p : stack.group()) {
                out.add(pcs(copy, create(List.of("resource", "create"), p)));
                group.add(p.id());
            }
            out.add(pcs(copy, group));
            stack.dataConstraints().forEach(c -> out.add(pcs(copy, constraint(c))));
            List<String> defaults = new ArrayList<>(List.of("resource", "defaults", "update"));
            CibResources.RESOURCE_DEFAULTS.forEach((name, value) -> defaults.add(name + "=" + value));
            out.add(pcs(copy, defaults));
            return new Spelling(List.of(), out);
        }

        @Override
        public List<Command> push(String copy, String backup) {
            return List.of(pcs(null, List.of("cluster", "cib-push", copy, "diff-against=" + backup)));
        }

        private static Command pcs(String copy, List<String> args) {
            List<String> argv = new ArrayList<>(List.of("pcs"));
            if (copy != null) {
                argv.addAll(List.of("-f", copy));
            }
            argv.addAll(args);
            return new Command(argv, Map.of(), null, SetupCommands.SHELL_TIMEOUT);
        }

        private static List<String> create(List<String> verb, NewPrimitive p) {
            List<String> args = new ArrayList<>(verb);
            args.addAll(p.pcsWords());
            return args;
        }

        private static List<String> constraint(NewConstraint c) {
            if (c instanceof NewConstraint.Location l) {
                // "--": a negative score is not an option
                return List.of("constraint", "location", "add", l.id(), l.resource(), l.node(), "--", l.score());
            }
            if (c instanceof NewConstraint.Colocation co) {
                List<String> args = new ArrayList<>(List.of("constraint", "colocation", "add"));
                if (co.role() != null) {
                    args.add(co.role());
                }
                args.add(co.resource());
                args.add("with");
                if (co.withRole() != null) {
                    args.add(co.withRole());
                }
                args.addAll(List.of(co.withResource(), co.score(), "id=" + co.id()));
                return args;
            }
            NewConstraint.Order o = (NewConstraint.Order) c;
            return List.of("constraint", "order", o.firstAction(), o.first(), "then", o.thenAction(), o.then(),
                    "kind=" + o.kind(), "id=" + o.id());
        }
    }
}
