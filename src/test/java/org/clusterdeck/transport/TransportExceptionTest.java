package org.clusterdeck.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.clusterdeck.transport.TransportException.Kind;
import org.junit.jupiter.api.Test;

/** The parts of a transport failure stay apart, and the message is composed from them as it always read. */
class TransportExceptionTest {
    @Test
    void theMessageIsTheNodeThenTheDetail() {
        TransportException e = new TransportException("root@n1", Kind.UNREACHABLE, "cannot connect: no route to host");
        assertEquals("root@n1: cannot connect: no route to host", e.getMessage());
        assertEquals("root@n1", e.node());
        assertEquals(Kind.UNREACHABLE, e.kind());
        assertEquals("cannot connect: no route to host", e.detail());
    }

    @Test
    void aNodeNotTriedAgainYetIsUnreachableForTheReasonItFailedLast() {
        TransportException last = new TransportException("root@n1", Kind.HOST_KEY, "host key of n1 has CHANGED");
        TransportException e = TransportException.notRetriedYet(last, Duration.ofMillis(4900));
        assertEquals("root@n1: unreachable: host key of n1 has CHANGED (next attempt in 4 s)", e.getMessage());
        assertEquals("host key of n1 has CHANGED (next attempt in 4 s)", e.detail());
        assertEquals(Kind.HOST_KEY, e.kind());
        assertEquals("root@n1", e.node());
        assertSame(last, e.getCause());
        // the last second is still a wait
        assertEquals("root@n1: unreachable: host key of n1 has CHANGED (next attempt in 1 s)",
                TransportException.notRetriedYet(last, Duration.ofMillis(300)).getMessage());
    }

    @Test
    void aCommandThatRunsTooLongTimesOut() {
        LocalProcessRunner local = new LocalProcessRunner("here");
        CommandTimeoutException e = assertThrows(CommandTimeoutException.class,
                () -> local.run(Command.of("sleep", "5").withTimeout(Duration.ofMillis(200))));
        assertEquals(Kind.TIMED_OUT, e.kind());
        assertEquals("'sleep 5' timed out after 200 ms", e.detail());
        assertEquals("here: 'sleep 5' timed out after 200 ms", e.getMessage());
    }
}
