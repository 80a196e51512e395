package org.clusterdeck.cluster.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.clusterdeck.cluster.software.NodeSoftware;
import org.clusterdeck.cluster.xml.Elements;
import org.clusterdeck.cluster.xml.SafeXml;
import org.clusterdeck.cluster.xml.XmlWriter;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.LocalProcessRunner;
import org.w3c.dom.Element;

/**
 * A CIB file for the configuration edits' tests, changed by the real tools through {@code CIB_file}
 * as a plan stages them: an empty CIB of this machine's Pacemaker (pcs refuses old corpus files)
 * without fencing, which crmsh's commit would otherwise call an error.
 */
record CibFile(Path path) {
    /** A node with both management shells, so each dialect can be asked for. */
    static final NodeSoftware BOTH = new NodeSoftware("n1", "2.1.5", "3.1.7", true, true, null, null);

    /** A CIB file made afresh, under a name. */
    interface Start {
        CibFile make(String name) throws Exception;
    }

    /** One change made on a CIB file in one dialect, as the plan would. */
    interface Step {
        void apply(String dialect, CibFile cib) throws Exception;
    }

    /**
     * The same steps in each dialect, each from a fresh start: the three must leave the same
     * {@link #structure}, crm_verify with nothing to say, and that structure is returned.
     */
    static String sameInEveryDialect(Start start, Step... steps) throws Exception {
        List<String> results = new java.util.ArrayList<>();
        for (String dialect : List.of("pacemaker", "crmsh", "pcs")) {
            CibFile cib = start.make(dialect);
            for (Step step : steps) {
                step.apply(dialect, cib);
            }
            results.add(cib.structure());
            cib.verified();
        }
        assertEquals(results.get(0), results.get(1), "crmsh as the plain tools");
        assertEquals(results.get(0), results.get(2), "pcs as the plain tools");
        return results.get(0);
    }

    static CibFile empty(Path dir, String name) throws Exception {
        CommandResult empty = new LocalProcessRunner().run(Command.of("cibadmin", "--empty"));
        assertEquals(0, empty.exitCode(), empty.stderr());
        CibFile cib = new CibFile(Files.writeString(dir.resolve(name + ".xml"), empty.stdout()));
        cib.ok(CrmAttribute.property("stonith-enabled", "false"));
        return cib;
    }

    /** Runs the command on this file; it must succeed. */
    void ok(Command c) throws Exception {
        CommandResult r = new LocalProcessRunner().run(c.withEnv("CIB_file", path.toString()));
        assertEquals(0, r.exitCode(), c.display() + ": " + r.stderr() + r.stdout());
    }

    void create(String scope, String xml) throws Exception {
        ok(Command.of("cibadmin", "--create", "--scope", scope, "--xml-text", xml));
    }

    /** The dialect's commands for a planned action, each as the plan stages it on a copy. */
    void apply(String dialect, ClusterAction planned) throws Exception {
        CommandDialect d = CommandDialect.forNode(dialect, BOTH);
        for (Command c : d.commands(planned)) {
            ok(d.onCopy(c));
        }
    }

    String text() throws Exception {
        return Files.readString(path);
    }

    /** crm_verify has nothing to say. */
    void verified() throws Exception {
        CommandResult verify = new LocalProcessRunner().run(Command.of("crm_verify", "--xml-file", path.toString()));
        assertEquals(0, verify.exitCode(), path + ": " + verify.stderr());
    }

    /** The resources section on one line, layout aside. */
    String resources() throws Exception {
        return XmlWriter.compact(SafeXml.parse(text(), "cib").getElementsByTagName("resources").item(0))
                .replaceAll(">\\s+<", "><");
    }

    /**
     * What the resources mean, ids of attribute sets, pairs and operations aside: each group and
     * clone with its meta attributes and its members in order; the top level's order aside too.
     */
    String structure() throws Exception {
        Element resources = (Element) SafeXml.parse(text(), "cib").getElementsByTagName("resources").item(0);
        TreeSet<String> top = new TreeSet<>();
        for (Element r : Elements.children(resources)) {
            top.add(structure(r));
        }
        return String.join(" ", top);
    }

    private static String structure(Element r) {
        if (r.getTagName().equals("primitive")) {
            return r.getAttribute("id");
        }
        Map<String, String> meta = new TreeMap<>();
        Elements.children(r, "meta_attributes").forEach(s -> Elements.children(s, "nvpair")
                .forEach(nv -> meta.put(nv.getAttribute("name"), nv.getAttribute("value"))));
        List<String> members = Elements.children(r).stream().filter(m -> !m.getTagName().equals("meta_attributes")
                && !m.getTagName().equals("instance_attributes")).map(CibFile::structure).toList();
        return r.getAttribute("id") + (meta.isEmpty() ? "" : meta.toString()) + members;
    }
}
