package org.clusterdeck.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.nodes.NodeGroup;
import org.clusterdeck.cluster.checks.Finding;
import org.clusterdeck.cluster.events.Severity;
import org.clusterdeck.cluster.setup.SetupPlan;
import org.clusterdeck.cluster.setup.SetupSpec;
import org.clusterdeck.cluster.setup.SetupSpecReader;
import org.clusterdeck.cluster.setup.preflight.NodeFacts;
import org.clusterdeck.cluster.setup.preflight.Preflight;
import org.clusterdeck.transport.CommandRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "setup", mixinStandardHelpOptions = true,
        description = {"Build the two-node active/passive DHCP cluster (VIP, DRBD, filesystem, dhcpd) from two bare nodes.",
                "This version previews: --dry-run examines both nodes read-only (every pre-flight finding at once)",
                "and prints every command of the plan per node; nothing on the nodes changes."})
final class SetupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--example", description = "Print a commented example spec and exit.")
    boolean example;

    @Option(names = "--spec", paramLabel = "FILE", description = "The setup spec (YAML; see --example).")
    Path specFile;

    @Option(names = "--host", paramLabel = "[USER@]HOST[:PORT]",
            description = "How to reach each node, in the spec's node order (default: the spec's host of each node).")
    List<String> hosts;

    @Option(names = "--dry-run", description = "Examine the nodes and print the findings and the plan; change nothing.")
    boolean dryRun;

    @Mixin
    SshSource ssh;

    @Mixin
    FormatOption format;

    /** What {@code setup --dry-run --json} prints. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Preview(List<Finding> findings, boolean blocked, PlanJson plan) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (example) {
            Output.text(SetupSpecReader.example(), null, out);
            return Cli.OK;
        }
        if (specFile == null) {
            throw new ParameterException(spec.commandLine(), "--spec FILE is needed (or --example for one to start from)");
        }
        if (!dryRun) {
            throw new ParameterException(spec.commandLine(), "this version only previews a setup: add --dry-run to"
                    + " examine the nodes and print the plan; nothing is applied");
        }
        boolean json = "json".equals(format.resolve(List.of("text", "json")));
        SetupSpec setup = SetupSpecReader.read(specFile);
        List<String> targets = hosts != null ? hosts : setup.nodes().stream().map(SetupSpec.Node::host).toList();
        if (targets.size() != setup.nodes().size() || targets.stream().anyMatch(h -> h == null || h.isBlank())) {
            throw new ParameterException(spec.commandLine(), "one --host per spec node (" + setup.nodes().size()
                    + "), in the spec's order, or a host for each node in the spec");
        }
        Map<String, NodeFacts> facts;
        try (AuditLog audit = ssh.auditLog(); NodeGroup nodes = ssh.connect(targets, audit)) {
            Map<String, CommandRunner> byName = new LinkedHashMap<>();
            for (int i = 0; i < setup.nodes().size(); i++) {
                byName.put(setup.nodes().get(i).name(), nodes.nodes().get(i).runner());
            }
            facts = Preflight.gather(setup, byName);
        }
        List<Finding> findings = Preflight.findings(setup, facts);
        boolean blocked = findings.stream().anyMatch(f -> f.severity() == Severity.CRITICAL);
        SetupPlan plan = blocked ? null : SetupPlan.of(setup, Preflight.generations(facts));
        if (json) {
            Output.text(Json.write(new Preview(findings, blocked, plan == null ? null : PlanJson.of(plan))), null, out);
        } else {
            StringBuilder sb = new StringBuilder("Pre-flight of " + String.join(", ", facts.keySet()) + ":");
            if (findings.isEmpty()) {
                sb.append(" nothing in the way.\n");
            } else {
                sb.append('\n');
                FindingText.append(sb, findings, false);
            }
            sb.append(blocked ? "\nBlocked: the critical findings above must be dealt with first; nothing was changed.\n"
                    : "\nPlan (nothing has run):\n" + PlanText.of(plan));
            Output.text(sb.toString(), null, out);
        }
        return blocked ? Cli.ERROR : Cli.OK;
    }
}
