package org.clusterdeck.transport.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to reach nodes: private key files (none: OpenSSH's default key files), the known_hosts file
 * that host keys are checked against, and whether an unknown host key may be trusted on first use.
 */
public record SshOptions(List<Path> identityFiles, Path knownHosts, boolean acceptNewHostKey, Duration connectTimeout) {
    public SshOptions {
        identityFiles = List.copyOf(identityFiles);
        if (knownHosts == null) {
            knownHosts = Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
        }
        if (connectTimeout == null) {
            connectTimeout = Duration.ofSeconds(10);
        }
    }
}
