package org.clusterdeck.cluster.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lab's two nodes after their heartbeat was cut (lab/fault partition): node2 fenced node1 and holds
 * the service with quorum; node1, rebooted into the partition, sees node2 unclean and is DC of itself
 * without quorum. crm_mon's XML as each node printed it.
 */
class ViewDisagreementTest {
    private static ClusterStatus read(String name) throws IOException {
        try (InputStream in = ViewDisagreementTest.class.getResourceAsStream("/crm_mon/" + name)) {
            return CrmMonParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        }
    }

    @Test
    void twoSidesOfAPartitionDisagreeAndEachSideIsNamed() throws IOException {
        Map<String, ClusterStatus> views = new LinkedHashMap<>();
        views.put("node1", read("partition-fenced-node-back-node1.xml"));
        views.put("node2", read("partition-survivor-node2.xml"));
        assertEquals("the nodes see different clusters: node1 sees [node1] online, DC node1, without quorum;"
                + " node2 sees [node2] online, DC node2, with quorum", ViewDisagreement.between(views));
    }

    @Test
    void nodesWithTheSameMembersAndDcAgree() throws IOException {
        ClusterStatus survivor = read("partition-survivor-node2.xml");
        assertNull(ViewDisagreement.between(Map.of("node2", survivor)), "one view alone");
        assertNull(ViewDisagreement.between(Map.of("a", survivor, "b", read("partition-survivor-node2.xml"))));
    }
}
