package org.clusterdeck.cluster.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Actions as the plan's JSON and the audit log show them: the kind first, then every field, nulls included. */
class ClusterActionJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void actionsSerializeWithTheirKind() throws Exception {
        assertEquals("{\"kind\":\"move\",\"resource\":\"g_dhcp\",\"node\":\"node2\",\"lifetime\":null,\"promoted\":false,"
                + "\"keepConstraint\":false}",
                JSON.writeValueAsString(new ClusterAction.Move("g_dhcp", "node2", null, false, false)));
        assertEquals("{\"kind\":\"online\",\"node\":\"node1\",\"on\":false}",
                JSON.writeValueAsString(new ClusterAction.Standby("node1", false)));
        assertEquals("{\"kind\":\"maintenance\",\"node\":null,\"on\":true}",
                JSON.writeValueAsString(new ClusterAction.Maintenance(null, true)));
        assertEquals("{\"kind\":\"property\",\"name\":\"no-quorum-policy\",\"value\":\"stop\"}",
                JSON.writeValueAsString(new ClusterAction.Property("no-quorum-policy", "stop")));
    }

    @Test
    void describedForPeople() {
        assertEquals("move the promoted role of ms_drbd_r0 to node2 for PT1H",
                new ClusterAction.Move("ms_drbd_r0", "node2", "PT1H", true, false).describe());
        assertEquals("keep g_dhcp away from node1", new ClusterAction.Ban("g_dhcp", "node1", null, false).describe());
    }
}
