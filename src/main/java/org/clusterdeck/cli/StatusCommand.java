package org.clusterdeck.cli;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.clusterdeck.app.ErrorLine;
import org.clusterdeck.app.nodes.NodeConnection;
import org.clusterdeck.app.nodes.NodeGroup;
import org.clusterdeck.cluster.FormatException;
import org.clusterdeck.cluster.checks.ClockOffset;
import org.clusterdeck.cluster.checks.ClusterChecks;
import org.clusterdeck.cluster.checks.Finding;
import org.clusterdeck.cluster.cib.Cib;
import org.clusterdeck.cluster.cib.CibParser;
import org.clusterdeck.cluster.cib.CibReader;
import org.clusterdeck.cluster.command.CibAdmin;
import org.clusterdeck.cluster.command.ClusterCommandException;
import org.clusterdeck.cluster.command.CrmMon;
import org.clusterdeck.cluster.command.Probe;
import org.clusterdeck.cluster.status.ClusterNode;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.cluster.status.CrmMonParser;
import org.clusterdeck.cluster.status.Failure;
import org.clusterdeck.cluster.status.Resource;
import org.clusterdeck.cluster.status.StatusReader;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.LocalProcessRunner;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Nodes, resources and failed actions of a cluster.")
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--crm-mon-xml", paramLabel = "FILE",
                description = "A saved crm_mon XML output (either flavour); - for standard input.")
        String crmMonXml;

        @Option(names = "--cib-file", paramLabel = "FILE",
                description = "A CIB file; status comes from the local crm_mon run with CIB_file.")
        Path cibFile;

        @Option(names = "--host", paramLabel = "[USER@]HOST[:PORT]",
                description = "A node of a live cluster, over SSH (repeatable; the first node that answers is used).")
        List<String> hosts;
    }

    @Mixin
    SshSource ssh;

    @Mixin
    FormatOption format;

    /**
     * What {@code status --json} prints: crm_mon's view as the contract shapes it, and the findings
     * the window's overview shows.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Report(List<ClusterNode> nodes, List<Resource> resources, List<Failure> failures, List<Finding> findings,
            @JsonIgnore ClusterStatus status) {
        Report(ClusterStatus status, List<Finding> findings) {
            this(status.nodes(), status.resources(), status.failures(), findings, status);
        }
    }

    @Override
    public Integer call() throws Exception {
        String fmt = format.resolve(List.of("text", "json"));
        ClusterStatus status;
        Cib cib = null;
        List<ClockOffset> clocks = List.of();
        if (source.crmMonXml != null) {
            status = CrmMonParser.parse(InputText.read(source.crmMonXml), InputText.sourceName(source.crmMonXml));
        } else if (source.hosts != null) {
            PrintWriter err = spec.commandLine().getErr();
            NodeGroup.Answer<LiveCluster> live = ssh.firstAnswer(source.hosts, node -> LiveCluster.read(node, err), err);
            status = live.value().status();
            cib = live.value().cib();
            clocks = live.value().clocks();
        } else {
            if (!source.cibFile.toFile().isFile()) {
                throw new IllegalArgumentException(source.cibFile + ": no such file");
            }
            status = new StatusReader(new LocalProcessRunner()).readCibFile(source.cibFile.toAbsolutePath());
            cib = CibParser.parse(Files.readString(source.cibFile), source.cibFile.toString());
        }
        Report report = new Report(status, ClusterChecks.findings(status, cib, Set.of(), clocks));
        Output.text("json".equals(fmt) ? Json.write(report) : text(report), null, spec.commandLine().getOut());
        return Cli.OK;
    }

    /**
     * A node's view: crm_mon's status and, for the findings, the configuration (null when it could not be
     * read) and the node's clock (empty when it could not be read).
     */
    record LiveCluster(ClusterStatus status, Cib cib, List<ClockOffset> clocks) {
        static LiveCluster read(NodeConnection node, PrintWriter err) throws Exception {
            // crm_mon, the configuration and the clock are asked with the probe's questions, in one round trip; a
            // Pacemaker older than 2.0.3 only tells crm_mon's newer flavour apart afterwards, and is asked again
            org.clusterdeck.transport.Command crmMon = CrmMon.status();
            org.clusterdeck.transport.Command date = Probe.clock();
            Instant asked = Instant.now();
            List<CommandResult> answers = node.runWithProbe(List.of(crmMon, CibAdmin.query(), date));
            Instant answered = Instant.now();
            List<ClockOffset> clocks = List.of();
            try {
                clocks = List.of(ClockOffset.of(node.name(), asked, answered, answers.get(2),
                        node.host() + ": " + date.display()));
            } catch (FormatException e) {
                err.println("warning: the node's clock not read: " + ErrorLine.of(e));
            }
            // the two documents are parsed at the same time
            CompletableFuture<Cib> cib = CompletableFuture.supplyAsync(() -> {
                try {
                    return CibReader.cib(answers.get(1));
                } catch (ClusterCommandException | FormatException e) {
                    // the status stands on its own; only the findings that need the configuration are missing
                    err.println("warning: configuration not read, findings from crm_mon only: " + ErrorLine.of(e));
                    return null;
                }
            });
            ClusterStatus status = node.software().needsLegacyCrmMon() ? node.status()
                    : StatusReader.status(crmMon, answers.get(0));
            return new LiveCluster(status, cib.join(), clocks);
        }
    }

    static String text(Report r) {
        StringBuilder sb = new StringBuilder(text(r.status()));
        FindingText.append(sb, r.findings(), false);
        return sb.toString();
    }

    static String text(ClusterStatus s) {
        StringBuilder sb = new StringBuilder("Nodes:\n");
        for (ClusterNode n : s.nodes()) {
            sb.append("  ").append(n.name()).append(": ").append(n.online() ? "online" : "OFFLINE");
            if (n.standby()) {
                sb.append(", standby");
            }
            if (n.maintenance()) {
                sb.append(", maintenance");
            }
            if (n.dc()) {
                sb.append(" (DC)");
            }
            sb.append('\n');
        }
        sb.append("\nResources:\n");
        for (Resource r : s.resources()) {
            sb.append("  ").append(r.id());
            if (r.parent() != null) {
                sb.append(" (in ").append(r.parent()).append(')');
            }
            sb.append(" [").append(r.agent() == null ? "?" : r.agent()).append("]: ").append(r.role());
            if (!r.nodes().isEmpty()) {
                sb.append(" on ").append(String.join(", ", r.nodes()));
            }
            if (r.failed()) {
                sb.append(" FAILED");
            }
            if (!r.managed()) {
                sb.append(" (unmanaged)");
            }
            sb.append('\n');
        }
        if (!s.failures().isEmpty()) {
            sb.append("\nFailed actions:\n");
            for (Failure f : s.failures()) {
                sb.append("  ").append(f.resource()).append(' ').append(f.operation()).append(" on ")
                        .append(f.node());
                if (f.exitReason() != null) {
                    sb.append(": ").append(f.exitReason());
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
