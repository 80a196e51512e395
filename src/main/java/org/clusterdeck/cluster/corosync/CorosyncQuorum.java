package org.clusterdeck.cluster.corosync;

import java.util.List;
import java.util.Set;

/**
 * Corosync's view of quorum and membership on one node ({@code corosync-quorumtool -s}). Pacemaker
 * learns membership from here, so this shows a lost node as early as anything can.
 *
 * @param expectedVotes null when the quorum provider is not votequorum (it prints no votes then)
 * @param flags         votequorum's flags, e.g. {@code 2Node}, {@code Quorate}, {@code WaitForAll}
 */
public record CorosyncQuorum(
        boolean quorate,
        String provider,
        Long localNodeId,
        String ringId,
        Integer expectedVotes,
        Integer totalVotes,
        Integer quorum,
        Set<String> flags,
        List<CorosyncMember> members) {

    public CorosyncQuorum {
        flags = Set.copyOf(flags);
        members = List.copyOf(members);
    }

    /** {@code two_node: 1}: quorum with one of two nodes, which makes fencing indispensable. */
    public boolean twoNode() {
        return flags.contains("2Node");
    }
}
