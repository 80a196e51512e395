package org.clusterdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.clusterdeck.app.setup.SetupEvent;
import org.clusterdeck.app.setup.SetupFailure;
import org.clusterdeck.cluster.setup.FailoverProof;
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
    void theInitialSyncsProgressAndTheVerifiedService() {
        assertEquals("   node1 SyncSource of r0: 42.5 %, 10.0 MiB/s, 14 s left\n", SetupProgressText.text(
                new SetupEvent.SyncProgress("drbd-sync", "node1", "r0", "SyncSource", 42.5, 10240L, 14L)));
        assertEquals("   node2 SyncTarget of r0: started\n", SetupProgressText.text(
                new SetupEvent.SyncProgress("drbd-sync", "node2", "r0", "SyncTarget", null, null, null)));
        assertEquals("{\"event\":\"sync-progress\",\"step\":\"drbd-sync\",\"node\":\"node1\",\"resource\":\"r0\","
                        + "\"replication\":\"SyncSource\",\"donePercent\":42.5,\"speedKiBps\":10240,\"etaSeconds\":14}\n",
                SetupProgressText.json(new SetupEvent.SyncProgress("drbd-sync", "node1", "r0", "SyncSource", 42.5, 10240L, 14L)));
        String verified = SetupProgressText.text(new SetupEvent.Verified("node2", "node1",
                new FailoverProof.Lease("10.10.101.1", "10.10.101.100"), new FailoverProof.Lease("10.10.101.1", "10.10.101.100"),
                23_600L));
        assertEquals("""
                   verified: the service failed over from node2 to node1
                   lease before: 10.10.101.100 from 10.10.101.1; after: 10.10.101.100 from 10.10.101.1; client-visible downtime 23.6 s
                   the first lease is in node1's leases file
                """, verified);
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
