package org.clusterdeck.app.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.LocalProcessRunner;
import org.clusterdeck.transport.TransportException;
import org.junit.jupiter.api.Test;

/** Which node answers for the cluster, with real local processes standing in for the nodes. */
class NodeGroupTest {
    private static NodeGroup group(String... names) {
        List<NodeConnection> nodes = new ArrayList<>();
        for (String n : names) {
            nodes.add(new NodeConnection(new LocalProcessRunner(n)));
        }
        return new NodeGroup(nodes);
    }

    /** Prints the node's name after a while; "bad" nodes exit 1 and so do not answer. */
    private static String ask(NodeConnection node, double seconds) throws Exception {
        CommandResult r = node.runner().run(Command.of("sh", "-c", "sleep \"$1\"; [ \"$2\" != bad ] && echo \"$2\"",
                "sh", Double.toString(seconds), node.host()));
        if (!r.ok()) {
            throw new IllegalStateException(node.host() + ": does not answer");
        }
        return r.stdout().strip();
    }

    @Test
    void theFirstNodeInOrderAnswersEvenWhenALaterOneIsFaster() throws Exception {
        NodeGroup.Answer<String> a = group("slow", "fast").first(n -> ask(n, n.host().equals("slow") ? 0.5 : 0));
        assertEquals("slow", a.value());
        assertEquals("slow", a.node().host());
        assertEquals(List.of(), a.warnings());
    }

    @Test
    void nodesThatCannotAnswerAreWarningsBesideTheAnswer() throws Exception {
        NodeGroup.Answer<String> a = group("bad", "good", "bad").first(n -> ask(n, 0));
        assertEquals("good", a.value());
        assertEquals(List.of("bad: does not answer"), a.warnings(), "only the nodes before it in order");

        NoNodeAnsweredException none = assertThrows(NoNodeAnsweredException.class,
                () -> group("bad", "bad").first(n -> ask(n, 0)));
        assertEquals(List.of("bad: does not answer", "bad: does not answer"), none.failures());
        assertEquals("not connected to the cluster",
                assertThrows(NoNodeAnsweredException.class, () -> group().first(n -> ask(n, 0))).getMessage());
    }

    /** Every node's answer, in order, asked at once: nodes of 2 s and 1.5 s take 2 s, not 3.5. */
    @Test
    void eachAsksEveryNodeAtOnceAndKeepsTheirOrder() throws Exception {
        long t0 = System.nanoTime();
        List<String> answers = group("slow", "fast").each(n -> {
            try {
                return ask(n, n.host().equals("slow") ? 2 : 1.5);
            } catch (Exception e) {
                return "failed: " + e.getMessage();
            }
        });
        assertEquals(List.of("slow", "fast"), answers);
        assertTrue(System.nanoTime() - t0 < 3_200_000_000L, "the nodes were asked at once");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> group("good", "broken").each(n -> {
            if (n.host().equals("broken")) {
                throw new IllegalArgumentException("unreadable answer");
            }
            return n.host();
        }));
        assertTrue(e.getMessage().startsWith("broken: "), e.getMessage());
    }

    /** For changes, one node after the other: only an unreachable node is passed over, and the rest are not asked. */
    @Test
    void firstReachableAsksInTurnAndStopsAtAnyOtherFailure() throws Exception {
        List<String> asked = Collections.synchronizedList(new ArrayList<>());
        NodeGroup.Answer<String> a = group("down", "up", "later").firstReachable(n -> {
            asked.add(n.host());
            if (n.host().equals("down")) {
                throw new TransportException(n.host(), TransportException.Kind.UNREACHABLE, "unreachable: no route to host");
            }
            return n.host();
        });
        assertEquals("up", a.value());
        assertEquals(List.of("down: unreachable: no route to host"), a.warnings());
        assertEquals(List.of("down", "up"), asked);

        asked.clear();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> group("up", "later").firstReachable(n -> {
                    asked.add(n.host());
                    throw new IllegalArgumentException("no such resource");
                }));
        assertTrue(refused.getMessage().contains("no such resource"));
        assertEquals(List.of("up"), asked, "what would fail everywhere is not tried elsewhere");
    }
}
