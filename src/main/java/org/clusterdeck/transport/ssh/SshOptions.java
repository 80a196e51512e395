package org.clusterdeck.transport.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to reach nodes: private key files (none: OpenSSH's default key files), the known_hosts file
 * that host keys are checked against, whether an unknown host key may be trusted on first use,
 * the ssh-agent socket to ask for keys (null: no agent) and a jump host every node is reached
 * through (null: direct). The jump host's key is checked against the same known_hosts.
 */
public record SshOptions(List<Path> identityFiles, Path knownHosts, boolean acceptNewHostKey, Duration connectTimeout,
        Path agentSocket, SshTarget jump) {
    public SshOptions {
        identityFiles = List.copyOf(identityFiles);
        if (knownHosts == null) {
            knownHosts = Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
        }
        if (connectTimeout == null) {
            connectTimeout = Duration.ofSeconds(10);
        }
    }

    /** Key files only: no agent, no jump host. */
    public SshOptions(List<Path> identityFiles, Path knownHosts, boolean acceptNewHostKey, Duration connectTimeout) {
        this(identityFiles, knownHosts, acceptNewHostKey, connectTimeout, null, null);
    }
}
