package org.clusterdeck.app.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.clusterdeck.cluster.FormatException;
import org.clusterdeck.cluster.command.ClusterCommandException;
import org.clusterdeck.transport.TransportException;
import org.clusterdeck.transport.TransportException.Kind;
import org.junit.jupiter.api.Test;

/** What a poll caught, with the node for events and without it for the status line. */
class NodeErrorTest {
    @Test
    void aNodeNotTriedAgainYetIsDetailedWithoutTheNodeAndWithoutSayingUnreachableAgain() {
        TransportException last = new TransportException("root@n1", Kind.UNREACHABLE, "cannot connect: no route to host");
        NodeError e = NodeError.of(TransportException.notRetriedYet(last, Duration.ofSeconds(2)));
        assertEquals("root@n1: unreachable: cannot connect: no route to host (next attempt in 2 s)", e.message());
        assertEquals("cannot connect: no route to host (next attempt in 2 s)", e.detail());
    }

    @Test
    void aFailedToolIsDetailedWithoutTheNode() {
        NodeError e = NodeError.of(new ClusterCommandException("root@n1", "crm_mon -1", 250, List.of("no cluster")));
        assertEquals("root@n1: 'crm_mon -1' failed with exit code 250: no cluster", e.message());
        assertEquals("'crm_mon -1' failed with exit code 250: no cluster", e.detail());
    }

    @Test
    void unreadableOutputKeepsItsSourceWhichNamesTheNode() {
        NodeError e = NodeError.of(new FormatException("root@n1: crm_mon -1", "not XML"));
        assertEquals("root@n1: crm_mon -1: not XML", e.message());
        assertEquals(e.message(), e.detail());
    }
}
