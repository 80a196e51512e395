package org.clusterdeck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.connect.ClusterConnector;
import org.clusterdeck.app.nodes.NodeGroup;
import org.clusterdeck.transport.ssh.SshAddress;
import org.clusterdeck.transport.ssh.SshConfig;
import org.clusterdeck.transport.ssh.SshOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The SSH options common to every subcommand that reads a live cluster; every command is audited. */
final class SshSource {
    @Option(names = {"-i", "--identity"}, paramLabel = "FILE", description = "Private key file (repeatable; a passphrase is asked on the terminal); default: ~/.ssh/id_ed25519, id_ecdsa, id_rsa. Keys of ssh-agent (SSH_AUTH_SOCK) are tried first; a password is asked last.")
    List<Path> identities = new ArrayList<>();

    @Option(names = "--known-hosts", paramLabel = "FILE", description = "Host keys to verify against (default: the ssh config's UserKnownHostsFile, else ~/.ssh/known_hosts).")
    Path knownHosts;

    @Option(names = "--accept-new-host-key", description = "Trust and remember an unknown host key (never a changed one).")
    boolean acceptNewHostKey;

    @Option(names = "--user", paramLabel = "USER", defaultValue = "root", description = "Login user where neither --host nor the ssh config's User names one (default: ${DEFAULT-VALUE}); non-root users run the tools through sudo -n.")
    String user;

    @Option(names = {"-J", "--jump"}, paramLabel = "[USER@]HOST[:PORT]", description = "Reach every node through this SSH host (like ssh -J; several, comma-separated, first hop first; default: the ssh config's ProxyJump); its host key is checked like the nodes'.")
    String jump;

    @Option(names = {"-F", "--ssh-config"}, paramLabel = "FILE", description = "OpenSSH client config to resolve host names through (like ssh -F; none: no file). Default: ~/.ssh/config, then /etc/ssh/ssh_config: --host may name a Host alias, whose HostName, User, Port, IdentityFile, UserKnownHostsFile and ProxyJump are used.")
    String sshConfig;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long to wait for a node's SSH server when connecting (default: ${DEFAULT-VALUE}); a node that is down costs this long before it is reported unreachable.")
    double connectTimeoutSeconds;

    /** The nodes, each through an audited SSH connection that opens on first use. */
    NodeGroup connect(List<String> hosts, AuditLog audit) {
        return connector(audit).connect(addresses(hosts), user, options());
    }

    /** The audit log of the command line this command runs in. */
    AuditLog auditLog() {
        return new AuditLog(((ClusterDeckCommand) mixee.root().userObject()).auditDirectory);
    }

    /** The same login and host-key prompts on the terminal as every other subcommand. */
    ClusterConnector connector(AuditLog audit) {
        return new ClusterConnector(audit, new ConsolePrompter());
    }

    /** The nodes as given: ssh config aliases too, user and port left for the config where not named. */
    List<SshAddress> addresses(List<String> hosts) {
        List<SshAddress> out = new ArrayList<>();
        for (String h : hosts) {
            try {
                out.add(SshAddress.parse(h));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(mixee.commandLine(), "--host " + h + ": " + e.getMessage());
            }
        }
        return out;
    }

    SshOptions options() {
        if (!(connectTimeoutSeconds >= 0.1 && connectTimeoutSeconds <= 600)) {
            throw new ParameterException(mixee.commandLine(), "--connect-timeout must be between 0.1 and 600 seconds, not "
                    + connectTimeoutSeconds);
        }
        List<SshAddress> jumps;
        try {
            jumps = jump == null ? List.of() : SshConfig.parseJumps(jump.strip(), null);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), "--jump " + jump + ": " + e.getMessage());
        }
        return new SshOptions(identities, knownHosts, acceptNewHostKey,
                Duration.ofMillis(Math.round(connectTimeoutSeconds * 1000)),
                ClusterConnector.agentSocket(), jumps, SshConfig.fromSetting(sshConfig));
    }

    /**
     * Asks every node at once and returns the first node's answer in the order given, so one dead
     * node costs at most its timeout; the other nodes' failures are printed as warnings.
     */
    <T> NodeGroup.Answer<T> firstAnswer(List<String> hosts, NodeGroup.Query<T> query, PrintWriter err)
            throws Exception {
        try (AuditLog audit = auditLog(); NodeGroup nodes = connect(hosts, audit)) {
            NodeGroup.Answer<T> answer = nodes.first(query);
            answer.warnings().forEach(m -> err.println("warning: " + m));
            return answer;
        }
    }
}
