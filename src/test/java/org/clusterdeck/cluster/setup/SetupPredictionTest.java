package org.clusterdeck.cluster.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.clusterdeck.cluster.simulate.PredictedAction;
import org.clusterdeck.cluster.simulate.Prediction;
import org.clusterdeck.transport.LocalProcessRunner;
import org.junit.jupiter.api.Test;

/** The review's prediction of the setup's configuration, by this machine's real crm_simulate. */
class SetupPredictionTest {
    @Test
    void fenceDevicesAndDrbdStartThenTheSyncSourceIsPromotedAndTheGroupStartsThere() throws Exception {
        SetupSpec spec = Specs.lab();
        Prediction p = SetupPrediction.of(spec, new NodeGeneration(false, "2.1.5", NodeGeneration.PackageManager.APT,
                268435456, 0), new LocalProcessRunner("here"));
        assertEquals(2, p.transitions().size());
        // each node's fence device runs on the other node; DRBD on both, not promoted without a score
        assertEquals(List.of("start st_node1 on node2", "start st_node2 on node1", "start p_drbd_r0:0 on node1",
                "start p_drbd_r0:1 on node2"), describe(p, 0));
        assertEquals("crm_attribute --node node1 --name master-p_drbd_r0 --update 10000 --lifetime reboot",
                p.transitions().get(1).stage());
        assertEquals(List.of("promote p_drbd_r0:0 on node1 (Unpromoted -> Promoted)", "start p_fs on node1",
                "start p_vip on node1", "start p_dhcpd on node1"), describe(p, 1));
    }

    private static List<String> describe(Prediction p, int transition) {
        return p.transitions().get(transition).actions().stream().map(PredictedAction::describe).toList();
    }
}
