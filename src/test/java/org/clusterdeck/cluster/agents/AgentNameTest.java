package org.clusterdeck.cluster.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.clusterdeck.cluster.command.CrmResource;
import org.clusterdeck.cluster.command.InvalidInputException;
import org.junit.jupiter.api.Test;

class AgentNameTest {
    @Test
    void theCibsSpellingsReadBack() {
        assertEquals(new AgentName("ocf", "heartbeat", "IPaddr2"), AgentName.parse("ocf:heartbeat:IPaddr2"));
        assertEquals("stonith:fence_ipmilan", AgentName.parse("stonith:fence_ipmilan").toString());
        assertEquals("stonith:external/ipmi", AgentName.parse("stonith:external/ipmi").toString());
        assertEquals("systemd:getty@tty1", AgentName.parse("systemd:getty@tty1").toString());
        assertTrue(AgentName.parse("stonith:fence_virsh").isFencing());
    }

    @Test
    void hostileOrMalformedNamesNeverReachACommand() {
        for (String bad : new String[] {"ocf:heartbeat:-rf", "ocf:heartbeat:$(reboot)", "ocf:heartbeat:a;b",
                "ocf:heartbeat:`id`", "ocf:heartbeat:a b", "ocf:heartbeat:a\nb", "ocf:heart beat:IPaddr2",
                "ocf:heartbeat:<x>", "ocf:heartbeat:\"x\"", "ocf:IPaddr2", "stonith:x:fence_virsh", "nosuch:agent",
                "ocf:heartbeat:", ":x", "ocf:heartbeat:/etc/passwd", "lsb:" + "a".repeat(300), ""}) {
            assertThrows(InvalidInputException.class, () -> AgentName.parse(bad), bad);
        }
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> AgentName.parse("ocf:heartbeat:-rf"));
        assertTrue(e.getMessage().startsWith("agent type '-rf' is not allowed"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> CrmResource.listAgents("ocf", "--force"));
    }

    @Test
    void listingsNameTheStandardAndProvider() {
        assertEquals("crm_resource --list-agents ocf:linbit", CrmResource.listAgents("ocf", "linbit").display());
        assertEquals("crm_resource --list-agents stonith", CrmResource.listAgents("stonith", null).display());
        assertEquals("crm_resource --show-metadata ocf:heartbeat:IPaddr2",
                CrmResource.showMetadata(AgentName.parse("ocf:heartbeat:IPaddr2")).display());
    }
}
