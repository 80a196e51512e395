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
        assertEquals("{\"kind\":\"unmanage\",\"resource\":\"p_dhcpd\",\"managed\":false}",
                JSON.writeValueAsString(new ClusterAction.Manage("p_dhcpd", false)));
        assertEquals("{\"kind\":\"demote\",\"resource\":\"ms\",\"node\":null,\"keepConstraint\":false}",
                JSON.writeValueAsString(new ClusterAction.Demote("ms", null, false)));
        assertEquals("{\"kind\":\"constraint-add\",\"constraint\":{\"type\":\"colocation\",\"id\":\"c1\","
                + "\"resource\":\"fs\",\"withResource\":\"ms\",\"score\":\"INFINITY\",\"role\":null,"
                + "\"withRole\":\"Promoted\"}}",
                JSON.writeValueAsString(new ClusterAction.AddConstraint(
                        new NewConstraint.Colocation("c1", "fs", "ms", "INFINITY", null, "Promoted"))));
        assertEquals("{\"kind\":\"constraint-remove\",\"id\":\"c1\"}",
                JSON.writeValueAsString(new ClusterAction.RemoveConstraint("c1")));
    }

    @Test
    void describedForPeople() {
        assertEquals("move the promoted role of ms_drbd_r0 to node2 for PT1H",
                new ClusterAction.Move("ms_drbd_r0", "node2", "PT1H", true, false).describe());
        assertEquals("keep g_dhcp away from node1", new ClusterAction.Ban("g_dhcp", "node1", null, false).describe());
    }
}
