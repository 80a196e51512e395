package org.clusterdeck.transport.ssh;

import java.nio.file.Path;

/**
 * A host key that known_hosts does not have yet, as an admin compares it with the node's own
 * ({@code ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub}).
 *
 * @param host        the host name or address as connected to (with {@code [host]:port} for other ports)
 * @param keyType     the key's SSH type, e.g. {@code ssh-ed25519}
 * @param fingerprint as OpenSSH prints it: {@code SHA256:} and unpadded base64
 * @param knownHosts  the file the key is recorded in when trusted
 */
public record UnknownHostKey(String host, String keyType, String fingerprint, Path knownHosts) {
}
