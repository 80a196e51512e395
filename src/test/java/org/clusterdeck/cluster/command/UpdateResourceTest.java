package org.clusterdeck.cluster.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clusterdeck.cluster.software.NodeSoftware;
import org.clusterdeck.cluster.xml.Elements;
import org.clusterdeck.cluster.xml.SafeXml;
import org.clusterdeck.cluster.xml.XmlWriter;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.LocalProcessRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * An edit of an existing primitive in each dialect, made by the real cibadmin, crmsh and pcs on a
 * CIB file: all three leave the same primitive (by meaning; pcs names a replaced operation its own
 * way), in its group at its place, and the plain tools and crmsh exactly the XML the plan showed.
 */
class UpdateResourceTest {
    private static final String HOSTILE = "a'b\"c $(reboot) `id`; x & <y> #z \\\\ --force";

    @TempDir
    Path dir;

    /** A group of two Dummies and a fence device. */
    private CibFile cib() throws Exception {
        CibFile cib = CibFile.empty(dir, "cib" + System.nanoTime());
        cib.create("resources", "<group id=\"g\">"
                + "<primitive id=\"d\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\">"
                + "<instance_attributes id=\"d-instance_attributes\">"
                + "<nvpair id=\"d-instance_attributes-fake\" name=\"fake\" value=\"1\"/>"
                + "<nvpair id=\"d-instance_attributes-state\" name=\"state\" value=\"/run/d.state\"/>"
                + "</instance_attributes><operations>"
                + "<op id=\"d-monitor-interval-10s\" name=\"monitor\" interval=\"10s\" timeout=\"20s\" on-fail=\"restart\"/>"
                + "<op id=\"d-start-interval-0s\" name=\"start\" interval=\"0s\" timeout=\"20s\"/>"
                + "</operations></primitive>"
                + "<primitive id=\"e\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"/></group>");
        cib.create("resources", "<primitive id=\"st\" class=\"stonith\" type=\"fence_virsh\"><instance_attributes id=\"st-ia\">"
                + "<nvpair id=\"st-ia-ip\" name=\"ip\" value=\"10.0.0.9\"/>"
                + "<nvpair id=\"st-ia-username\" name=\"username\" value=\"root\"/></instance_attributes>"
                + "</primitive>");
        return cib;
    }

    private static PrimitiveEdit edit() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("fake", HOSTILE);
        params.put("state", "");
        params.put("op_sleep", "2");
        return new PrimitiveEdit(params, Map.of("resource-stickiness", "5"),
                List.of(new NewPrimitive.Op("monitor", "30s", null, "25s")));
    }

    /** The edit as the plan makes it, from the CIB as it is. */
    private static ClusterAction.UpdateResource planned(CibFile cib, String id, PrimitiveEdit edit) throws Exception {
        PrimitiveEdit.Result r = edit.applyTo(cib.text(), id, "test CIB");
        return new ClusterAction.UpdateResource(id, edit, r.before(), r.after(), r.fenceDevice());
    }

    /** Each dialect's commands run on a copy of the CIB, as the plan stages them; the copy after. */
    private CibFile applied(String dialect, String id, PrimitiveEdit edit) throws Exception {
        CibFile cib = cib();
        cib.apply(dialect, planned(cib, id, edit));
        return cib;
    }

    private static Element primitive(CibFile cib, String id) throws Exception {
        NodeList all = SafeXml.parse(cib.text(), "cib").getElementsByTagName("primitive");
        for (int i = 0; i < all.getLength(); i++) {
            if (id.equals(((Element) all.item(i)).getAttribute("id"))) {
                return (Element) all.item(i);
            }
        }
        throw new AssertionError("no primitive " + id);
    }

    /** What the primitive means, ids aside: agent, parameters, meta attributes, operations, and where it is. */
    private static String meaning(Element p) {
        List<String> parts = new ArrayList<>(List.of(p.getAttribute("class") + ":" + p.getAttribute("type"),
                ((Element) p.getParentNode()).getTagName() + " " + Elements.children((Element) p.getParentNode())
                        .stream().map(e -> e.getAttribute("id")).toList()));
        for (String set : List.of("instance_attributes", "meta_attributes")) {
            Map<String, String> pairs = new TreeMap<>();
            Elements.children(p, set).forEach(s -> Elements.children(s, "nvpair")
                    .forEach(nv -> pairs.put(nv.getAttribute("name"), nv.getAttribute("value"))));
            parts.add(set + " " + pairs);
        }
        Elements.child(p, "operations").ifPresent(ops -> Elements.children(ops, "op").forEach(op -> {
            Map<String, String> settings = new TreeMap<>();
            for (int i = 0; i < op.getAttributes().getLength(); i++) {
                var a = op.getAttributes().item(i);
                if (!a.getNodeName().equals("id")) {
                    settings.put(a.getNodeName(), a.getNodeValue());
                }
            }
            parts.add("op " + settings);
        }));
        return String.join("\n", parts);
    }

