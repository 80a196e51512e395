package org.clusterdeck.cluster.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.xpath.XPathFactory;
import org.clusterdeck.cluster.FormatException;
import org.clusterdeck.cluster.command.ClusterOptions;
import org.clusterdeck.cluster.xml.SafeXml;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.LocalProcessRunner;
import org.junit.jupiter.api.Test;

/** The metadata the Pacemaker daemons installed here print, read back against XPath on the same text. */
class ClusterOptionParserTest {
    private static String metadata(String daemon) throws Exception {
        CommandResult r = new LocalProcessRunner().run(ClusterOptions.metadata(daemon));
        assertEquals(0, r.exitCode(), r.stderr());
        return r.stdout();
    }

    @Test
    void everyParameterOfEveryDaemonWithItsDefault() throws Exception {
        for (String daemon : ClusterOptions.DAEMONS) {
            String xml = metadata(daemon);
            var xp = XPathFactory.newInstance().newXPath();
            var doc = SafeXml.parse(xml, daemon);
            List<ClusterOption> options = ClusterOptionParser.parse(xml, daemon, daemon);
            assertEquals(Integer.parseInt(xp.evaluate("count(/resource-agent/parameters/parameter)", doc)),
                    options.size(), daemon);
            for (ClusterOption o : options) {
                String p = "/resource-agent/parameters/parameter[@name='" + o.name() + "']";
                assertEquals(xp.evaluate(p + "/content/@default", doc), o.defaultValue() == null ? "" : o.defaultValue(),
                        o.name());
                assertEquals(xp.evaluate("normalize-space(" + p + "/shortdesc)", doc),
                        o.summary().replaceAll("\\s+", " "), o.name());
            }
        }
    }

    @Test
    void theWellKnownPropertiesAreExplainedByPacemakerItself() throws Exception {
        Map<String, ClusterOption> byName = ClusterOptions.DAEMONS.stream().flatMap(d -> {
            try {
                return ClusterOptionParser.parse(metadata(d), d, d).stream();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.toMap(ClusterOption::name, o -> o, (a, b) -> a));
        for (String name : List.of("stonith-enabled", "no-quorum-policy", "maintenance-mode", "symmetric-cluster",
                "stonith-timeout", "cluster-recheck-interval", "start-failure-is-fatal")) {
            ClusterOption o = byName.get(name);
            assertTrue(o != null && o.summary() != null && !o.summary().isBlank(), name);
            assertTrue(o.explain().startsWith(name + ": "), o.explain());
        }
        ClusterOption q = byName.get("no-quorum-policy");
        assertTrue(q.values().containsAll(List.of("stop", "freeze", "ignore", "demote", "suicide")), q.values().toString());
        assertEquals("pacemaker-schedulerd", q.daemon());
        assertTrue(byName.get("stonith-enabled").explain().endsWith("(default: true)"),
                byName.get("stonith-enabled").explain());
    }

    @Test
    void somethingElseThanMetadataIsAFormatError() {
        FormatException e = assertThrows(FormatException.class,
                () -> ClusterOptionParser.parse("<crm_mon/>", "pacemaker-schedulerd", "node1: metadata"));
        assertEquals("node1: metadata: expected <resource-agent>, found <crm_mon>", e.getMessage());
    }
}
