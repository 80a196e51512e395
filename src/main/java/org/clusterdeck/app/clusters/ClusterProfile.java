package org.clusterdeck.app.clusters;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clusterdeck.transport.ssh.SshAddress;
import org.clusterdeck.transport.ssh.SshTarget;

/**
 * How to reach one cluster: its nodes' SSH addresses and the credentials to use. Holds paths to
 * key files, never a password or key material, because it is saved as plain JSON.
 *
 * @param hosts        one {@code [user@]host[:port]} per node, in the order the admin gave them; host
 *                     may be an alias of the ssh config ({@code Host} block)
 * @param user         the login user where neither a host nor the ssh config names one
 * @param identityFile private key file; null for the SSH defaults
 * @param knownHosts   known_hosts file; null for {@code ~/.ssh/known_hosts}
 * @param jumpHost     {@code [user@]host[:port]} of a bastion to go through (several, comma-separated,
 *                     first hop first); null for the ssh config's ProxyJump, else direct
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"name", "hosts", "user", "identityFile", "knownHosts", "jumpHost"})
public record ClusterProfile(String name, List<String> hosts, String user, String identityFile, String knownHosts,
        String jumpHost) {
    public static final String DEFAULT_USER = "root";

    public ClusterProfile {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
    }

    /** What is wrong with the profile, one sentence per problem; empty when it can be used. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (name == null || name.isBlank()) {
            out.add("The cluster needs a name.");
        }
        if (hosts.isEmpty()) {
            out.add("Give at least one node address.");
        }
        for (String h : hosts) {
            hostProblem("Node address", h).ifPresent(out::add);
        }
        if (user == null || user.isBlank() || user.chars().anyMatch(c -> Character.isWhitespace(c) || c == '@')) {
            out.add("The user must be a login name without spaces or '@'.");
        }
        if (jumpHost != null && !jumpHost.isBlank()) {
            for (String hop : jumpHost.strip().split(",", -1)) {
                hostProblem("Jump host", hop.strip()).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The nodes as the admin named them, for the ssh config to complete; call only on a profile without {@link #problems()}. */
    public List<SshAddress> addresses() {
        return hosts.stream().map(SshAddress::parse).toList();
    }

    /** The nodes as SSH targets, without any ssh config; call only on a profile without {@link #problems()}. */
    public List<SshTarget> targets() {
        return hosts.stream().map(h -> SshTarget.parse(h, user)).toList();
    }

    private Optional<String> hostProblem(String what, String text) {
        try {
            SshTarget.parse(text, user == null || user.isBlank() ? DEFAULT_USER : user);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(what + " \"" + text + "\" is not [user@]host[:port] (" + e.getMessage() + ").");
        }
    }
}
