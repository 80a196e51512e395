package org.clusterdeck.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.nodes.NodeGroup;
import org.clusterdeck.app.setup.AuditedConfirmation;
import org.clusterdeck.app.setup.Confirmation;
import org.clusterdeck.app.setup.SetupExamination;
import org.clusterdeck.app.setup.SetupOutcome;
import org.clusterdeck.app.setup.SetupRunner;
import org.clusterdeck.cluster.checks.Finding;
import org.clusterdeck.cluster.setup.Destruction;
import org.clusterdeck.cluster.setup.SetupPlan;
import org.clusterdeck.cluster.setup.SetupSpec;
import org.clusterdeck.cluster.setup.SetupSpecReader;
import org.clusterdeck.transport.CommandRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "setup", mixinStandardHelpOptions = true,
        description = {"Build the two-node active/passive DHCP cluster (VIP, DRBD, filesystem, dhcpd) from two bare nodes.",
                "The pre-flight examines both nodes read-only first; a critical finding stops it before anything changes.",
                "Then the plan runs step by step. A step already done (its check passes on every node) is skipped,",
                "so running the same command again after a failure or an interruption resumes where it stopped.",
                "Each command that overwrites a disk is confirmed on the terminal first, or accepted by --yes.",
                "--dry-run only previews: the findings and every command of the plan per node."})
final class SetupCommand implements Callable<Integer> {
    private static final String BLOCKED =
            "\nBlocked: the critical findings above must be dealt with first; nothing was changed.\n";

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

    @Option(names = "--yes", description = "Accept in advance each overwriting of a disk (recorded in the audit log"
            + " as accepted by --yes); without it, and without a terminal to ask on, nothing runs.")
    boolean yes;

    @Option(names = "--resume", description = "Changes nothing: every run resumes, since a step whose check passes on"
            + " every node is skipped as already done. Accepted so the command an admin retries can say so.")
    boolean resume;

    @Option(names = "--settle-timeout", paramLabel = "SECONDS", defaultValue = "1800",
            description = "How long a step's verification is tried again, every 5 s, after its commands ran: corosync's"
                    + " membership, DRBD's connection and initial sync take a while (default: ${DEFAULT-VALUE}; give a large"
                    + " disk's initial sync the time it needs: a run that gave up would find the drbd step not done).")
    long settleSeconds;

    @Mixin
    SshSource ssh;

    @Mixin
    FormatOption format;

    /** What {@code setup --dry-run --json} prints. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Preview(List<Finding> findings, boolean blocked, PlanJson plan) {
    }

    /** The first line of {@code setup --json}: what the pre-flight found, before the steps' lines. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PreflightLine(String event, List<Finding> findings, boolean blocked) {
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
        if (!dryRun && !yes && System.console() == null) {
            throw new ParameterException(spec.commandLine(), "no terminal to confirm the overwriting of disks on:"
                    + " add --yes to accept it in advance, or --dry-run to preview; nothing has run");
        }
        boolean json = "json".equals(format.resolve(List.of("text", "json")));
        SetupSpec setup = SetupSpecReader.read(specFile);
        List<String> targets = hosts != null ? hosts : setup.nodes().stream().map(SetupSpec.Node::host).toList();
        if (targets.size() != setup.nodes().size() || targets.stream().anyMatch(h -> h == null || h.isBlank())) {
            throw new ParameterException(spec.commandLine(), "one --host per spec node (" + setup.nodes().size()
                    + "), in the spec's order, or a host for each node in the spec");
        }
        try (AuditLog audit = ssh.auditLog(); NodeGroup nodes = ssh.connect(targets, audit)) {
            Map<String, CommandRunner> byName = new LinkedHashMap<>();
            for (int i = 0; i < setup.nodes().size(); i++) {
                byName.put(setup.nodes().get(i).name(), nodes.nodes().get(i).runner());
            }
            SetupExamination examination = SetupExamination.of(setup, byName);
            if (dryRun) {
                preview(out, json, examination.facts().keySet(), examination.findings(), examination.plan());
                return examination.blocked() ? Cli.ERROR : Cli.OK;
            }
            return apply(out, json, audit, byName, examination);
        }
    }

    /** Runs the plan after printing the findings; a blocked pre-flight (no plan) runs nothing. */
    private int apply(PrintWriter out, boolean json, AuditLog audit, Map<String, CommandRunner> nodes,
            SetupExamination examination) {
        List<Finding> findings = examination.findings();
        SetupPlan plan = examination.plan();
        if (json) {
            Output.text(Json.line(new PreflightLine("preflight", findings, plan == null)) + "\n", null, out);
        } else {
            Output.text(findingsText(nodes.keySet(), findings) + (plan == null ? BLOCKED : ""), null, out);
        }
        if (plan == null) {
            return Cli.ERROR;
        }
        Confirmation confirmation = new AuditedConfirmation(yes ? (step, d) -> true : SetupCommand::askOnTerminal,
                yes ? "--yes" : "terminal", audit);
        SetupOutcome outcome = new SetupRunner(examination.runners(nodes), confirmation, e -> {
            out.print(json ? SetupProgressText.json(e) : SetupProgressText.text(e));
            out.flush();
        }, Duration.ofSeconds(settleSeconds), SetupRunner.DEFAULT_INTERVAL).run(plan);
        return outcome instanceof SetupOutcome.Finished ? Cli.OK : Cli.ERROR;
    }

    /** The admin types yes, in full, to let a disk be overwritten; anything else stops the setup. */
    private static boolean askOnTerminal(String step, Destruction d) {
        String answer = System.console().readLine("%nStep %s: %s.%nType yes to go on: ", step, d.confirmation());
        return answer != null && answer.trim().equalsIgnoreCase("yes");
    }

    private static void preview(PrintWriter out, boolean json, Collection<String> nodes, List<Finding> findings,
            SetupPlan plan) {
        boolean blocked = plan == null;
        if (json) {
            Output.text(Json.write(new Preview(findings, blocked, blocked ? null : PlanJson.of(plan))), null, out);
        } else {
            Output.text(findingsText(nodes, findings)
                    + (blocked ? BLOCKED : "\nPlan (nothing has run):\n" + PlanText.of(plan)), null, out);
        }
    }

    private static String findingsText(Collection<String> nodes, List<Finding> findings) {
        StringBuilder sb = new StringBuilder("Pre-flight of " + String.join(", ", nodes) + ":");
        if (findings.isEmpty()) {
            sb.append(" nothing in the way.\n");
        } else {
            sb.append('\n');
            FindingText.append(sb, findings, false);
        }
        return sb.toString();
    }
}
