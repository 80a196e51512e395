package org.clusterdeck.cluster.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.clusterdeck.cluster.checks.PropertyRisk;
import org.clusterdeck.cluster.command.ClusterAction;
import org.junit.jupiter.api.Test;

class RiskCheckTest {
    private static List<RiskCheck.Warning> of(String name, String value, Boolean twoNode) {
        return RiskCheck.warnings(new ClusterAction.Property(name, value), new PropertyRisk.Shape(0, twoNode));
    }

    @Test
    void fencingOffInAnySpellingNeedsAcknowledgement() {
        for (String v : List.of("false", "FALSE", "no", "off", "n", "0")) {
            List<RiskCheck.Warning> w = of("stonith-enabled", v, null);
            assertEquals(1, w.size(), v);
            assertTrue(w.get(0).acknowledge() && w.get(0).text().contains("split brain"), w.toString());
        }
        assertEquals(List.of(), of("stonith-enabled", "true", null));
        assertTrue(of("fencing-enabled", "no", null).get(0).acknowledge());
    }

    @Test
    void ignoringQuorumNeedsAcknowledgementAndNamesTwoNode() {
        RiskCheck.Warning two = of("no-quorum-policy", "ignore", true).get(0);
        assertTrue(two.acknowledge());
        assertTrue(two.text().contains("two_node: 1"), two.text());
        assertFalse(of("no-quorum-policy", "ignore", null).get(0).text().contains("two_node"));
        assertEquals(List.of(), of("no-quorum-policy", "stop", true));
    }

    @Test
    void maintenanceAndUnmanageAreWarnedOnly() {
        RiskCheck.Warning m = of("maintenance-mode", "true", null).get(0);
        assertFalse(m.acknowledge());
        assertTrue(m.text().contains("do not leave it on"), m.text());
        assertEquals(List.of(), of("maintenance-mode", "false", null));
        assertFalse(RiskCheck.warnings(new ClusterAction.Maintenance("n1", true), PropertyRisk.Shape.UNKNOWN).get(0).acknowledge());
        assertEquals(List.of(), RiskCheck.warnings(new ClusterAction.Maintenance(null, false), PropertyRisk.Shape.UNKNOWN));
        assertFalse(RiskCheck.warnings(new ClusterAction.Manage("r", false), PropertyRisk.Shape.UNKNOWN).get(0).acknowledge());
        assertEquals(List.of(), RiskCheck.warnings(new ClusterAction.Manage("r", true), PropertyRisk.Shape.UNKNOWN));
        assertEquals(List.of(), of("cluster-recheck-interval", "5min", null));
    }
}
