package org.clusterdeck.cluster.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.clusterdeck.cluster.command.ClusterCommandException;
import org.clusterdeck.cluster.command.ClusterOptions;
import org.clusterdeck.cluster.command.CrmResource;
import org.clusterdeck.cluster.command.StonithAdmin;
import org.clusterdeck.cluster.xml.SafeXml;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.LocalProcessRunner;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Every OCF and fence agent installed on this machine (resource-agents, Pacemaker's own,
 * drbd-utils', fence-agents, cluster-glue's), listed and described by the real crm_resource and
 * stonith_admin, read back against XPath on the same text, and each one's form for a new
 * primitive built: the namespace lab's nodes run these very agents.
 */
class InstalledAgentsTest {
    private final AgentReader reader = new AgentReader(new LocalProcessRunner());

    private List<AgentName> installed() throws Exception {
        List<AgentName> all = new ArrayList<>();
        for (String provider : reader.ocfProviders()) {
            all.addAll(reader.agents("ocf", provider));
        }
        all.addAll(reader.agents("stonith", null));
        return all;
    }

    @Test
    void everyInstalledAgentsMetadataReadsAsItsXmlSays() throws Exception {
        List<AgentName> agents = installed();
        assertTrue(agents.containsAll(List.of(AgentName.parse("ocf:heartbeat:IPaddr2"),
                AgentName.parse("ocf:heartbeat:dhcpd"), AgentName.parse("ocf:pacemaker:Dummy"),
                AgentName.parse("ocf:linbit:drbd"), AgentName.parse("stonith:fence_ipmilan"))), agents.toString());
        // the agents run as processes of their own (fence agents start Python): a few at once
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> checks = new ArrayList<>();
            for (AgentName a : agents) {
                checks.add(pool.submit(() -> check(a)));
            }
            List<String> problems = new ArrayList<>();
            List<String> undescribed = new ArrayList<>();
            for (int i = 0; i < agents.size(); i++) {
                try {
                    String p = checks.get(i).get();
                    if (p != null) {
                        problems.add(p);
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    // an agent that cannot describe itself (cluster-glue's drac3 without its plugin,
                    // fence_ack_manual, which is no fence agent): a clear error naming node and command
                    AgentName a = agents.get(i);
                    String message = e.getCause().getMessage();
                    assertTrue(e.getCause() instanceof ClusterCommandException && a.isFencing()
                            && message.startsWith("localhost: 'stonith_admin --metadata --agent " + a.type() + "' failed"), a + ": " + e);
                    undescribed.add(a.toString());
                }
            }
            assertEquals(List.of(), problems);
            assertTrue(undescribed.size() * 20 < agents.size(), "most agents describe themselves; these do not: "
                    + undescribed);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Null when the metadata the reader gives says what the agent's XML says (read a second time,
     * by XPath), else what differs.
     */
    private static String check(AgentName agent) throws Exception {
        LocalProcessRunner here = new LocalProcessRunner();
        AgentMetadata m = new AgentReader(here).metadata(agent);
        Command c = agent.isFencing() ? StonithAdmin.metadata(agent) : CrmResource.showMetadata(agent);
        CommandResult r = here.run(c);
        Document doc = SafeXml.parseNamingDtd(r.stdout(), agent.toString());
        XPath xp = XPathFactory.newInstance().newXPath();
        int params = Integer.parseInt(xp.evaluate("count(/resource-agent/parameters/parameter)", doc));
        // a fence agent's with the fencer's device attributes it does not have itself
        long added = 0;
        if (agent.isFencing()) {
            Document fencer = SafeXml.parse(here.run(ClusterOptions.fencingDeviceMetadata()).stdout(), "fencer");
            NodeList names = (NodeList) xp.evaluate("/resource-agent/parameters/parameter/@name", fencer,
                    XPathConstants.NODESET);
            for (int i = 0; i < names.getLength(); i++) {
                if (xp.evaluate("count(/resource-agent/parameters/parameter[@name='" + names.item(i).getNodeValue()
                        + "'])", doc).equals("0")) {
                    added++;
                }
            }
        }
        if (params + added != m.parameters().size()) {
            return agent + ": " + m.parameters().size() + " parameters read, " + params + " in the XML";
        }
        int actions = Integer.parseInt(xp.evaluate("count(/resource-agent/actions/action)", doc));
        if (actions != m.actions().size()) {
            return agent + ": " + m.actions().size() + " actions read, " + actions + " in the XML";
        }
        for (AgentParameter p : m.parameters().subList(0, params)) {
            String at = "/resource-agent/parameters/parameter[@name='" + p.name() + "']";
            String dflt = xp.evaluate("boolean(" + at + "/content/@default)", doc).equals("true")
                    ? xp.evaluate(at + "/content/@default", doc) : null;
            if (!java.util.Objects.equals(dflt, p.defaultValue())) {
                return agent + " " + p.name() + ": default " + p.defaultValue() + ", XML " + dflt;
            }
            boolean required = xp.evaluate(at + "/@required", doc).matches("1|true|yes");
            if (p.required() && !required || required && !p.required() && !(p.deprecated() && p.replacedBy() != null)) {
                return agent + " " + p.name() + ": required " + p.required() + ", XML " + required;
            }
            if (p.deprecated() && p.replacedBy() != null && m.parameter(p.replacedBy()).isEmpty()) {
                return agent + " " + p.name() + ": replaced by " + p.replacedBy() + ", which it does not have";
            }
            if (p.defaultValue() != null && !p.defaultValue().isEmpty() && p.problem(p.defaultValue()) != null) {
                // a form must take the agent's own default, whatever type the agent declares
                return agent + " " + p.name() + ": its default '" + p.defaultValue() + "' refused: "
                        + p.problem(p.defaultValue());
            }
        }
        // the form for a new primitive of it: every parameter in one section, exactly the required ones
        // missing from an empty form, the advised operations valid, the defaults nothing to write
        PrimitiveForm form = PrimitiveForm.of(m);
        int sorted = 0;
        for (PrimitiveForm.Section section : PrimitiveForm.Section.values()) {
            sorted += form.parameters(section).size();
        }
        if (sorted != m.parameters().size()) {
            return agent + ": " + sorted + " of " + m.parameters().size() + " parameters on the form";
        }
        List<String> required = form.parameters(PrimitiveForm.Section.REQUIRED).stream().map(AgentParameter::name).toList();
        if (!List.copyOf(form.problems(java.util.Map.of()).keySet()).equals(required)) {
            return agent + ": an empty form's problems " + form.problems(java.util.Map.of()) + ", required " + required;
        }
        java.util.Map<String, String> defaults = new java.util.LinkedHashMap<>();
        m.parameters().forEach(p -> defaults.put(p.name(), p.defaultValue()));
        if (!form.changed(defaults).isEmpty()) {
            return agent + ": its defaults would be written: " + form.changed(defaults);
        }
        try {
            form.advisedOperations(true);
        } catch (IllegalArgumentException e) {
            return agent + ": its advised operations: " + e.getMessage();
        }
        return null;
    }

    @Test
    void theReferenceClustersAgentsAsAnAdminKnowsThem() throws Exception {
        AgentMetadata ip = reader.metadata(AgentName.parse("ocf:heartbeat:IPaddr2"));
        AgentParameter address = ip.parameter("ip").orElseThrow();
        assertTrue(address.required() && address.unique(), address.toString());
        assertEquals(ParameterType.STRING, address.kind());
        assertEquals(ParameterType.BOOLEAN, ip.parameter("lvs_support").orElseThrow().kind());
        assertEquals("false", ip.parameter("lvs_support").orElseThrow().defaultValue());
        assertTrue(ip.parameter("cidr_netmask").isPresent());
        assertEquals("Manages virtual IPv4 and IPv6 addresses (Linux specific version)", ip.shortDescription());

        // DRBD's agent advises a monitor per role, as a promotable clone needs
        AgentMetadata drbd = reader.metadata(AgentName.parse("ocf:linbit:drbd"));
        assertEquals(2, drbd.actions("monitor").size(), drbd.actions().toString());
        assertFalse(drbd.actions("monitor").get(0).interval().equals(drbd.actions("monitor").get(1).interval()),
                "Pacemaker needs the two monitors at different intervals");
        assertTrue(drbd.parameter("drbd_resource").orElseThrow().required());

        // a fence agent: its own parameters, the old names deprecated and not required, then the fencer's
        AgentMetadata virsh = reader.metadata(AgentName.parse("stonith:fence_virsh"));
        assertEquals("Fence agent for virsh", virsh.shortDescription());
        AgentParameter old = virsh.parameter("ipaddr").orElseThrow();
        assertTrue(old.deprecated() && !old.required(), old.toString());
        assertEquals("ip", old.replacedBy());
        assertTrue(virsh.parameter("ip").orElseThrow().required());
        AgentParameter hosts = virsh.parameter("pcmk_host_list").orElseThrow();
        assertFalse(hosts.required());
        assertNull(virsh.parameter("pcmk_host_list").orElseThrow().replacedBy());
        assertTrue(virsh.parameters().indexOf(hosts) > virsh.parameters().indexOf(old), "the fencer's after the agent's own");
        assertTrue(virsh.parameter("pcmk_delay_max").isPresent());
    }

    @Test
    void aStandardWithoutAgentsListsNone() throws Exception {
        // no systemd runs here (a container); crm_resource fails with "No agents found", which is an answer
        List<String> standards = reader.standards();
        assertTrue(standards.containsAll(List.of("ocf", "lsb", "stonith")), standards.toString());
        assertEquals(List.of(), reader.agents("ocf", "nosuchprovider"));
    }
}
