package org.clusterdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code agents} against the agents installed on this machine ({@code --local}), as on a cluster node. */
class AgentsCommandTest {
    @Test
    void showPrintsRequiredParametersFirstWithTypesAndDefaultsAndTheAdvisedOperations() {
        CliTest.Run r = CliTest.run("agents", "show", "ocf:heartbeat:IPaddr2", "--local");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("ocf:heartbeat:IPaddr2 (1.0): Manages virtual IPv4 and IPv6 addresses (Linux specific version)",
                lines.get(0));
        assertEquals("Parameters (* required):", lines.get(2));
        assertEquals("  ip* (string): IPv4 or IPv6 address (unique)", lines.get(3));
        assertTrue(lines.contains("  lvs_support (boolean) [false]: Enable support for LVS DR"), r.out());
        assertTrue(lines.contains("  monitor interval=10s timeout=20s depth=0"), r.out());
    }

    @Test
    void showAsJsonCarriesEveryFieldAFormNeeds() throws Exception {
        JsonNode m = CliTest.run("agents", "show", "ocf:linbit:drbd", "--local", "--json").json();
        assertEquals("ocf:linbit:drbd", m.get("agent").asText());
        JsonNode resource = null;
        for (JsonNode p : m.get("parameters")) {
            if (p.get("name").asText().equals("drbd_resource")) {
                resource = p;
            }
        }
        assertEquals(List.of("name", "type", "required", "unique", "uniqueGroup", "reloadable", "defaultValue", "options",
                "shortDescription", "longDescription", "deprecated", "replacedBy", "advanced"), CliTest.keys(resource));
        assertTrue(resource.get("required").asBoolean());
        List<String> monitors = new ArrayList<>();
        m.get("actions").forEach(a -> {
            if (a.get("name").asText().equals("monitor")) {
                monitors.add(a.get("role").asText() + " every " + a.get("interval").asText());
            }
        });
        assertEquals(2, monitors.size(), monitors.toString());
    }

    @Test
    void aFenceAgentComesWithTheFencersDeviceAttributes() {
        CliTest.Run r = CliTest.run("agents", "show", "stonith:fence_virsh", "--local");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("stonith:fence_virsh: Fence agent for virsh\n"), r.out());
        assertTrue(r.out().contains("\n  ipaddr (string): IP address or hostname of fencing device (deprecated: use ip)\n"),
                r.out());
        assertTrue(r.out().contains("\n  pcmk_host_list (string): "), r.out());
    }

    @Test
    void listNamesEveryAgentOfAProvider() throws Exception {
        CliTest.Run r = CliTest.run("agents", "list", "--local", "--provider", "linbit");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().toList().contains("ocf:linbit:drbd"), r.out());
        assertTrue(r.out().lines().allMatch(l -> l.startsWith("ocf:linbit:")), r.out());
        JsonNode all = CliTest.run("agents", "list", "--local", "--json").json().get("agents");
        List<String> names = new ArrayList<>();
        all.forEach(a -> names.add(a.asText()));
        assertTrue(names.containsAll(List.of("ocf:heartbeat:dhcpd", "ocf:pacemaker:Dummy", "stonith:fence_ipmilan",
                "lsb:ssh")), names.toString());
    }

    @Test
    void badNamesAndMissingAgentsAreClearErrors() {
        CliTest.Run bad = CliTest.run("agents", "show", "ocf:heartbeat:$(reboot)", "--local");
        assertEquals(Cli.ERROR, bad.code());
        assertEquals("clusterdeck: agent type '$(reboot)' is not allowed: letters, digits and . _ - + @ / and systemd's"
                + " \\ escapes, starting with a letter, digit or '_'\n", bad.err());
        CliTest.Run missing = CliTest.run("agents", "show", "ocf:heartbeat:NoSuchAgent", "--local");
        assertEquals(Cli.ERROR, missing.code());
        assertTrue(missing.err().startsWith("clusterdeck: localhost: 'crm_resource --show-metadata"
                + " ocf:heartbeat:NoSuchAgent' failed with exit code 105"), missing.err());
        CliTest.Run group = CliTest.run("agents");
        assertEquals(Cli.USAGE, group.code());
        assertTrue(group.err().contains("expected one of: list, show"), group.err());
        CliTest.Run both = CliTest.run("agents", "list", "--local", "--host", "node1");
        assertEquals(Cli.USAGE, both.code(), both.err());
    }
}
