package org.clusterdeck.transport.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to reach nodes: private key files given by the admin (tried before the ssh config's
 * IdentityFiles; none of either: OpenSSH's default key files), the known_hosts file that host keys
 * are checked against (null: the ssh config's UserKnownHostsFile, else {@code ~/.ssh/known_hosts}),
 * whether an unknown host key may be trusted on first use, the ssh-agent socket to ask for keys
 * (null: no agent), jump hosts every node is reached through, first hop first (empty: the ssh
 * config's ProxyJump, else direct), and the ssh config that host names are resolved through.
 * Each jump host's key is checked like a node's.
 */
public record SshOptions(List<Path> identityFiles, Path knownHosts, boolean acceptNewHostKey, Duration connectTimeout,
        Path agentSocket, List<SshAddress> jumps, SshConfig sshConfig) {
    public SshOptions {
        identityFiles = List.copyOf(identityFiles);
        jumps = jumps == null ? List.of() : List.copyOf(jumps);
        if (connectTimeout == null) {
            connectTimeout = Duration.ofSeconds(10);
        }
        if (sshConfig == null) {
            sshConfig = SshConfig.none();
        }
    }

    /** No ssh config: every setting as given, one jump host or none. */
    public SshOptions(List<Path> identityFiles, Path knownHosts, boolean acceptNewHostKey, Duration connectTimeout,
            Path agentSocket, SshTarget jump) {
        this(identityFiles, knownHosts, acceptNewHostKey, connectTimeout, agentSocket,
                jump == null ? List.of() : List.of(SshAddress.of(jump)), SshConfig.none());
    }

    /** Key files only: no agent, no jump host, no ssh config. */
    public SshOptions(List<Path> identityFiles, Path knownHosts, boolean acceptNewHostKey, Duration connectTimeout) {
        this(identityFiles, knownHosts, acceptNewHostKey, connectTimeout, null, (SshTarget) null);
    }
}
