package org.clusterdeck.cluster.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.xml.SafeXml;
import org.clusterdeck.transport.Command;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The fencing, resources and start steps' own commands, checks, verifications and undos, in each
 * dialect, run by this machine's Pacemaker 2.1.5, crmsh 4.4 and pcs 0.11 on a CIB file standing in
 * for the live cluster ({@code CIB_file}; {@code pcs -f}, since pcs ignores CIB_file), as
 * {@code SimulatedCluster} does for actions: a {@code crm_resource --wait} becomes crm_simulate
 * carrying out the transition, and the plan's fixed paths (the CIB backup and copy, crmsh's
 * configuration text) move into the test's directory. Everything else runs as the plan has it.
 * crmsh and pcs read the agents' metadata, so the spec fences with IPMI (fence-agents) and
 * resource-agents and drbd-utils must be installed, as .ci/run does.
 */
class SetupPlanCibTest {
    private static final NodeGeneration PCMK_2 = new NodeGeneration(false, "2.1.5", NodeGeneration.PackageManager.APT,
            1L << 30, 0);

    @TempDir
    Path dir;
    private Path live;

    @ParameterizedTest
    @ValueSource(strings = {"pacemaker", "crmsh", "pcs"})
    void fencingThenResourcesAreDoneVerifiedAndUndone(String dialect) throws Exception {
        SetupSpec spec = Specs.with("dialect: auto", "dialect: " + dialect);
        SetupPlan plan = SetupPlan.of(spec, Map.of("node1", PCMK_2, "node2", PCMK_2));
        live = emptyCib("live.xml");
        // what every dialect must make: the plain fragment, loaded by cibadmin
        Path plain = emptyCib("plain.xml");
        RealTools.ok(plain, "cibadmin", "--modify", "--scope", "configuration", "--xml-text",
                CibResources.fragment(spec, PCMK_2));

        SetupStep fencing = plan.step("fencing");
        assertTrue(anyFails(fencing.check().get("node1")), "not done before it ran");
        runAll(fencing.on("node1"));
        assertAllPass(fencing.check().get("node1"));
        assertAllPass(fencing.verification().get("node1"));

        SetupStep resources = plan.step("resources");
        assertTrue(anyFails(resources.check().get("node1")), "not done before it ran");
        runAll(resources.on("node1"));
        assertTrue(Files.exists(dir.resolve("clusterdeck-setup-cib-before.xml")), "the CIB's backup");
        assertEquals(configuration(plain), configuration(live), dialect + " makes what the plain fragment makes");
        assertAllPass(resources.check().get("node1"));
        SetupStep start = plan.step("start");
        assertTrue(anyFails(start.check().get("node1")), "nothing promoted or started yet");
        // what ocf:linbit:drbd sets once both disks are UpToDate, then the transition that follows
        for (String node : List.of("node1", "node2")) {
            RealTools.ok(live, "crm_attribute", "-N", node, "-n", "master-" + CibResources.drbdPrimitive(spec), "-v",
                    "10000", "-l", "reboot");
        }
        runAll(start.on("node1"));
        assertAllPass(start.check().get("node1"));
        assertAllPass(start.verification().get("node1"));

        // the verification's failover (FailoverProof): the node running the group goes to standby, the
        // group moves, the node comes back
        FailoverProof proof = plan.proof();
        String before = FailoverProof.runningOn(RealTools.ok(onFile(proof.locate())).stdout()).orElseThrow();
        runAll(List.of(proof.standby(before), proof.settle()));
        String after = FailoverProof.runningOn(RealTools.ok(onFile(proof.locate())).stdout()).orElseThrow();
        assertNotEquals(before, after, "the group moved away from the node in standby");
        runAll(List.of(proof.online(before), proof.settle()));
        assertEquals(after, FailoverProof.runningOn(RealTools.ok(onFile(proof.locate())).stdout()).orElseThrow(),
                "stickiness keeps it on the survivor");
        // the listing shows the same commands, with the node found at run time named by a stand-in
        assertTrue(plan.step("verification").on("node1").contains(proof.standby("ACTIVE_NODE")));

        runAll(resources.undo().get("node1"));
        for (String id : CibResources.dataIds(spec)) {
            assertNotEquals(0, RealTools.run(onFile(SetupCommands.cibHas(id))).exitCode(), id + " left behind");
        }
        assertAllPass(fencing.check().get("node1"));
        runAll(fencing.undo().get("node1"));
        for (String id : CibResources.fencingIds(spec)) {
            assertNotEquals(0, RealTools.run(onFile(SetupCommands.cibHas(id))).exitCode(), id + " left behind");
        }
        assertTrue(anyFails(fencing.check().get("node1")), "undone");
        // back where it started: nothing configured (crm_verify would say so too: no fence device)
        assertEquals("<resources/>", RealTools.ok(live, "cibadmin", "--query", "--scope", "resources").stdout().strip());
        assertEquals("<constraints/>", RealTools.ok(live, "cibadmin", "--query", "--scope", "constraints").stdout().strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"node1", "node2"})
    void theFenceTestsOnlineCheckReadsCrmMon(String node) throws Exception {
        live = emptyCib("live.xml");
        assertAllPass(List.of(SetupCommands.online(node)));
        RealTools.ok(null, "crm_simulate", "-x", live.toString(), "-d", node, "-S", "-O", live.toString());
        assertTrue(anyFails(List.of(SetupCommands.online(node))), node + " is down");
        assertTrue(anyFails(List.of(SetupCommands.online("node"))), "a prefix of a name is not that node");
    }

