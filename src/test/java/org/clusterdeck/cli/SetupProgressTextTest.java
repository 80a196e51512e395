package org.clusterdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.clusterdeck.app.setup.SetupEvent;
import org.clusterdeck.app.setup.SetupFailure;
import org.junit.jupiter.api.Test;

/** What setup prints per event: the JSON line's fields are the event's own, after its kind. */
class SetupProgressTextTest {
    private static final SetupFailure FAILURE = new SetupFailure("drbd", "node2", "drbdadm up r0", 10,
            "r0: no such disk\n", Map.of("node2", List.of("drbdadm down r0")));

    @Test
    void jsonLines() {
        assertEquals("{\"event\":\"command-ran\",\"step\":\"drbd\",\"node\":\"node1\",\"phase\":\"CHANGE\","
                        + "\"command\":\"drbdadm up r0\",\"exitCode\":0,\"millis\":12}\n",
                SetupProgressText.json(new SetupEvent.CommandRan("drbd", "node1", SetupEvent.Phase.CHANGE,
                        "drbdadm up r0", 0, 12)));
        assertEquals("{\"event\":\"failed\",\"failure\":{\"step\":\"drbd\",\"node\":\"node2\",\"command\":\"drbdadm up r0\","
                        + "\"exitCode\":10,\"output\":\"r0: no such disk\\n\",\"undo\":{\"node2\":[\"drbdadm down r0\"]}}}\n",
                SetupProgressText.json(new SetupEvent.Failed(FAILURE)));
        assertEquals("{\"event\":\"step-skipped\",\"step\":\"packages\"}\n",
                SetupProgressText.json(new SetupEvent.StepSkipped("packages")));
    }

    @Test
    void aFailureNamesStepNodeCommandExitAndOutputAndOffersTheUndo() {
        assertEquals("""

                FAILED: step drbd on node2, exit 10:
                    drbdadm up r0
                    | r0: no such disk
                The steps before it are done; this one may be half done. Running setup again continues here.
                To put the step back instead (not run):
                    node2: drbdadm down r0
                """, SetupProgressText.text(new SetupEvent.Failed(FAILURE)));
    }
}