    @Test
    void theThreeDialectsLeaveTheSamePrimitiveInItsGroupAtItsPlace() throws Exception {
        String plain = meaning(primitive(applied("pacemaker", "d", edit()), "d"));
        assertEquals("ocf:Dummy\ngroup [d, e]\ninstance_attributes {fake=" + HOSTILE + ", op_sleep=2}\n"
                + "meta_attributes {resource-stickiness=5}\n"
                + "op {interval=30s, name=monitor, timeout=25s}\nop {interval=0s, name=start, timeout=20s}", plain);
        assertEquals(plain, meaning(primitive(applied("crmsh", "d", edit()), "d")));
        assertEquals(plain, meaning(primitive(applied("pcs", "d", edit()), "d")));
    }

    /** The window's form keeps an operation's other settings when it changes its interval: every dialect writes them. */
    @Test
    void anOperationsOtherSettingsGoWithItInEveryDialect() throws Exception {
        PrimitiveEdit keep = new PrimitiveEdit(Map.of(), Map.of(),
                List.of(new NewPrimitive.Op("monitor", "30s", null, "25s", Map.of("on-fail", "block"))));
        String plain = meaning(primitive(applied("pacemaker", "d", keep), "d"));
        assertTrue(plain.contains("\nop {interval=30s, name=monitor, on-fail=block, timeout=25s}\n"), plain);
        assertEquals(plain, meaning(primitive(applied("crmsh", "d", keep), "d")));
        assertEquals(plain, meaning(primitive(applied("pcs", "d", keep), "d")));
    }

    @Test
    void thePlainToolsAndCrmshLoadExactlyTheXmlThePlanShows() throws Exception {
        String planned = planned(cib(), "d", edit()).after();
        for (String dialect : List.of("pacemaker", "crmsh")) {
            Element landed = primitive(applied(dialect, "d", edit()), "d");
            assertEquals(planned, XmlWriter.compact(landed).replaceAll(">\\s+<", "><"), dialect);
            assertEquals("d-monitor-interval-30s", landed.getElementsByTagName("op").item(0).getAttributes()
                    .getNamedItem("id").getNodeValue(), dialect);
            assertEquals("d-instance_attributes-op_sleep", ((Element) landed.getElementsByTagName("nvpair").item(1))
                    .getAttribute("id"), dialect);
        }
    }

    @Test
    void eachDialectSpellsItAsItsAdminsTypeIt() throws Exception {
        ClusterAction.UpdateResource u = planned(cib(), "d", edit());
        String plain = CommandDialect.forNode("pacemaker", CibFile.BOTH).commands(u).get(0).display();
        assertTrue(plain.startsWith("cibadmin --replace --scope resources --xml-pipe <<'END'\n<primitive class=\"ocf\" id=\"d\""),
                plain);
        assertEquals("crm configure load xml update - <<'END'\n<cib><configuration><resources>" + u.after()
                + "</resources></configuration></cib>\nEND", CommandDialect.forNode("crmsh", CibFile.BOTH).commands(u).get(0).display());
        assertEquals("pcs resource update d 'fake=a'\\''b\"c $(reboot) `id`; x & <y> #z \\\\ --force' state= op_sleep=2"
                + " op monitor interval=30s timeout=25s meta resource-stickiness=5",
                CommandDialect.forNode("pcs", CibFile.BOTH).commands(u).get(0).display());
        assertEquals("change d: fake=" + HOSTILE + ", remove state, op_sleep=2, meta resource-stickiness=5,"
                + " op monitor interval=30s timeout=25s", u.describe());
    }

    @Test
    void theDiffShowsWhatGoesAndWhatComes() throws Exception {
        List<String> diff = planned(cib(), "d", edit()).diff();
        assertTrue(diff.contains("-     <nvpair id=\"d-instance_attributes-state\" name=\"state\" value=\"/run/d.state\"/>"),
                String.join("\n", diff));
        assertTrue(diff.contains("+     <nvpair id=\"d-instance_attributes-op_sleep\" name=\"op_sleep\" value=\"2\"/>"),
                String.join("\n", diff));
        assertTrue(diff.contains("-     <op id=\"d-monitor-interval-10s\" interval=\"10s\" name=\"monitor\" on-fail=\"restart\""
                + " timeout=\"20s\"/>"), String.join("\n", diff));
        assertTrue(diff.contains("      <op id=\"d-start-interval-0s\" interval=\"0s\" name=\"start\" timeout=\"20s\"/>"),
                String.join("\n", diff));
        assertEquals(1, diff.stream().filter(l -> l.startsWith("+ ") && l.contains("<meta_attributes")).count());
    }

