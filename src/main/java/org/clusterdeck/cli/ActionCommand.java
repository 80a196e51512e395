package org.clusterdeck.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.clusterdeck.app.action.ActionOutcome;
import org.clusterdeck.app.action.ActionPlan;
import org.clusterdeck.app.action.ActionService;
import org.clusterdeck.app.action.ClusterActions;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.nodes.NodeGroup;
import org.clusterdeck.cluster.command.ClusterAction;
import org.clusterdeck.cluster.command.InvalidInputException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What every action subcommand shares: preview on the first node that answers, refuse or ask,
 * apply, and report whether the cluster ended where the prediction said. Nothing is applied
 * without --yes or an answer on the terminal.
 */
abstract class ActionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--host", required = true, paramLabel = "[USER@]HOST[:PORT]",
            description = "A node of the cluster, over SSH (repeatable; the first that answers plans and applies).")
    List<String> hosts;

    @Option(names = "--dry-run", description = "Print the plan and the predicted transition; change nothing.")
    boolean dryRun;

    @Option(names = "--yes", description = "Apply without asking (required when there is no terminal).")
    boolean yes;

    @Option(names = "--settle-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long the cluster may take to carry out the change (default: ${DEFAULT-VALUE}).")
    long settleSeconds;

    @Option(names = "--dialect", paramLabel = "TOOLS", defaultValue = "auto",
            description = "Spell the commands for: auto (default: the node's crmsh or pcs if it has just one of them,"
                    + " else plain tools), pacemaker (crm_resource, crm_attribute, cibadmin), crmsh (crm) or pcs.")
    String dialect;

    @Option(names = "--i-understand",
            description = "Accept the plan's risk warnings (fencing off, quorum ignored); needed besides --yes or"
                    + " the terminal's confirmation for such plans.")
    boolean iUnderstand;

    @Mixin
    SshSource ssh;

    @Mixin
    FormatOption format;

    /** The action the arguments describe; names are checked here, before anything connects. */
    abstract ClusterAction action();

    @Override
    public Integer call() throws Exception {
        boolean json = "json".equals(format.resolve(List.of("text", "json")));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ClusterAction action;
        try {
            action = action();
        } catch (InvalidInputException e) {
            err.println("clusterdeck: " + e.getMessage());
            return Cli.USAGE;
        }
        try (AuditLog audit = ssh.auditLog(); NodeGroup nodes = ssh.connect(hosts, audit)) {
            ClusterActions.Planned planned = new ClusterActions(nodes, audit, Duration.ofSeconds(settleSeconds), dialect)
                    .plan(action);
            planned.warnings().forEach(m -> err.println("warning: " + m));
            return decide(planned.service(), planned.plan(), json, out, err);
        } catch (InvalidInputException e) {
            err.println("clusterdeck: " + e.getMessage());
            return Cli.USAGE;
        }
    }

    private int decide(ActionService service, ActionPlan plan, boolean json, PrintWriter out, PrintWriter err)
            throws Exception {
        if (dryRun || plan.refused()) {
            out.print(json ? Json.write(plan) + "\n" : ActionText.plan(plan));
            out.flush();
            if (plan.refused()) {
                err.println("clusterdeck: refused: " + String.join("; ", plan.refusals()));
                return Cli.ERROR;
            }
            return Cli.OK;
        }
        if (plan.acknowledgementNeeded() && !iUnderstand) {
            out.print(json ? Json.write(plan) + "\n" : ActionText.plan(plan));
            out.flush();
            service.decline(plan, "risk warnings not acknowledged (no --i-understand)");
            err.println("clusterdeck: not applied: " + plan.warnings().stream().filter(w -> w.acknowledge())
                    .map(w -> w.text()).findFirst().orElse("") + " Pass --i-understand to accept this risk.");
            return Cli.ERROR;
        }
        String confirmation;
        if (yes) {
            confirmation = "--yes";
        } else {
            Console console = System.console();
            if (console == null) {
                service.decline(plan, "no terminal to ask on and no --yes");
                err.println("clusterdeck: not applied: no terminal to confirm on; pass --yes to apply without asking"
                        + " (or --dry-run to preview)");
                return Cli.ERROR;
            }
            out.print(ActionText.plan(plan));
            out.flush();
            String answer = console.readLine("Apply? [y/N] ");
            if (answer == null || !answer.strip().equalsIgnoreCase("y")) {
                service.decline(plan, answer == null ? "terminal closed" : "answered '" + answer.strip() + "' on the terminal");
                err.println("clusterdeck: not applied");
                return Cli.ERROR;
            }
            confirmation = "terminal";
        }
        ActionOutcome outcome = service.apply(plan, confirmation, iUnderstand);
        out.print(json ? Json.write(outcome) + "\n" : ActionText.outcome(outcome, !yes));
        out.flush();
        if (!outcome.asPredicted()) {
            err.println("clusterdeck: " + outcome.message());
            return Cli.ERROR;
        }
        return Cli.OK;
    }
}
