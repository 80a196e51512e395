package org.clusterdeck.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.connect.ClusterConnector;
import org.clusterdeck.app.monitor.ClusterView;
import org.clusterdeck.app.monitor.MonitorListener;
import org.clusterdeck.app.monitor.MonitorSettings;
import org.clusterdeck.cluster.events.ClusterEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Follow a live cluster and print what happens, one event per line, until interrupted:",
                "nodes lost and joined, quorum, DC, fencing, resources started, stopped, moved, promoted,",
                "failed and recovered, DRBD changes and sync progress, and each failover with its duration."})
final class WatchCommand implements Callable<Integer> {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    @Spec
    CommandSpec spec;

    @Option(names = "--host", required = true, paramLabel = "[USER@]HOST[:PORT]",
            description = "A node of the cluster, over SSH (repeatable: give every node).")
    List<String> hosts;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "1",
            description = "Seconds between polls of each node (default: ${DEFAULT-VALUE}; at least 0.1).")
    double intervalSeconds;

    @Option(names = "--for", paramLabel = "SECONDS",
            description = "Stop after this many seconds (default: until interrupted).")
    Double forSeconds;

    @Mixin
    SshSource ssh;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() throws Exception {
        boolean json = "json".equals(format.resolve(List.of("text", "json")));
        MonitorSettings settings;
        try {
            settings = new MonitorSettings(Duration.ofMillis(Math.round(intervalSeconds * 1000)),
                    MonitorSettings.DEFAULT.commandTimeout());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--interval: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch forever = new CountDownLatch(1);
        try (AuditLog audit = ssh.auditLog()) {
            ClusterConnector.Watch watch = ssh.connector(audit).watch(ssh.addresses(hosts), ssh.user, ssh.options(), settings,
                    new Printer(out, json));
            try {
                if (forSeconds == null) {
                    forever.await();
                } else {
                    forever.await(Math.round(forSeconds * 1000), TimeUnit.MILLISECONDS);
                }
            } finally {
                watch.close();
            }
        } catch (InterruptedException e) {
            // asked to stop: an ordinary end of watching
            Thread.currentThread().interrupt();
        }
        return Cli.OK;
    }

    /** Prints events as they come; the first view gets a one-line summary in text mode. */
    private static final class Printer implements MonitorListener {
        private final PrintWriter out;
        private final boolean json;
        private boolean summarized;

        Printer(PrintWriter out, boolean json) {
            this.out = out;
            this.json = json;
        }

        @Override
        public void view(ClusterView view) {
            if (!json && !summarized && view.status() != null) {
                summarized = true;
                out.println(CLOCK.format(view.time()) + "  watching: " + ViewSummary.of(view));
                out.flush();
            }
        }

        @Override
        public void event(ClusterEvent e) {
            out.println(json ? Json.line(e)
                    : CLOCK.format(e.time()) + "  " + String.format("%-8s", e.severity().word()) + " " + e.message());
            out.flush();
        }
    }
}
