package org.clusterdeck.cluster.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group membership changed by the real cibadmin, crmsh and pcs on a CIB file, each from the plan
 * made on it: the three leave the same groups with the same members in the same order, and the
 * plain tools exactly the resources section the plan showed.
 */
class GroupEditTest {

    @TempDir
    Path dir;

    /** g = [a, b, c], d and e on their own, a clone of f, a location constraint on g. */
    private CibFile cib(String name) throws Exception {
        CibFile cib = CibFile.empty(dir, name);
        cib.create("resources", "<group id=\"g\">" + dummy("a") + dummy("b") + dummy("c") + "</group>");
        cib.create("resources", dummy("d"));
        cib.create("resources", dummy("e"));
        cib.create("resources", "<clone id=\"f-clone\">" + dummy("f") + "</clone>");
        cib.create("constraints", "<rsc_location id=\"l_g\" rsc=\"g\" node=\"n1\" score=\"10\"/>");
        return cib;
    }

    static String dummy(String id) {
        return "<primitive id=\"" + id + "\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"/>";
    }

    /** The plan's edit made on the CIB file, then the dialect's commands run on it as staged. */
    private static ClusterAction run(String dialect, CibFile cib, ClusterAction asked) throws Exception {
        String text = cib.text();
        ClusterAction planned = asked instanceof ClusterAction.GroupAdd g
                ? new ClusterAction.GroupAdd(g.group(), g.resources(), g.before(), g.after(), GroupEdit.add(text, "test",
                        g.group(), g.resources(), g.before() != null ? g.before() : g.after(), g.before() != null))
                : new ClusterAction.GroupRemove(((ClusterAction.GroupRemove) asked).group(),
                        ((ClusterAction.GroupRemove) asked).resources(), GroupEdit.remove(text, "test",
                                ((ClusterAction.GroupRemove) asked).group(), ((ClusterAction.GroupRemove) asked).resources()));
        cib.apply(dialect, planned);
        return planned;
    }

    private String everyDialect(ClusterAction... steps) throws Exception {
        return CibFile.sameInEveryDialect(this::cib, java.util.Arrays.stream(steps)
                .map(step -> (CibFile.Step) (dialect, cib) -> run(dialect, cib, step)).toArray(CibFile.Step[]::new));
    }

    @Test
    void aNewGroupTakesResourcesFromTheTopLevelAndFromAnotherGroupInTheOrderGiven() throws Exception {
        assertEquals("d f-clone[f] g[b, c] h[e, a]",
                everyDialect(new ClusterAction.GroupAdd("h", List.of("e", "a"), null, null)));
    }

    @Test
    void intoAnExistingGroupBeforeOrAfterAMember() throws Exception {
        assertEquals("e f-clone[f] g[a, d, b, c]", everyDialect(new ClusterAction.GroupAdd("g", List.of("d"), "b", null)));
        assertEquals("f-clone[f] g[a, b, d, e, c]",
                everyDialect(new ClusterAction.GroupAdd("g", List.of("d", "e"), null, "b")));
        assertEquals("d f-clone[f] g[a, b, c, e]", everyDialect(new ClusterAction.GroupAdd("g", List.of("e"), null, null)));
    }

    @Test
    void membersAlreadyInTheGroupAreReordered() throws Exception {
        assertEquals("d e f-clone[f] g[c, a, b]", everyDialect(new ClusterAction.GroupAdd("g", List.of("c"), "a", null)));
        assertEquals("d e f-clone[f] g[b, a, c]", everyDialect(new ClusterAction.GroupAdd("g", List.of("a"), null, "b")));
    }

    @Test
    void membersTakenOutGoToTheTopLevelAndTheLastOnesTakeTheGroupWithThem() throws Exception {
        assertEquals("b d e f-clone[f] g[a, c]", everyDialect(new ClusterAction.GroupRemove("g", List.of("b"))));
        // a group no constraint names: the new one
        assertEquals("a d e f-clone[f] g[b, c]", everyDialect(new ClusterAction.GroupAdd("h", List.of("a"), null, null),
                new ClusterAction.GroupRemove("h", List.of("a"))));
    }

