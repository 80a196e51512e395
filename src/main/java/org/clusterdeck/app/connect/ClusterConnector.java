package org.clusterdeck.app.connect;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.audit.AuditingRunner;
import org.clusterdeck.app.clusters.ClusterProfile;
import org.clusterdeck.app.monitor.ClusterMonitor;
import org.clusterdeck.app.monitor.MonitorListener;
import org.clusterdeck.app.monitor.MonitorSettings;
import org.clusterdeck.app.nodes.NodeConnection;
import org.clusterdeck.app.nodes.NodeGroup;
import org.clusterdeck.transport.ssh.SshAddress;
import org.clusterdeck.transport.ssh.SshAuthenticator;
import org.clusterdeck.transport.ssh.SshConfig;
import org.clusterdeck.transport.ssh.SshOptions;
import org.clusterdeck.transport.ssh.SshPrompter;
import org.clusterdeck.transport.ssh.SshRunner;
import org.clusterdeck.transport.ssh.SshTarget;

/**
 * Turns "these nodes, these credentials" into a {@link NodeGroup} of audited SSH connections, the
 * same way for the command line and the window: ssh-agent from {@code SSH_AUTH_SOCK}, one
 * authenticator per cluster (a key's passphrase is asked once for all its nodes), every command
 * recorded in the audit log.
 */
public final class ClusterConnector {
    private final AuditLog audit;
    private final SshPrompter prompter;

    public ClusterConnector(AuditLog audit, SshPrompter prompter) {
        this.audit = audit;
        this.prompter = prompter;
    }

    /** The agent socket ssh would use; null without one. */
    public static Path agentSocket() {
        String agent = System.getenv("SSH_AUTH_SOCK");
        return agent == null || agent.isEmpty() ? null : Path.of(agent);
    }

    /**
     * How to reach a saved cluster. Node names are resolved through the user's ssh config
     * ({@code ~/.ssh/config}, then {@code /etc/ssh/ssh_config}; the system property
     * {@value SshConfig#PROPERTY} names another file, or {@code none}); what the profile gives
     * (key file, known_hosts, jump hosts) comes first. An unknown host key is never trusted
     * without asking: the prompter is asked with its fingerprint.
     */
    public static SshOptions options(ClusterProfile profile) {
        return options(profile, SshConfig.fromSetting(null));
    }

    /** The same, with node names resolved through {@code sshConfig}. */
    public static SshOptions options(ClusterProfile profile, SshConfig sshConfig) {
        List<Path> keys = blank(profile.identityFile()) ? List.of() : List.of(Path.of(profile.identityFile()));
        Path knownHosts = blank(profile.knownHosts()) ? null : Path.of(profile.knownHosts());
        List<SshAddress> jumps = blank(profile.jumpHost()) ? List.of() : SshConfig.parseJumps(profile.jumpHost().strip(), null);
        return new SshOptions(keys, knownHosts, false, null, agentSocket(), jumps, sshConfig);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The nodes, in the order given, each through an audited SSH runner; connections open on first use. */
    public NodeGroup connect(List<SshTarget> nodes, SshOptions options) {
        return connect(nodes.stream().map(SshAddress::of).toList(), null, options);
    }

    /**
     * The nodes as the admin named them (ssh config aliases too), in the order given; what an
     * address and the ssh config leave out: {@code defaultUser}, port 22.
     */
    public NodeGroup connect(List<SshAddress> nodes, String defaultUser, SshOptions options) {
        SshAuthenticator authenticator = new SshAuthenticator(prompter);
        List<NodeConnection> out = new ArrayList<>();
        for (SshAddress node : nodes) {
            out.add(new NodeConnection(new AuditingRunner(new SshRunner(node, defaultUser, options, authenticator),
                    audit)));
        }
        return new NodeGroup(out);
    }

    /** Starts watching a saved cluster, as {@link #watch(List, SshOptions, MonitorSettings, MonitorListener)}. */
    public Watch watch(ClusterProfile profile, MonitorSettings settings, MonitorListener listener) {
        return watch(profile.addresses(), profile.user(), options(profile), settings, listener);
    }

    /**
     * Starts watching a cluster, the same for the window and {@code watch}. Returns at once: the
     * first connections are made on the monitor's threads, and {@code listener} hears how they went.
     */
    public Watch watch(List<SshTarget> nodes, SshOptions options, MonitorSettings settings, MonitorListener listener) {
        return watch(nodes.stream().map(SshAddress::of).toList(), null, options, settings, listener);
    }

    /** As {@link #watch(List, SshOptions, MonitorSettings, MonitorListener)}, for nodes as the admin named them. */
    public Watch watch(List<SshAddress> nodes, String defaultUser, SshOptions options, MonitorSettings settings,
            MonitorListener listener) {
        NodeGroup group = connect(nodes, defaultUser, options);
        ClusterMonitor monitor = new ClusterMonitor(group.nodes(), settings, Clock.systemUTC(), listener);
        monitor.start();
        return new Watch(monitor, group);
    }

    /**
     * A running monitor and its nodes, whose connections (and what they run) actions share;
     * closing stops polling, then closes the connections.
     */
    public record Watch(ClusterMonitor monitor, NodeGroup nodes) implements AutoCloseable {
        @Override
        public void close() {
            monitor.close();
            nodes.close();
        }
    }
}
