package org.clusterdeck.cluster.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.xpath.XPathFactory;
import org.clusterdeck.cluster.agents.AgentName;
import org.clusterdeck.cluster.xml.SafeXml;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.LocalProcessRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * A new primitive in each spelling, made by the real tool on a CIB file and read back by XPath:
 * hostile values land as given, never interpreted.
 */
class NewPrimitiveTest {
    /** What a shell, crm's parser or XML would read as something else than text. */
    private static final String HOSTILE = "a'b\"c $(reboot) `id`; x & <y> #z \\\\ --force";

    @TempDir
    Path dir;

    private static NewPrimitive dummy() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("fake", HOSTILE);
        params.put("passwd", "-rf");
        return new NewPrimitive("p_new", AgentName.parse("ocf:pacemaker:Dummy"), params,
                List.of(new NewPrimitive.Op("monitor", "10s", null, "20s"), new NewPrimitive.Op("start", "0s", null, "20s")),
                Map.of("target-role", "Stopped"));
    }

    /**
     * An empty CIB of this machine's Pacemaker, as a new cluster has (pcs refuses to work on old
     * corpus files), without fencing, which crmsh's commit would otherwise call an error.
     */
    private Path cib() throws Exception {
        CommandResult empty = new LocalProcessRunner().run(Command.of("cibadmin", "--empty"));
        assertEquals(0, empty.exitCode(), empty.stderr());
        Path cib = Files.writeString(dir.resolve("cib.xml"), empty.stdout());
        ok(cib, CrmAttribute.property("stonith-enabled", "false"));
        return cib;
    }

    private static void ok(Path cib, Command c) throws Exception {
        CommandResult r = new LocalProcessRunner().run(c.withEnv("CIB_file", cib.toString()));
        assertEquals(0, r.exitCode(), c.display() + ": " + r.stderr() + r.stdout());
    }

    private static String xpath(Path cib, String expr) throws Exception {
        Document d = SafeXml.parse(Files.readString(cib), "cib");
        return XPathFactory.newInstance().newXPath().evaluate(expr, d);
    }

    /** The primitive as the CIB holds it, in one line: what every spelling must make the same. */
    private static String landed(Path cib) throws Exception {
        String p = "/cib/configuration/resources/primitive[@id='p_new']";
        List<String> parts = new ArrayList<>();
        for (String e : List.of("@class", "@provider", "@type", "instance_attributes/nvpair[@name='fake']/@value",
                "instance_attributes/nvpair[@name='passwd']/@value", "meta_attributes/nvpair[@name='target-role']/@value",
                "operations/op[@name='monitor']/@interval", "operations/op[@name='monitor']/@timeout")) {
            parts.add(xpath(cib, p + "/" + e));
        }
        parts.add(xpath(cib, "count(" + p + "/operations/op)"));
        return String.join("|", parts);
    }

    private static final String EXPECTED = "ocf|pacemaker|Dummy|" + HOSTILE + "|-rf|Stopped|10s|20s|2";

    @Test
    void theXmlCibadminTakesHoldsEveryValueAsGiven() throws Exception {
        Path cib = cib();
        ok(cib, Command.of("cibadmin", "--create", "--scope", "resources", "--xml-text", dummy().xml()));
        assertEquals(EXPECTED, landed(cib));
        assertEquals("p_new-instance_attributes-fake", xpath(cib,
                "//primitive[@id='p_new']/instance_attributes/nvpair[@name='fake']/@id"));
        assertEquals("p_new-monitor-interval-10s", xpath(cib, "//primitive[@id='p_new']/operations/op[@name='monitor']/@id"));
    }

    @Test
    void crmsConfigurationTextMakesTheSame() throws Exception {
        Path cib = cib();
        Path text = Files.writeString(dir.resolve("new.crm"), dummy().crm() + "\n");
        ok(cib, Command.of("crm", "configure", "load", "update", text.toString()));
        assertEquals(EXPECTED, landed(cib));
    }

    @Test
    void pcssWordsMakeTheSame() throws Exception {
        Path cib = cib();
        List<String> args = new ArrayList<>(List.of("-f", cib.toString(), "resource", "create"));
        args.addAll(dummy().pcsWords());
        ok(cib, Command.of("pcs", args));
        assertEquals(EXPECTED, landed(cib));
    }

    @Test
    void namesAndTimesThatCannotReachATool() {
        AgentName dummy = AgentName.parse("ocf:pacemaker:Dummy");
        assertThrows(InvalidInputException.class, () -> new NewPrimitive("-p", dummy, Map.of(), List.of()));
        assertThrows(InvalidInputException.class, () -> new NewPrimitive("p", dummy, Map.of("a b", "1"), List.of()));
        assertThrows(InvalidInputException.class, () -> new NewPrimitive("p", dummy, Map.of("fake", "a\nb"), List.of()));
        assertThrows(InvalidInputException.class, () -> new NewPrimitive("p", dummy, Map.of("fake", "x".repeat(2000)),
                List.of()));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new NewPrimitive.Op("monitor", "soon",
                null, null));
        assertEquals("interval of monitor 'soon' is not allowed: expected a time such as 30s, 90, 5min, 2h or 500ms"
                + " (a number alone is seconds)", e.getMessage());
        assertThrows(InvalidInputException.class, () -> new NewPrimitive.Op("monitor", "10s", "Leader", null));
    }
}