    @Test
    void aFenceDeviceIsPcssStonithUpdateAndLandsTheSame() throws Exception {
        PrimitiveEdit hosts = new PrimitiveEdit(Map.of("pcmk_host_list", "node1 node2", "ip", "10.0.0.8"), Map.of(),
                List.of(new NewPrimitive.Op("monitor", "60s", null, null)));
        ClusterAction.UpdateResource u = planned(cib(), "st", hosts);
        assertTrue(u.fenceDevice());
        assertTrue(CommandDialect.forNode("pcs", CibFile.BOTH).commands(u).get(0).display().startsWith("pcs stonith update st "));
        String plain = meaning(primitive(applied("pacemaker", "st", hosts), "st"));
        assertTrue(plain.contains("{ip=10.0.0.8, pcmk_host_list=node1 node2, username=root}"), plain);
        assertEquals(plain, meaning(primitive(applied("pcs", "st", hosts), "st")));
        assertEquals(plain, meaning(primitive(applied("crmsh", "st", hosts), "st")));
    }

    /** The meta attributes of the element with this id, by name, and what it holds, by id. */
    private static String metaAndMembers(CibFile cib, String id) throws Exception {
        NodeList all = SafeXml.parse(cib.text(), "cib").getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) {
                Map<String, String> pairs = new TreeMap<>();
                Elements.children(e, "meta_attributes").forEach(set -> Elements.children(set, "nvpair")
                        .forEach(nv -> pairs.put(nv.getAttribute("name"), nv.getAttribute("value"))));
                List<String> members = new ArrayList<>();
                // each member's meaning without the line saying where it is (its parent's children, sets included)
                Elements.children(e, "primitive").forEach(m -> members.add(meaning(m).replaceFirst("\n[^\n]*", "")));
                return e.getTagName() + " " + pairs + " " + members;
            }
        }
        throw new AssertionError("no " + id);
    }

    /** A group's and a clone's meta attributes set and removed: the same in the three dialects, their members untouched. */
    @Test
    void aGroupsAndACloneMetaAttributesInEveryDialect() throws Exception {
        Map<String, String> results = new java.util.LinkedHashMap<>();
        for (String dialect : List.of("pacemaker", "crmsh", "pcs")) {
            CibFile cib = cib();
            cib.create("resources", "<clone id=\"c\"><meta_attributes id=\"c-meta_attributes\">"
                    + "<nvpair id=\"c-meta_attributes-interleave\" name=\"interleave\" value=\"true\"/></meta_attributes>"
                    + "<primitive id=\"cd\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"/></clone>");
            String members = metaAndMembers(cib, "g");
            cib.apply(dialect, planned(cib, "g", new PrimitiveEdit(Map.of(), Map.of("resource-stickiness", "100"), List.of())));
            cib.apply(dialect, planned(cib, "c", new PrimitiveEdit(Map.of(), orderedMap("clone-max", "1", "interleave", ""),
                    List.of())));
            cib.verified();
            assertEquals(members.replace("group {}", "group {resource-stickiness=100}"), metaAndMembers(cib, "g"), dialect);
            results.put(dialect, metaAndMembers(cib, "g") + "\n" + metaAndMembers(cib, "c"));
        }
        assertTrue(results.get("pacemaker").endsWith("\nclone {clone-max=1} [ocf:Dummy\ninstance_attributes {}\n"
                + "meta_attributes {}]"), results.get("pacemaker"));
        assertEquals(results.get("pacemaker"), results.get("crmsh"));
        assertEquals(results.get("pacemaker"), results.get("pcs"));
        assertEquals(List.of("resource", "meta", "g", "resource-stickiness=100"), CommandDialect.forNode("pcs", CibFile.BOTH)
                .commands(planned(cib(), "g", new PrimitiveEdit(Map.of(), Map.of("resource-stickiness", "100"), List.of())))
                .get(0).argv().subList(1, 5));
        InvalidInputException params = assertThrows(InvalidInputException.class,
                () -> planned(cib(), "g", new PrimitiveEdit(Map.of("fake", "1"), Map.of(), List.of())));
        assertTrue(params.getMessage().contains("parameters and operations are its primitives'"), params.getMessage());
    }

    /**
     * Undo: a meta attribute set and removed again leaves the group as it was, no empty set behind;
     * but pcs, which keeps the set it emptied (at the group's end).
     */
    @Test
    void aMetaAttributeSetAndRemovedAgainLeavesTheGroupAsItWas() throws Exception {
        for (String dialect : List.of("pacemaker", "crmsh", "pcs")) {
            CibFile cib = cib();
            String before = group(cib);
            cib.apply(dialect, planned(cib, "g", new PrimitiveEdit(Map.of(), Map.of("resource-stickiness", "100"), List.of())));
            assertTrue(group(cib).contains("resource-stickiness"), dialect);
            cib.apply(dialect, planned(cib, "g", new PrimitiveEdit(Map.of(), Map.of("resource-stickiness", ""), List.of())));
            String pcsLeaves = "<meta_attributes id=\"g-meta_attributes\"/></group>";
            assertEquals(dialect.equals("pcs") ? before.replace("</group>", pcsLeaves) : before, group(cib), dialect);
        }
    }

    /** The group's XML as the CIB has it, layout whitespace aside. */
    private static String group(CibFile cib) throws Exception {
        NodeList groups = SafeXml.parse(cib.text(), "cib").getElementsByTagName("group");
        return XmlWriter.compact((Element) groups.item(0)).replaceAll(">\\s+<", "><");
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void refusedBeforeAnyToolRuns() throws Exception {
        CibFile cib = cib();
        PrimitiveEdit removeUnset = new PrimitiveEdit(Map.of("op_sleep", ""), Map.of(), List.of());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> planned(cib, "d", removeUnset));
        assertTrue(e.getMessage().contains("d does not set it: nothing to remove"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> planned(cib, "g", removeUnset));
        assertThrows(InvalidInputException.class, () -> new PrimitiveEdit(Map.of(), Map.of(), List.of()));
        assertThrows(InvalidInputException.class, () -> new PrimitiveEdit(Map.of("fake", "a\nb"), Map.of(), List.of()));
    }

    @Test
    void anOperationOfARoleReplacesThatRolesOnlyAndPcsIsRefusedWhereItWouldPickAnother() throws Exception {
        CibFile cib = cib();
        cib.create("resources", "<primitive id=\"s\" class=\"ocf\" provider=\"pacemaker\" type=\"Stateful\"><operations>"
                        + "<op id=\"s-monitor-11s\" name=\"monitor\" interval=\"11s\" role=\"Slave\"/>"
                        + "<op id=\"s-monitor-10s\" name=\"monitor\" interval=\"10s\" role=\"Master\"/>"
                        + "</operations></primitive>");
        PrimitiveEdit promoted = new PrimitiveEdit(Map.of(), Map.of(),
                List.of(new NewPrimitive.Op("monitor", "5s", "Promoted", "30s")));
        ClusterAction.UpdateResource u = planned(cib, "s", promoted);
        assertTrue(u.after().contains("<op id=\"s-monitor-11s\" interval=\"11s\" name=\"monitor\" role=\"Slave\"/>"
                + "<op id=\"s-monitor-interval-5s-Promoted\" interval=\"5s\" name=\"monitor\" role=\"Promoted\""
                + " timeout=\"30s\"/>"), u.after());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> CommandDialect.forNode("pcs", CibFile.BOTH).commands(u));
        assertTrue(e.getMessage().contains("pcs replaces the first of them"), e.getMessage());

        cib.create("resources", "<primitive id=\"t\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"><operations>"
                        + "<op id=\"t-monitor-10s\" name=\"monitor\" interval=\"10s\"/>"
                        + "<op id=\"t-monitor-60s\" name=\"monitor\" interval=\"60s\"/></operations></primitive>");
        InvalidInputException twice = assertThrows(InvalidInputException.class, () -> planned(cib, "t",
                new PrimitiveEdit(Map.of(), Map.of(), List.of(new NewPrimitive.Op("monitor", "5s", null, null)))));
        assertTrue(twice.getMessage().contains("t has 2 monitor operations (intervals 10s, 60s)"), twice.getMessage());
    }

    @Test
    void newSetsAndPairsGetIdsTheCibDoesNotHaveYet() throws Exception {
        CibFile cib = cib();
        // the id a new meta set of e would take is already someone else's
        cib.create("resources", "<primitive id=\"x\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\">"
                + "<meta_attributes id=\"e-meta_attributes\"/></primitive>");
        ClusterAction.UpdateResource u = planned(cib, "e", new PrimitiveEdit(Map.of("fake", "2"),
                Map.of("target-role", "Stopped"), List.of()));
        assertTrue(u.after().contains("<meta_attributes id=\"e-meta_attributes-1\"><nvpair"
                + " id=\"e-meta_attributes-1-target-role\""), u.after());
        assertTrue(u.after().startsWith("<primitive class=\"ocf\" id=\"e\" provider=\"pacemaker\" type=\"Dummy\">"
                + "<instance_attributes id=\"e-instance_attributes\"><nvpair id=\"e-instance_attributes-fake\""), u.after());
        cib.apply("pacemaker", u);
        assertEquals("e-meta_attributes-1", primitive(cib, "e").getElementsByTagName("meta_attributes").item(0)
                .getAttributes().getNamedItem("id").getNodeValue());
        cib.verified();
    }
}
