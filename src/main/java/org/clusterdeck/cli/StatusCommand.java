package org.clusterdeck.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.clusterdeck.cluster.status.ClusterNode;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.cluster.status.CrmMonParser;
import org.clusterdeck.cluster.status.Failure;
import org.clusterdeck.cluster.status.Resource;
import org.clusterdeck.cluster.status.StatusReader;
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

    @Override
    public Integer call() throws Exception {
        String fmt = format.resolve(List.of("text", "json"));
        ClusterStatus status;
        if (source.crmMonXml != null) {
            status = CrmMonParser.parse(InputText.read(source.crmMonXml), InputText.sourceName(source.crmMonXml));
        } else if (source.hosts != null) {
            status = ssh.firstAnswer(source.hosts, node -> new StatusReader(node).read(), spec.commandLine().getErr());
        } else {
            if (!source.cibFile.toFile().isFile()) {
                throw new IllegalArgumentException(source.cibFile + ": no such file");
            }
            status = new StatusReader(new LocalProcessRunner()).readCibFile(source.cibFile.toAbsolutePath());
        }
        Output.text("json".equals(fmt) ? Json.write(status) : text(status), null, spec.commandLine().getOut());
        return Cli.OK;
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
