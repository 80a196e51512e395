package org.clusterdeck.cluster.setup.preflight;

import java.util.List;

/**
 * What a bare node offers for the setup's choices, read-only: its kernel name, its network
 * interfaces and its whole disks. A part that could not be read is empty and {@link #problems}
 * says why, naming the command; an unreachable node has only {@link #unreachable}.
 *
 * @param label       how the caller knows the node (its SSH address) before its name is known
 * @param unreachable why it could not be asked at all; null when it answered
 * @param unameNode   {@code uname -n}: the name the cluster will know it by; null when unread
 * @param reachedAt   the node's own address the console's SSH connection arrived at (sshd's
 *                    {@code SSH_CONNECTION}), whatever name or alias the admin gave; null where not
 *                    told (a command run through sudo, which drops it, or not over SSH)
 */
public record NodeInventory(String label, String unreachable, String unameNode, List<NetInterface> interfaces,
        List<DiskChoice> disks, String reachedAt, List<String> problems) {
    public NodeInventory {
        interfaces = interfaces == null ? List.of() : List.copyOf(interfaces);
        disks = disks == null ? List.of() : List.copyOf(disks);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public boolean reachable() {
        return unreachable == null;
    }
}
