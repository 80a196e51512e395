package org.clusterdeck.cli;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.clusterdeck.app.nodes.NodeConnection;
import org.clusterdeck.app.nodes.NodeGroup;
import org.clusterdeck.cluster.checks.DrbdAlarms;
import org.clusterdeck.cluster.checks.Finding;
import org.clusterdeck.cluster.command.ClusterCommandException;
import org.clusterdeck.cluster.drbd.DrbdConnection;
import org.clusterdeck.cluster.drbd.DrbdDevice;
import org.clusterdeck.cluster.drbd.DrbdNodeReader;
import org.clusterdeck.cluster.drbd.DrbdPeerDevice;
import org.clusterdeck.cluster.drbd.DrbdResource;
import org.clusterdeck.cluster.drbd.DrbdStatus;
import org.clusterdeck.cluster.drbd.DrbdStatusReader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "drbd", mixinStandardHelpOptions = true,
        description = "DRBD replication state from drbdsetup status --json, drbdsetup events2, drbdadm status or /proc/drbd.")
final class DrbdCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--status-file", paramLabel = "FILE",
                description = "Saved output of one of the four DRBD status commands (detected); - for standard input.")
        String statusFile;

        @Option(names = "--host", paramLabel = "[USER@]HOST[:PORT]",
                description = "A node over SSH (repeatable; the first that answers is shown, from its richest DRBD source).")
        List<String> hosts;
    }

    @Mixin
    SshSource ssh;

    @Mixin
    FormatOption format;

    /** What {@code drbd --json} prints: the node's DRBD state, and the alarms the window's DRBD view shows. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Report(List<DrbdResource> resources, List<Finding> findings, @JsonIgnore DrbdStatus status) {
        Report(DrbdStatus status, List<Finding> findings) {
            this(status.resources(), findings, status);
        }
    }

    /** A status file does not say which node printed it: the recovery steps call it this. */
    static final String FILE_NODE = "this node";

    @Override
    public Integer call() throws Exception {
        String fmt = format.resolve(List.of("text", "json"));
        String node;
        DrbdStatus status;
        if (source.hosts != null) {
            NodeGroup.Answer<DrbdStatus> a = ssh.firstAnswer(source.hosts, DrbdCommand::read, spec.commandLine().getErr());
            node = a.node().name();
            status = a.value();
        } else {
            node = FILE_NODE;
            status = DrbdStatusReader.parse(InputText.read(source.statusFile), InputText.sourceName(source.statusFile));
        }
        Report report = new Report(status, DrbdAlarms.findings(Map.of(node, status)));
        Output.text("json".equals(fmt) ? Json.write(report) : text(report), null, spec.commandLine().getOut());
        return Cli.OK;
    }

    /**
     * The node's DRBD state; the recovery steps name the node as the cluster does when it runs
     * Pacemaker (DRBD peers are named so), else by its address.
     */
    private static DrbdStatus read(NodeConnection node) throws Exception {
        try {
            node.software();
        } catch (ClusterCommandException e) {
            // DRBD without Pacemaker: nothing names the node but its address
        }
        return new DrbdNodeReader(node.runner()).read();
    }

    static String text(Report r) {
        StringBuilder sb = new StringBuilder(text(r.status()));
        FindingText.append(sb, r.findings(), true);
        return sb.toString();
    }

    /** Fields a source does not give (e.g. /proc/drbd has no volume numbers) are left out. */
    private static void field(StringBuilder sb, String name, Object value) {
        if (value != null) {
            sb.append(' ').append(name).append(':').append(value);
        }
    }

    /** Close to drbdadm status, which admins read every day. */
    static String text(DrbdStatus s) {
        if (s.resources().isEmpty()) {
            return "No DRBD resource is configured.\n";
        }
        StringBuilder sb = new StringBuilder();
        for (DrbdResource r : s.resources()) {
            sb.append(r.name() == null ? "(unnamed)" : r.name()).append(" role:").append(r.role()).append('\n');
            for (DrbdDevice d : r.devices()) {
                sb.append(" ");
                field(sb, "volume", d.volume());
                field(sb, "minor", d.minor());
                field(sb, "disk", d.diskState());
                sb.append('\n');
            }
            for (DrbdConnection c : r.connections()) {
                sb.append("  ").append(c.peer() == null ? "peer" : c.peer()).append(" connection:")
                        .append(c.connectionState()).append(" role:").append(c.peerRole()).append('\n');
                for (DrbdPeerDevice p : c.peerDevices()) {
                    sb.append("   ");
                    field(sb, "volume", p.volume());
                    field(sb, "replication", p.replicationState());
                    field(sb, "peer-disk", p.peerDiskState());
                    if (p.outOfSyncKiB() != null && p.outOfSyncKiB() > 0) {
                        sb.append(" out-of-sync:").append(p.outOfSyncKiB()).append("KiB");
                    }
                    if (p.syncDonePercent() != null) {
                        sb.append(String.format(java.util.Locale.ROOT, " done:%.2f%%", p.syncDonePercent()));
                    }
                    if (p.speedKiBps() != null) {
                        sb.append(" speed:").append(p.speedKiBps()).append("KiB/s");
                    }
                    if (p.etaSeconds() != null) {
                        sb.append(" eta:").append(p.etaSeconds()).append('s');
                    }
                    sb.append('\n');
                }
            }
        }
        return sb.toString();
    }
}
