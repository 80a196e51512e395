package org.clusterdeck.cluster.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterTypeTest {
    private static String problem(String type, String value) {
        return ParameterType.of(type).problem(value, List.of());
    }

    @Test
    void valuesAsPacemakerReadsThem() {
        for (String ok : new String[] {"30s", "90", "5min", "2h", "500ms", "1m", "PT30S", "P1DT2H", " 20 s "}) {
            assertNull(problem("time", ok), ok);
        }
        for (String bad : new String[] {"30 seconds", "s", "-5s", "1.5s", "PT", "forever"}) {
            assertEquals("expected a time such as 30s, 90, 5min, 2h or 500ms (a number alone is seconds)",
                    problem("timeout", bad), bad);
        }
        assertNull(problem("boolean", "yes"));
        assertNull(problem("boolean", "FALSE"));
        assertEquals("expected true or false (also yes/no, on/off, 1/0)", problem("boolean", "maybe"));
        assertNull(problem("integer", "-3"));
        assertEquals("expected a whole number, e.g. 3", problem("integer", "3.5"));
        assertEquals("expected a whole number of 0 or more", problem("nonnegative_integer", "-1"));
        assertNull(problem("score", "-INFINITY"));
        assertEquals("expected a port number from 0 to 65535", problem("port", "70000"));
        assertEquals("expected a percentage from 0 to 100, e.g. 80%", problem("percentage", "101%"));
        assertNull(problem("string", "anything at all; even $(this)"));
        assertNull(problem("no-such-type", "x"));
        assertEquals("it is empty", problem("string", ""));
        assertEquals("expected one of stop, freeze", ParameterType.SELECT.problem("ignore", List.of("stop", "freeze")));
    }

    @Test
    void aTypeItsOwnDefaultContradictsIsNotTrusted() {
        // as ocf:pacemaker:ping declares dampen
        AgentParameter dampen = new AgentParameter("dampen", "integer", List.of(), false, false, null, true, "5s",
                "Dampening interval", null, false, null, false);
        assertNull(dampen.problem("5s"));
        assertNull(dampen.problem("7s"));
        assertEquals("it is empty", dampen.problem(""));
        // as ocf:heartbeat:IPaddr2 declares arp_count
        AgentParameter count = new AgentParameter("arp_count", "integer", List.of(), false, false, null, false, "5",
                "ARP packet count", null, false, null, false);
        assertNull(count.problem("7"));
        assertEquals("expected a whole number, e.g. 3", count.problem("7s"));
    }
}
