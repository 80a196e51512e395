package org.clusterdeck.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.clusterdeck.app.monitor.NodeView;
import org.clusterdeck.app.monitor.Reach;
import org.clusterdeck.app.offline.CibFileReader;
import org.clusterdeck.app.offline.CibSnapshot;
import org.clusterdeck.cluster.software.NodeSoftware;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Real cluster states for view-model tests: corpus CIBs through the local crm_mon, and the tools that change them. */
public final class Snapshots {
    private Snapshots() {
    }

    public static CibSnapshot read(Path cib) {
        try {
            return new CibFileReader().read(cib);
        } catch (Exception e) {
            throw new AssertionError("cannot read " + cib, e);
        }
    }

    /** A node that answered the monitor with this cluster state, now; it runs no DRBD. */
    public static NodeView answered(String host, String name, CibSnapshot snap) {
        return new NodeView(host, Reach.REACHABLE, Instant.now(), withoutDrbd(name), snap.status(), null, null,
                snap.cib(), null);
    }

    /** What a cluster node without DRBD runs, as the monitor's probe finds it. */
    public static NodeSoftware withoutDrbd(String name) {
        return new NodeSoftware(name, "2.1.5", "3.1.7", false, false, null, null);
    }

    /** Runs a Pacemaker tool (crm_simulate, cibadmin, …) and fails the test if it fails. */
    public static void run(List<String> argv, String cibFile) {
        run(argv, cibFile, ProcessBuilder.Redirect.DISCARD);
    }

    /** Runs a tool with its standard output going to a file. */
    public static void run(List<String> argv, String cibFile, Path output) {
        run(argv, cibFile, ProcessBuilder.Redirect.to(output.toFile()));
    }

    private static void run(List<String> argv, String cibFile, ProcessBuilder.Redirect out) {
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectOutput(out);
            if (cibFile != null) {
                pb.environment().put("CIB_file", cibFile);
            }
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new AssertionError(argv + " failed");
            }
        } catch (IOException e) {
            throw new AssertionError(argv + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** An independent reading of an XML file: the string values an XPath expression selects. */
    public static List<String> xpath(Path file, String expression) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(file.toFile());
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(expression, doc,
                    XPathConstants.NODESET);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                out.add(nodes.item(i).getNodeValue() != null ? nodes.item(i).getNodeValue()
                        : nodes.item(i).getTextContent());
            }
            return out;
        } catch (Exception e) {
            throw new AssertionError("XPath " + expression + " on " + file, e);
        }
    }
}
