package org.clusterdeck.cli;

import java.util.List;
import java.util.concurrent.Callable;
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

    @Override
    public Integer call() throws Exception {
        String fmt = format.resolve(List.of("text", "json"));
        DrbdStatus status = source.hosts != null
                ? ssh.firstAnswer(source.hosts, node -> new DrbdNodeReader(node).read(), spec.commandLine().getErr())
                : DrbdStatusReader.parse(InputText.read(source.statusFile), InputText.sourceName(source.statusFile));
        Output.text("json".equals(fmt) ? Json.write(status) : text(status), null, spec.commandLine().getOut());
        return Cli.OK;
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