    /** An empty CIB that knows both nodes, online (crm_simulate's node_state). */
    private Path emptyCib(String name) throws Exception {
        Path cib = dir.resolve(name);
        Files.writeString(cib, RealTools.ok(null, "cibadmin", "--empty").stdout());
        RealTools.ok(null, "crm_simulate", "-x", cib.toString(), "-u", "node1", "-u", "node2", "-q", "1", "-S",
                "-O", cib.toString());
        return cib;
    }

    /**
     * The configuration's meaning, one sorted line per setting, without what each tool names on its
     * own: the ids of attribute sets, pairs and operations, and a colocation's default role.
     */
    private static List<String> configuration(Path cib) {
        Document doc = SafeXml.parse(RealTools.ok(cib, "cibadmin", "--query", "--scope", "configuration").stdout(),
                cib.toString());
        List<String> lines = new ArrayList<>();
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String owner = e.getParentNode() instanceof Element parent ? owner(parent) : "";
            switch (e.getTagName()) {
                case "nvpair" -> lines.add(owner + " " + e.getAttribute("name") + "=" + e.getAttribute("value"));
                case "op" -> lines.add(owner + " op " + e.getAttribute("name") + " interval=" + e.getAttribute("interval")
                        + " role=" + e.getAttribute("role") + " timeout=" + e.getAttribute("timeout"));
                case "primitive", "clone", "group" -> lines.add(e.getTagName() + " " + e.getAttribute("id") + " in "
                        + owner + " at " + position(e) + " " + e.getAttribute("class") + ":" + e.getAttribute("provider")
                        + ":" + e.getAttribute("type"));
                case "rsc_location", "rsc_colocation", "rsc_order" -> {
                    java.util.TreeMap<String, String> attributes = new java.util.TreeMap<>();
                    for (int a = 0; a < e.getAttributes().getLength(); a++) {
                        attributes.put(e.getAttributes().item(a).getNodeName(), e.getAttributes().item(a).getNodeValue());
                    }
                    attributes.remove("rsc-role", "Started");
                    lines.add(e.getTagName() + " " + attributes);
                }
                default -> {
                }
            }
        }
        java.util.Collections.sort(lines);
        return lines;
    }

    /** What a pair or operation belongs to: its resource, or the section its set is in. */
    private static String owner(Element set) {
        for (Element e = set; e != null; e = e.getParentNode() instanceof Element p ? p : null) {
            if (List.of("primitive", "clone", "group").contains(e.getTagName())) {
                return e.getTagName() + " " + e.getAttribute("id");
            }
            if (List.of("crm_config", "rsc_defaults", "op_defaults", "nodes", "resources").contains(e.getTagName())) {
                return e.getTagName();
            }
        }
        return "?";
    }

    /** A group member's place in its group (start order); 0 elsewhere. */
    private static int position(Element e) {
        if (!(e.getParentNode() instanceof Element p) || !p.getTagName().equals("group")) {
            return 0;
        }
        int n = 0;
        for (org.w3c.dom.Node c = p.getFirstChild(); c != null && c != e; c = c.getNextSibling()) {
            if (c instanceof Element x && x.getTagName().equals("primitive")) {
                n++;
            }
        }
        return n + 1;
    }

    private void runAll(List<Command> commands) throws Exception {
        for (Command c : commands) {
            if (c.argv().get(0).equals("crm_resource") && c.argv().get(1).equals("--wait")) {
                settle();
            } else if (c.argv().get(0).equals("crm_resource") && c.argv().get(1).equals("--cleanup")) {
                // asks the controller to forget failures: a CIB file has neither (and 2.1.5's tool crashes on one)
                continue;
            } else {
                RealTools.ok(onFile(c));
            }
        }
    }

    private void assertAllPass(List<Command> checks) {
        for (Command c : checks) {
            var r = RealTools.run(onFile(c));
            assertEquals(0, r.exitCode(), c.display() + "\n" + r.stdout() + r.stderr());
        }
    }

    private boolean anyFails(List<Command> checks) {
        return checks.stream().anyMatch(c -> RealTools.run(onFile(c)).exitCode() != 0);
    }

    /**
     * The command against the test's files: the live CIB unless it names the copy itself; pcs, which
     * ignores CIB_file, is told the live one with -f as it is told the copy.
     */
    private Command onFile(Command c) {
        List<String> argv = new ArrayList<>();
        for (String a : c.argv()) {
            argv.add(a.replace(SetupPlan.CIB_BACKUP, dir.resolve("clusterdeck-setup-cib-before.xml").toString())
                    .replace(SetupPlan.CIB_COPY, dir.resolve("clusterdeck-setup-cib-staged.xml").toString())
                    .replace(StackDialect.CRM_FENCING, dir.resolve("fencing.crm").toString())
                    .replace(StackDialect.CRM_STACK, dir.resolve("stack.crm").toString()));
        }
        if (argv.get(0).equals("pcs") && !argv.get(1).equals("-f")) {
            argv.addAll(1, List.of("-f", live.toString()));
        }
        String cibFile = c.env().containsKey("CIB_file")
                ? dir.resolve("clusterdeck-setup-cib-staged.xml").toString() : live.toString();
        return new Command(argv, Map.of("CIB_file", cibFile), c.stdin(), c.timeout());
    }

    private void settle() throws Exception {
        Path next = dir.resolve("next.xml");
        for (int i = 0; i < 3; i++) {
            RealTools.ok(null, "crm_simulate", "-x", live.toString(), "-S", "-O", next.toString());
            Files.move(next, live, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
