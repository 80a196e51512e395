package org.clusterdeck.cluster.corosync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * corosync-quorumtool -s as the lab's nodes printed it (corosync 3.1.7, two_node) after a partition of
 * their heartbeat (lab/fault partition): the survivor, quorate, and the fenced node rebooted into the
 * partition, waiting for all.
 */
class QuorumToolParserTest {
    private static String read(String name) throws IOException {
        try (InputStream in = QuorumToolParserTest.class.getResourceAsStream("/corosync/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theSurvivorOfAPartitionIsQuorateAlone() throws IOException {
        CorosyncQuorum q = QuorumToolParser.parse(read("quorumtool-s-two-node-survivor.txt"), "node2");
        assertTrue(q.quorate());
        assertEquals(2L, q.localNodeId());
        assertEquals(1, q.quorum());
        assertEquals(2, q.expectedVotes());
        assertEquals(1, q.totalVotes());
        assertEquals(Set.of("2Node", "Quorate", "WaitForAll"), q.flags());
        assertEquals(List.of(new CorosyncMember(2L, 1, "node2", true)), q.members());
    }

    /** While the partition has no quorum, votequorum prints "Quorum: 1 Activity blocked". */
    @Test
    void aNodeWaitingForAllHasItsQuorumWithActivityBlocked() throws IOException {
        CorosyncQuorum q = QuorumToolParser.parse(read("quorumtool-s-wait-for-all-blocked.txt"), "node1");
        assertFalse(q.quorate());
        assertEquals(1, q.quorum());
        assertEquals(Set.of("2Node", "WaitForAll"), q.flags());
        assertEquals(List.of(new CorosyncMember(1L, 1, "node1", true)), q.members());
    }
}