    @Test
    void aNewGroupUndoneLeavesTheResourcesSectionAsItWasWithThePlainTools() throws Exception {
        CibFile cib = cib("undo");
        String before = cib.resources();
        ClusterAction made = run("pacemaker", cib, new ClusterAction.GroupAdd("h", List.of("e"), null, null));
        assertTrue(((ClusterAction.GroupAdd) made).diff().contains("+   <group id=\"h\">"),
                String.join("\n", ((ClusterAction.GroupAdd) made).diff()));
        assertTrue(made.describe().equals("put e into the new group h"), made.describe());
        ClusterAction undone = run("pacemaker", cib, new ClusterAction.GroupRemove("h", List.of("e")));
        assertTrue(((ClusterAction.GroupRemove) undone).edit().groupGone());
        assertEquals(before, cib.resources());
    }

    @Test
    void eachDialectSpellsItAsItsAdminsTypeIt() throws Exception {
        String text = cib("spell").text();
        ClusterAction.GroupAdd move = new ClusterAction.GroupAdd("g", List.of("d", "a"), null, "b",
                GroupEdit.add(text, "test", "g", List.of("d", "a"), "b", false));
        assertEquals("pcs resource group add g d a --after b", CommandDialect.forNode("pcs", CibFile.BOTH).commands(move).get(0)
                .display());
        assertEquals("crm configure <<'END'\nmodgroup g remove a\nmodgroup g add d after b\nmodgroup g add a after d\n"
                + "commit\nEND", CommandDialect.forNode("crmsh", CibFile.BOTH).commands(move).get(0).display());
        assertTrue(CommandDialect.forNode("pacemaker", CibFile.BOTH).commands(move).get(0).display().startsWith(
                "cibadmin --replace --scope resources --xml-pipe <<'END'\n<resources><group id=\"g\">"));
        ClusterAction.GroupRemove all = new ClusterAction.GroupRemove("g", List.of("a", "b", "c"),
                GroupEdit.remove(text, "test", "g", List.of("a", "b", "c")));
        assertEquals("crm configure <<'END'\ndelete g\ncommit\nEND", CommandDialect.forNode("crmsh", CibFile.BOTH).commands(all)
                .get(0).display());
        assertEquals("pcs resource group remove g a b c", CommandDialect.forNode("pcs", CibFile.BOTH).commands(all).get(0).display());
    }

    @Test
    void refusedBeforeAnyToolRuns() throws Exception {
        String text = cib("refuse").text();
        List<String> why = new ArrayList<>();
        for (Runnable r : List.<Runnable>of(
                () -> GroupEdit.add(text, "t", "g", List.of("f"), null, false),
                () -> GroupEdit.add(text, "t", "d", List.of("e"), null, false),
                () -> GroupEdit.add(text, "t", "h", List.of("a", "b", "c"), null, false),
                () -> GroupEdit.add(text, "t", "g", List.of("a", "b", "c"), null, false),
                () -> GroupEdit.add(text, "t", "g", List.of("d"), "x", false),
                () -> GroupEdit.add(text, "t", "g", List.of("d", "d"), null, false),
                () -> GroupEdit.add(text, "t", "l_g", List.of("d"), null, false),
                () -> GroupEdit.remove(text, "t", "g", List.of("d")))) {
            why.add(assertThrows(InvalidInputException.class, r::run).getMessage());
        }
        assertEquals(List.of(
                "resource 'f' is not allowed: it is inside the clone f-clone; a group takes primitives on their own or"
                        + " from another group",
                "group 'd' is not allowed: it is a primitive, not a group",
                "resource 'a' is not allowed: it is the last member of the group g, which cannot be left empty",
                "resource 'a, b, c' is not allowed: every member of g is named: to reorder, name the members that move"
                        + " and where (--before or --after)",
                "group member 'x' is not allowed: g's members are a, b, c",
                "resources 'd d' is not allowed: a resource is named twice",
                "group 'l_g' is not allowed: the CIB has this id already, not for a resource",
                "group member 'd' is not allowed: g's members are a, b, c"), why);
    }
}
