package org.clusterdeck.cluster.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.xpath.XPathFactory;
import org.clusterdeck.cluster.agents.AgentName;
import org.clusterdeck.cluster.xml.SafeXml;
import org.clusterdeck.transport.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fence device's password, set on creation and changed after, in each dialect: it lands in the
 * CIB as given (the real cibadmin, crmsh and pcs on a CIB file), but no command line, shown
 * command, diff, description or JSON of the action holds it.
 */
class SecretParameterTest {
    private static final String PASSWORD = "hunter2 'x' $(id)";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static NewPrimitive ipmi() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ip", "10.0.0.21");
        params.put("username", "admin");
        params.put("password", PASSWORD);
        params.put("lanplus", "1");
        params.put("pcmk_host_list", "node1");
        return new NewPrimitive("st_node1", AgentName.parse("stonith:fence_ipmilan"), params,
                List.of(new NewPrimitive.Op("monitor", "60s", null, null)));
    }

    private static void nowhereShown(String dialect, ClusterAction action) throws Exception {
        for (Command c : CommandDialect.forNode(dialect, CibFile.BOTH).commands(action)) {
            assertFalse(String.join(" ", c.argv()).contains("hunter2"), dialect + ": on the command line: " + c.argv());
            assertFalse(c.display().contains("hunter2"), dialect + ": in the plan: " + c.display());
            assertTrue(c.display().contains(Secrets.MASK), dialect + ": " + c.display());
        }
        assertFalse(JSON.writeValueAsString(action).contains("hunter2"), JSON.writeValueAsString(action));
        assertFalse(action.describe().contains("hunter2"), action.describe());
    }

    private static String landed(CibFile cib, String name) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate("//primitive[@id='st_node1']/instance_attributes/nvpair[@name='"
                + name + "']/@value", SafeXml.parse(cib.text(), "cib"));
    }

    @Test
    void setAndChangedInEachDialectWithoutEverBeingShown() throws Exception {
        for (String dialect : List.of("pacemaker", "crmsh", "pcs")) {
            CibFile cib = CibFile.empty(dir, dialect);
            ClusterAction.CreateResource create = new ClusterAction.CreateResource(ipmi(), null, null, null);
            nowhereShown(dialect, create);
            cib.apply(dialect, create);
            assertEquals(PASSWORD, landed(cib, "password"), dialect);
            assertEquals("node1", landed(cib, "pcmk_host_list"), dialect);

            PrimitiveEdit change = new PrimitiveEdit(Map.of("password", "hunter2-new"), Map.of(), List.of());
            PrimitiveEdit.Result r = change.applyTo(cib.text(), "st_node1", "test");
            ClusterAction.UpdateResource update = new ClusterAction.UpdateResource("st_node1", change, r.before(), r.after(),
                    r.fenceDevice());
            nowhereShown(dialect, update);
            assertTrue(update.diff().stream().noneMatch(l -> l.contains("hunter2")), update.diff().toString());
            cib.apply(dialect, update);
            assertEquals("hunter2-new", landed(cib, "password"), dialect);

            // an edit of another parameter leaves pcs its own words: the password is not among them
            PrimitiveEdit hosts = new PrimitiveEdit(Map.of("pcmk_host_list", "node1 node3"), Map.of(), List.of());
            PrimitiveEdit.Result h = hosts.applyTo(cib.text(), "st_node1", "test");
            ClusterAction.UpdateResource other = new ClusterAction.UpdateResource("st_node1", hosts, h.before(), h.after(),
                    h.fenceDevice());
            String shown = CommandDialect.forNode(dialect, CibFile.BOTH).commands(other).get(0).display();
            assertFalse(shown.contains("hunter2"), shown);
            cib.apply(dialect, other);
            assertEquals("hunter2-new", landed(cib, "password"), dialect);
            assertEquals("node1 node3", landed(cib, "pcmk_host_list"), dialect);
        }
    }

    @Test
    void pcsLeavesSecretsToThePlainToolsAndSaysNothingElseChanges() {
        ClusterAction create = new ClusterAction.CreateResource(ipmi(), null, null, null);
        assertEquals(CommandDialect.forNode("pacemaker", CibFile.BOTH).commands(create),
                CommandDialect.forNode("pcs", CibFile.BOTH).commands(create));
        NewPrimitive plain = new NewPrimitive("st_x", AgentName.parse("stonith:fence_ipmilan"), Map.of("ip", "10.0.0.9"),
                List.of());
        assertTrue(CommandDialect.forNode("pcs", CibFile.BOTH).commands(new ClusterAction.CreateResource(plain, null,
                null, null)).get(0).display().startsWith("pcs stonith create st_x fence_ipmilan ip=10.0.0.9"));
    }
}
