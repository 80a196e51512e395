package org.clusterdeck.cluster.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clones made and taken away by the real cibadmin, crmsh and pcs on a CIB file, each from the plan
 * made on it: the three leave the same clones with the same meta attributes around the same
 * resources, and a clone undone leaves the plain tools' resources section as it was.
 */
class CloneEditTest {

    @TempDir
    Path dir;

    /** g = [a, b], d on its own, a promotable-capable s, a clone of f. */
    private CibFile cib(String name) throws Exception {
        CibFile cib = CibFile.empty(dir, name);
        cib.create("resources", "<group id=\"g\">" + GroupEditTest.dummy("a") + GroupEditTest.dummy("b") + "</group>");
        cib.create("resources", GroupEditTest.dummy("d"));
        cib.create("resources", "<primitive id=\"s\" class=\"ocf\" provider=\"pacemaker\" type=\"Stateful\"/>");
        cib.create("resources", "<clone id=\"f-clone\">" + GroupEditTest.dummy("f") + "</clone>");
        return cib;
    }

    private static ClusterAction planned(CibFile cib, ClusterAction asked) throws Exception {
        if (asked instanceof ClusterAction.Clone c) {
            return new ClusterAction.Clone(c.resource(), c.promotable(), c.meta(),
                    CloneEdit.wrap(cib.text(), "test", c.resource(), c.promotable(), c.meta()));
        }
        String clone = ((ClusterAction.Unclone) asked).resource();
        return new ClusterAction.Unclone(clone, CloneEdit.unwrap(cib.text(), "test", clone));
    }

    private String everyDialect(ClusterAction... steps) throws Exception {
        return CibFile.sameInEveryDialect(this::cib, java.util.Arrays.stream(steps)
                .map(step -> (CibFile.Step) (dialect, cib) -> cib.apply(dialect, planned(cib, step)))
                .toArray(CibFile.Step[]::new));
    }

    @Test
    void aPrimitiveAGroupAndAPromotableClone() throws Exception {
        assertEquals("d-clone{interleave=true, notify=true}[d] f-clone[f] g[a, b] s",
                everyDialect(new ClusterAction.Clone("d", false, Map.of("interleave", "true", "notify", "true"))));
        assertEquals("d f-clone[f] g-clone[g[a, b]] s", everyDialect(new ClusterAction.Clone("g", false, Map.of())));
        assertEquals("d f-clone[f] g[a, b] s-clone{promotable=true}[s]",
                everyDialect(new ClusterAction.Clone("s", true, Map.of())));
    }

    @Test
    void aCloneTakenAwayLeavesItsResourceWhereItWas() throws Exception {
        assertEquals("d f g[a, b] s", everyDialect(new ClusterAction.Unclone("f-clone")));
        assertEquals("d f-clone[f] g[a, b] s", everyDialect(new ClusterAction.Clone("s", true, Map.of()),
                new ClusterAction.Unclone("s-clone")));
    }

    @Test
    void undoneWithThePlainToolsTheResourcesSectionIsAsItWas() throws Exception {
        CibFile cib = cib("undo");
        String before = cib.resources();
        ClusterAction.Clone made = (ClusterAction.Clone) planned(cib, new ClusterAction.Clone("d", false,
                Map.of("clone-max", "2")));
        cib.apply("pacemaker", made);
        assertTrue(made.diff().contains("+   <clone id=\"d-clone\">"), String.join("\n", made.diff()));
        assertEquals("make d a clone d-clone (clone-max=2)", made.describe());
        cib.apply("pacemaker", planned(cib, new ClusterAction.Unclone("d-clone")));
        assertEquals(before, cib.resources());
    }

    @Test
    void eachDialectSpellsItAsItsAdminsTypeIt() throws Exception {
        CibFile cib = cib("spell");
        ClusterAction promotable = planned(cib, new ClusterAction.Clone("s", true, Map.of("notify", "true")));
        assertEquals("pcs resource promotable s meta notify=true", CommandDialect.forNode("pcs", CibFile.BOTH)
                .commands(promotable).get(0).display());
        assertEquals("crm configure <<'END'\nclone s-clone s meta promotable=true notify=true\ncommit\nEND",
                CommandDialect.forNode("crmsh", CibFile.BOTH).commands(promotable).get(0).display());
        ClusterAction away = planned(cib, new ClusterAction.Unclone("f-clone"));
        assertEquals("pcs resource unclone f-clone", CommandDialect.forNode("pcs", CibFile.BOTH).commands(away).get(0)
                .display());
        // crm deletes no running clone: the plain tools take it away, its resource left running
        assertTrue(CommandDialect.forNode("crmsh", CibFile.BOTH).commands(away).get(0).display()
                .startsWith("cibadmin --replace --scope resources --xml-pipe <<'END'\n"));
    }

    @Test
    void refusedBeforeAnyToolRuns() throws Exception {
        String text = cib("refuse").text();
        List<String> why = new ArrayList<>();
        for (Runnable r : List.<Runnable>of(
                () -> CloneEdit.wrap(text, "t", "a", false, Map.of()),
                () -> CloneEdit.wrap(text, "t", "f", false, Map.of()),
                () -> CloneEdit.wrap(text, "t", "f-clone", false, Map.of()),
                () -> CloneEdit.unwrap(text, "t", "g"),
                () -> new ClusterAction.Clone("d", false, Map.of("promotable", "true")))) {
            why.add(assertThrows(InvalidInputException.class, r::run).getMessage());
        }
        assertEquals(List.of(
                "resource 'a' is not allowed: it is inside the group g; clone the whole group",
                "resource 'f' is not allowed: it is inside the clone f-clone; it is cloned already",
                "resource 'f-clone' is not allowed: it is a clone; a clone holds a primitive or a group",
                "clone 'g' is not allowed: the cluster has no clone with this id",
                "meta attribute 'promotable' is not allowed: ask for a promotable clone instead"), why);
    }
}
