package org.clusterdeck.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.clusterdeck.app.agents.AgentCatalog;
import org.clusterdeck.app.nodes.NodeConnection;
import org.clusterdeck.app.nodes.NodeGroup;
import org.clusterdeck.cluster.agents.AgentAction;
import org.clusterdeck.cluster.agents.AgentMetadata;
import org.clusterdeck.cluster.agents.AgentName;
import org.clusterdeck.cluster.agents.AgentParameter;
import org.clusterdeck.transport.LocalProcessRunner;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code agents list} and {@code agents show}: the resource and fence agents a node has, from its own tools. */
@Command(name = "agents", mixinStandardHelpOptions = true,
        description = "The resource and fence agents a node has, and what each takes (crm_resource, stonith_admin).",
        subcommands = {AgentsCommand.ListAgents.class, AgentsCommand.Show.class})
final class AgentsCommand extends ActionCommands.Group {

    /** The node asked: over SSH, or this machine (ClusterDeck run on a node). */
    static final class Source {
        @Option(names = "--host", paramLabel = "[USER@]HOST[:PORT]",
                description = "A node over SSH (repeatable; the first that answers is asked).")
        List<String> hosts;

        @Option(names = "--local", description = "This machine, as when ClusterDeck runs on a cluster node.")
        boolean local;
    }

    abstract static class OnNode {
        @Spec
        CommandSpec spec;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        @Mixin
        SshSource ssh;

        @Mixin
        FormatOption format;

        <T> T ask(NodeGroup.Query<T> query) throws Exception {
            if (source.local) {
                try (NodeConnection here = new NodeConnection(new LocalProcessRunner())) {
                    return query.ask(here);
                }
            }
            return ssh.firstAnswer(source.hosts, query, spec.commandLine().getErr()).value();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The agents of every standard, or of one (and one OCF provider).")
    static final class ListAgents extends OnNode implements Callable<Integer> {
        @Option(names = "--standard", paramLabel = "STANDARD", description = "ocf, lsb, service, systemd, stonith ...")
        String standard;

        @Option(names = "--provider", paramLabel = "PROVIDER", description = "An OCF provider: heartbeat, pacemaker, linbit ...")
        String provider;

        @Override
        public Integer call() throws Exception {
            String fmt = format.resolve(List.of("text", "json"));
            if (provider != null && standard == null) {
                standard = "ocf";
            }
            // checked here, before any node is asked
            if (standard != null) {
                AgentName.listing(standard, provider);
            }
            List<AgentName> agents = ask(node -> new AgentCatalog().agents(node, standard, provider));
            StringBuilder sb = new StringBuilder();
            if ("json".equals(fmt)) {
                sb.append(Json.write(java.util.Map.of("agents", agents)));
            } else {
                agents.forEach(a -> sb.append(a).append('\n'));
            }
            Output.text(sb.toString(), null, spec.commandLine().getOut());
            return Cli.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "An agent's parameters (required first, defaults, types) and advised operations.")
    static final class Show extends OnNode implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "AGENT", description = "e.g. ocf:heartbeat:IPaddr2 or stonith:fence_ipmilan")
        String agent;

        @Override
        public Integer call() throws Exception {
            String fmt = format.resolve(List.of("text", "json"));
            AgentName name = AgentName.parse(agent);
            AgentMetadata m = ask(node -> new AgentCatalog().metadata(node, name));
            Output.text("json".equals(fmt) ? Json.write(m) : text(m), null, spec.commandLine().getOut());
            return Cli.OK;
        }
    }

    /** Like crm's {@code ra info}: required parameters first, each with its type and default. */
    static String text(AgentMetadata m) {
        StringBuilder sb = new StringBuilder(m.agent().toString());
        if (m.version() != null) {
            sb.append(" (").append(m.version()).append(')');
        }
        if (m.shortDescription() != null) {
            sb.append(": ").append(oneLine(m.shortDescription()));
        }
        sb.append("\n\nParameters (* required):\n");
        List<AgentParameter> ordered = new ArrayList<>(m.parameters().stream().filter(AgentParameter::required).toList());
        m.parameters().stream().filter(p -> !p.required()).forEach(ordered::add);
        if (ordered.isEmpty()) {
            sb.append("  (none)\n");
        }
        for (AgentParameter p : ordered) {
            sb.append("  ").append(p.name()).append(p.required() ? "*" : "").append(" (")
                    .append(p.type() == null ? "string" : p.type());
            if (!p.options().isEmpty()) {
                sb.append(": ").append(String.join("|", p.options()));
            }
            sb.append(')');
            if (p.defaultValue() != null && !p.defaultValue().isEmpty()) {
                sb.append(" [").append(p.defaultValue()).append(']');
            }
            if (p.shortDescription() != null) {
                sb.append(": ").append(oneLine(p.shortDescription()));
            }
            if (p.deprecated()) {
                sb.append(p.replacedBy() != null ? " (deprecated: use " + p.replacedBy() + ")" : " (deprecated)");
            }
            if (p.unique()) {
                sb.append(" (unique)");
            }
            sb.append('\n');
        }
        sb.append("\nOperations:\n");
        for (AgentAction a : m.actions()) {
            sb.append("  ").append(a.name());
            if (a.role() != null) {
                sb.append(" role=").append(a.role());
            }
            if (a.interval() != null) {
                sb.append(" interval=").append(a.interval());
            }
            if (a.timeout() != null) {
                sb.append(" timeout=").append(a.timeout());
            }
            if (a.depth() != null) {
                sb.append(" depth=").append(a.depth());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
