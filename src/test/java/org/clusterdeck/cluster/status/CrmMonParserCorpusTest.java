package org.clusterdeck.cluster.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.clusterdeck.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Node;

/**
 * Every crm_mon file of the corpus, both flavours, parsed and compared with an independent
 * XPath reading of the same file.
 */
class CrmMonParserCorpusTest {
    /** Pacemaker's action names that contain an underscore (PCMK_ACTION_* and notify keys). */
    private static final List<String> MULTI_WORD_ACTIONS = List.of(
            "migrate_from", "migrate_to", "pre_notify_start", "post_notify_start",
            "pre_notify_stop", "post_notify_stop", "pre_notify_promote", "post_notify_promote",
            "pre_notify_demote", "post_notify_demote");

    static Stream<Path> files() {
        return Stream.concat(Corpus.files("pacemaker/crm_mon", ".xml").stream(),
                Corpus.files("pacemaker/crm_mon-legacy", ".xml").stream());
    }

    @Test
    void corpusHasBothFlavoursComplete() {
        assertEquals(715, Corpus.files("pacemaker/crm_mon", ".xml").size());
        assertEquals(715, Corpus.files("pacemaker/crm_mon-legacy", ".xml").size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void agreesWithXPath(Path file) {
        assertAgreesWithXPath(Corpus.read(file), file.getParent().getFileName() + "/" + file.getFileName());
    }

    /** Parses the text and checks the model field by field against XPath on the same text. */
    static void assertAgreesWithXPath(String text, String source) {
        CrmMonXPath x = new CrmMonXPath(text);

        if (!x.has("/*/summary")) {
            PacemakerResultError e = assertThrows(PacemakerResultError.class, () -> CrmMonParser.parse(text, source));
            List<String> expected = x.nodes("/pacemaker-result/status/errors/error").stream()
                    .map(n -> n.getTextContent().trim()).toList();
            assertEquals(expected, e.errors());
            assertTrue(e.getMessage().startsWith(source + ": "), e.getMessage());
            return;
        }
        ClusterStatus s = CrmMonParser.parse(text, source);
        assertEquals(x.string("/*/summary/current_dc/@name"), nullToEmpty(s.summary().dcName()));
        assertEquals(x.string("/*/summary/current_dc/@version"), nullToEmpty(s.summary().pacemakerVersion()));
        assertEquals(x.string("/*/summary/cluster_options/@no-quorum-policy"),
                nullToEmpty(s.summary().options().noQuorumPolicy()));
        String fencing = x.has("/*/summary/cluster_options/@fencing-enabled")
                ? x.string("/*/summary/cluster_options/@fencing-enabled")
                : x.string("/*/summary/cluster_options/@stonith-enabled");
        assertEquals(fencing, String.valueOf(s.summary().options().fencingEnabled()));
        assertEquals(x.string("/*/summary/nodes_configured/@number"), String.valueOf(s.summary().nodesConfigured()));

        checkNodes(x, s);
        checkResources(x, s);
        checkFailures(x, s);
        List<String> bans = x.nodes("/*/bans/ban").stream().map(b -> x.string(b, "@id") + " " + x.string(b, "@resource")
                + " " + x.string(b, "@node") + " " + x.string(b, "@weight") + " "
                + (x.string(b, "@promoted-only").equals("true") || x.string(b, "@master_only").equals("true"))).toList();
        assertEquals(bans, s.bans().stream().map(b -> b.id() + " " + b.resource() + " " + b.node() + " " + b.weight()
                + " " + b.promotedOnly()).toList());
        List<String> tickets = x.nodes("/*/tickets/ticket").stream()
                .map(t -> x.string(t, "@id") + " " + x.string(t, "@status") + " " + x.string(t, "@standby")).toList();
        assertEquals(tickets, s.tickets().stream().map(t -> t.id() + " " + t.status() + " " + t.standby()).toList());
        assertEquals(x.nodes("/*/fence_history/fence_event").size(), s.fenceHistory().size());
    }

    private static void checkNodes(CrmMonXPath x, ClusterStatus s) {
        List<Node> nodes = x.nodes("/*/nodes/node");
        assertEquals(nodes.size(), s.nodes().size());
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            ClusterNode m = s.nodes().get(i);
            String name = x.string(n, "@name");
            assertEquals(name, m.name());
            assertEquals(x.string(n, "@online"), String.valueOf(m.online()), name);
            assertEquals(x.string(n, "@standby"), String.valueOf(m.standby()), name);
            assertEquals(x.string(n, "@maintenance"), String.valueOf(m.maintenance()), name);
            assertEquals(x.string(n, "@is_dc"), String.valueOf(m.dc()), name);
            assertEquals(x.string(n, "@unclean"), String.valueOf(m.unclean()), name);
            assertEquals(x.string(n, "@pending"), String.valueOf(m.pending()), name);
            assertEquals(x.string(n, "@shutdown"), String.valueOf(m.shutdown()), name);
            assertEquals(x.string(n, "@type"), m.type(), name);
            assertEquals(x.string(n, "@resources_running"), String.valueOf(m.resourcesRunning()), name);
            Map<String, String> attrs = new HashMap<>();
            for (Node a : x.nodes("/*/node_attributes/node[@name='" + name + "']/attribute")) {
                attrs.put(x.string(a, "@name"), x.string(a, "@value"));
            }
            assertEquals(attrs, m.attributes(), name);
        }
    }

    private static void checkResources(CrmMonXPath x, ClusterStatus s) {
        List<Node> resources = x.nodes("/*/resources//resource");
        assertEquals(resources.size(), s.resources().size());
        for (int i = 0; i < resources.size(); i++) {
            Node r = resources.get(i);
            Resource m = s.resources().get(i);
            String id = x.string(r, "@id");
            assertEquals(id, m.id());
            assertEquals(x.string(r, "@resource_agent"), m.agent(), id);
            assertEquals(CrmMonXPath.role(x.string(r, "@role")), m.role(), id);
            assertEquals(x.string(r, "@managed"), String.valueOf(m.managed()), id);
            assertEquals(x.string(r, "@failed"), String.valueOf(m.failed()), id);
            assertEquals(x.string(r, "@active"), String.valueOf(m.active()), id);
            assertEquals(x.string(r, "@orphaned").equals("true") || x.string(r, "@removed").equals("true"),
                    m.removed(), id);
            List<String> onNodes = new ArrayList<>(x.nodes(r, "node/@name").stream().map(Node::getNodeValue).toList());
            onNodes.sort(null);
            assertEquals(onNodes, m.nodes(), id);
            String parent = x.string(r, "ancestor::*[self::group or self::clone or self::bundle][1]/@id");
            assertEquals(parent.isEmpty() ? null : parent, m.parent(), id);
        }
    }

    private static void checkFailures(CrmMonXPath x, ClusterStatus s) {
        List<Node> failures = x.nodes("/*/failures/failure");
        assertEquals(failures.size(), s.failures().size());
        for (int i = 0; i < failures.size(); i++) {
            Node f = failures.get(i);
            Failure m = s.failures().get(i);
            String key = x.attrOrNull(f, "op_key") != null ? x.attrOrNull(f, "op_key") : x.attrOrNull(f, "id");
            assertEquals(key, m.opKey());
            assertEquals(x.string(f, "@node"), m.node(), key);
            String reason = x.string(f, "@exitreason");
            assertEquals(reason.isEmpty() || reason.equals("none") ? null : reason, m.exitReason(), key);
            assertEquals(x.string(f, "@exitcode"), String.valueOf(m.exitCode()), key);
            String task = x.attrOrNull(f, "task");
            if (task != null) {
                String suffix = "_" + task + "_" + x.string(f, "@interval");
                assertTrue(key.endsWith(suffix), key);
                assertEquals(key.substring(0, key.length() - suffix.length()), m.resource(), key);
                assertEquals(task, m.operation(), key);
            } else {
                String[] expected = splitWithoutTask(key);
                assertEquals(expected[0], m.resource(), key);
                assertEquals(expected[1], m.operation(), key);
            }
        }
    }

    /** Resource and action of a key: a known multi-word action, else the last word before the interval. */
    private static String[] splitWithoutTask(String key) {
        String withoutInterval = key.substring(0, key.lastIndexOf('_'));
        for (String action : MULTI_WORD_ACTIONS) {
            if (withoutInterval.endsWith("_" + action)) {
                return new String[] {withoutInterval.substring(0, withoutInterval.length() - action.length() - 1), action};
            }
        }
        int cut = withoutInterval.lastIndexOf('_');
        return new String[] {withoutInterval.substring(0, cut), withoutInterval.substring(cut + 1)};
    }

    /** Both flavours of the same snapshot give the same contract JSON and the same summary. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("newFlavour")
    void legacyFlavourGivesSameContract(Path file) throws Exception {
        Path legacy = Corpus.path("pacemaker/crm_mon-legacy").resolve(file.getFileName());
        String text = Corpus.read(file);
        if (!new CrmMonXPath(text).has("/*/summary")) {
            assertThrows(PacemakerResultError.class, () -> CrmMonParser.parse(Corpus.read(legacy), legacy.toString()));
            return;
        }
        ClusterStatus modern = CrmMonParser.parse(text, file.toString());
        ClusterStatus old = CrmMonParser.parse(Corpus.read(legacy), legacy.toString());
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.writeValueAsString(modern), json.writeValueAsString(old));
        assertEquals(Summary.OutputFormat.PACEMAKER_RESULT, modern.summary().format());
        assertEquals(Summary.OutputFormat.LEGACY, old.summary().format());
        // Differences a reader must expect: the format fields and when each file was generated.
        assertEquals(withoutTimeAndFormat(modern.summary()), withoutTimeAndFormat(old.summary()));
        assertEquals(modern.bans(), old.bans());
        assertEquals(modern.tickets(), old.tickets());
        assertEquals(modern.nodes(), old.nodes());
        assertEquals(modern.resources(), old.resources());
        assertEquals(modern.failures(), old.failures());
    }

    static Stream<Path> newFlavour() {
        return Corpus.files("pacemaker/crm_mon", ".xml").stream();
    }

    private static Summary withoutTimeAndFormat(Summary s) {
        return new Summary(null, null, s.stack(), s.dcPresent(), s.dcName(), s.dcId(), s.pacemakerVersion(),
                s.quorum(), null, s.lastChange(), s.lastChangeUser(), s.lastChangeClient(), s.lastChangeOrigin(),
                s.nodesConfigured(), s.resourcesConfigured(), s.resourcesDisabled(), s.resourcesBlocked(), s.options());
    }

    @Test
    void jsonIsExactlyTheContract() throws Exception {
        ClusterStatus s = CrmMonParser.parse(Corpus.read("pacemaker/crm_mon/bundle-order-fencing.xml"), "t");
        var tree = new ObjectMapper().valueToTree(s);
        assertEquals(List.of("nodes", "resources", "failures"), fieldNames(tree));
        assertEquals(List.of("name", "online", "standby", "maintenance", "dc"), fieldNames(tree.get("nodes").get(0)));
        assertEquals(List.of("id", "agent", "role", "nodes", "parent", "managed", "failed"),
                fieldNames(tree.get("resources").get(0)));
        assertEquals(List.of("resource", "node", "operation", "exitReason"), fieldNames(tree.get("failures").get(0)));
        // A top-level resource has a parent of null, written out, not left away.
        assertTrue(new ObjectMapper().writeValueAsString(s).contains("\"parent\":null"));
        // crm_mon's placeholder "none" means the agent gave no reason: JSON null, not the word.
        assertTrue(tree.get("failures").get(0).get("exitReason").isNull());
    }

    @Test
    void exitReasonIsKeptWhenTheAgentGaveOne() throws Exception {
        ClusterStatus s = CrmMonParser.parse(Corpus.read("pacemaker/crm_mon/bundle-connection-with-container.xml"), "t");
        String json = new ObjectMapper().writeValueAsString(s.failures().get(0));
        assertEquals("{\"resource\":\"httpd-bundle-0\",\"node\":\"rhel8-1\",\"operation\":\"monitor\","
                + "\"exitReason\":\"Lost connection to remote executor\"}", json);
    }

    private static List<String> fieldNames(com.fasterxml.jackson.databind.JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
