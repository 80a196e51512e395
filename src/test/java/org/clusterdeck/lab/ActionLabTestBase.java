package org.clusterdeck.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.cli.Cli;
import org.clusterdeck.cluster.xml.SafeXml;
import org.clusterdeck.transport.CommandResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * One lab up for a class of action tests, and what they check with: the action subcommands run as
 * the admin types them, and the cluster read back by XPath on crm_mon's and cibadmin's XML, not
 * through ClusterDeck's parsers.
 */
abstract class ActionLabTestBase extends LabTestBase {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration SETTLE = Duration.ofSeconds(60);

    /**
     * This class's audit log, handed to each command line it runs: a JVM-wide property for it would
     * outlive the class and send later tests' records elsewhere (once into the home directory).
     */
    @TempDir
    static Path dataDir;

    Map<String, String> env;

    @BeforeAll
    void labUp() {
        lab.ok(Duration.ofSeconds(600), "up", "--token", "1000");
        env = lab.env();
    }

    String host(String node) {
        return "root@" + env.get("LAB_ADDR_" + node);
    }

    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    /** An action subcommand over SSH to both nodes, as the admin types it, printing JSON. */
    Run cli(String... args) {
        List<String> argv = new ArrayList<>(Arrays.asList(args));
        argv.add("--json");
        return cliText(argv.toArray(String[]::new));
    }

    /** The same, printing text for people. */
    Run cliText(String... args) {
        List<String> argv = new ArrayList<>(Arrays.asList(args));
        argv.addAll(List.of("--host", host("node1"), "--host", host("node2"), "-i", env.get("LAB_SSH_KEY"),
                "--known-hosts", env.get("LAB_KNOWN_HOSTS")));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(dataDir, new PrintWriter(out), new PrintWriter(err), argv.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    ClusterView view() {
        return Lab.await("crm_mon answers", Duration.ofSeconds(20), () -> lab.clusterSeenFrom("node1"), () -> "nothing");
    }

    /** crm_mon's XML straight from a node, for XPath checks of node flags and failures. */
    Document crmMonXml() {
        CommandResult r = lab.ssh("node1", Duration.ofSeconds(15), "crm_mon", "-1", "--inactive", "--output-as=xml");
        assertEquals(0, r.exitCode(), r.stderr());
        return SafeXml.parse(r.stdout(), "crm_mon");
    }

    static int count(Object context, String xpath) throws Exception {
        return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, context, XPathConstants.NODESET))
                .getLength();
    }

    int cliConstraints() throws Exception {
        return count(constraintsXml(), "//*[starts-with(@id,'cli-prefer-') or starts-with(@id,'cli-ban-')]");
    }

    /**
     * The prediction's final placement ("id role node" per active instance, sorted) against crm_mon
     * read by the lab's own XPath view.
     */
    static void assertPredictedEqualsActual(JsonNode plan, ClusterView actual) {
        JsonNode transitions = plan.get("prediction").get("transitions");
        Set<String> predicted = new TreeSet<>();
        List<String> predictedList = new ArrayList<>();
        for (JsonNode r : transitions.get(transitions.size() - 1).get("resources")) {
            for (JsonNode n : r.get("nodes")) {
                predictedList.add(r.get("id").asText() + " " + r.get("role").asText() + " " + n.asText());
            }
        }
        List<String> actualList = new ArrayList<>();
        for (ClusterView.Placement p : actual.resources()) {
            if (p.active()) {
                p.nodes().forEach(n -> actualList.add(p.id() + " " + p.role() + " " + n));
            }
        }
        predictedList.sort(null);
        actualList.sort(null);
        predicted.addAll(predictedList);
        assertFalse(predicted.isEmpty());
        assertEquals(predictedList, actualList);
    }

    /** The CIB's constraints section as cibadmin prints it on node1. */
    Document constraintsXml() {
        CommandResult r = lab.ssh("node1", Duration.ofSeconds(15), "cibadmin", "--query", "--scope", "constraints");
        assertEquals(0, r.exitCode(), r.stderr());
        return SafeXml.parse(r.stdout(), "constraints");
    }

    /** The action lines of the audit log, oldest first. */
    List<JsonNode> auditedActions() throws Exception {
        return auditLines().stream().filter(n -> "action".equals(n.path("type").asText())).toList();
    }

    /** The command lines of the audit log (the ones without a type), oldest first. */
    List<JsonNode> auditedCommands() throws Exception {
        return auditLines().stream().filter(n -> !n.has("type")).toList();
    }

    private List<JsonNode> auditLines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String l : Files.readAllLines(dataDir.resolve(AuditLog.FILE_NAME))) {
            lines.add(JSON.readTree(l));
        }
        return lines;
    }

    void hide(String tool) {
        for (String n : lab.nodes()) {
            lab.mountOver(n, "/dev/null", "/usr/sbin/" + tool);
        }
    }

    void unhide(String tool) {
        for (String n : lab.nodes()) {
            lab.unmount(n, "/usr/sbin/" + tool);
        }
    }

    /** A cluster property as crm_attribute reads it on node1. */
    String query(String name) {
        CommandResult r = lab.ssh("node1", Duration.ofSeconds(10), "crm_attribute", "--type", "crm_config", "--name",
                name, "--query", "--quiet");
        assertEquals(0, r.exitCode(), r.stderr());
        return r.stdout().strip();
    }

    /**
     * The fence test: refused without --i-understand; with it, the node running the stack is
     * rebooted through the fencer from the other node (planned and applied there, even when named
     * first), the stack recovered on the survivor as predicted, the fence in the survivor's history,
     * and the node back online after its reboot.
     *
     * @param spelling the command the plan shows for fencing a node, in the dialect the node has
     */
    void fenceTest(java.util.function.Function<String, String> spelling) throws Exception {
        String active = view().serviceNode();
        String survivor = lab.other(active);
        Run unacknowledged = cli("stonith", "fence", active, "--yes");
        assertEquals(1, unacknowledged.code(), unacknowledged.out());
        assertTrue(unacknowledged.err().contains(active + " will be rebooted at once, as if it had failed"),
                unacknowledged.err());
        assertEquals(active, view().serviceNode(), "nothing was fenced");

        Set<String> before = lab.successfulReboots(survivor, active);
        Run fenced = cli("stonith", "fence", active, "--yes", "--i-understand");
        assertEquals(0, fenced.code(), fenced.err() + fenced.out());
        JsonNode plan = fenced.json().get("plan");
        assertEquals(host(survivor), plan.get("node").asText(), "asked from the node that stays");
        assertEquals(spelling.apply(active), plan.get("commands").get(0).asText());
        assertTrue(fenced.json().get("asPredicted").asBoolean(), fenced.out());
        Set<String> after = lab.successfulReboots(survivor, active);
        after.removeAll(before);
        assertEquals(1, after.size(), "one more reboot of " + active + " in " + survivor + "'s history");
        ClusterView back = Lab.await(active + " online again, the stack on " + survivor, Duration.ofSeconds(90), () -> {
            ClusterView c = lab.clusterSeenFrom(survivor);
            return c != null && c.online().equals(Set.copyOf(lab.nodes())) && c.everythingActive()
                    && survivor.equals(c.serviceNode()) ? c : null;
        }, () -> lab.clusterSeenFrom(survivor));
        assertEquals(survivor, back.serviceNode());
    }
}
