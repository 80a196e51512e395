package org.clusterdeck.cluster.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.cluster.status.CrmMonParser;
import org.clusterdeck.cluster.xml.SafeXml;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.LocalProcessRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * One change at a time, made by the real tools on a settled corpus cluster (bug-5186-partial-migrate
 * after crm_simulate carried out its transition: bl460g1n6 and bl460g1n8 online, DC bl460g1n6).
 */
class StatusChangesScenarioTest {
    private static final Instant T = Instant.parse("2026-11-24T12:00:00Z");
    private static final LocalProcessRunner RUNNER = new LocalProcessRunner("local");

    @TempDir
    Path tmp;
    private Path settled;
    private ClusterStatus healthy;

    @BeforeEach
    void settle() throws Exception {
        settled = tmp.resolve("settled.xml");
        Simulation s = Simulation.run(Corpus.path("pacemaker/cib/bug-5186-partial-migrate.xml"), settled, "-S");
        assertEquals(0, s.exitCode());
        healthy = s.after();
        assertEquals(Boolean.TRUE, healthy.summary().quorum());
        assertEquals("bl460g1n6", healthy.summary().dcName());
    }

    /** A copy of the settled CIB changed by {@code cibadmin --modify} (CIB_file). */
    private ClusterStatus modified(String xml) throws Exception {
        Path copy = Files.copy(settled, tmp.resolve("modified.xml"));
        assertTrue(RUNNER.run(Command.of("cibadmin", "--modify", "--xml-text", xml)
                .withEnv("CIB_file", copy.toString())).ok());
        return Simulation.read(copy);
    }

    private static List<EventType> types(List<ClusterEvent> events) {
        return events.stream().map(ClusterEvent::type).toList();
    }

    @Test
    void quorumLostAndRegained() throws Exception {
        ClusterStatus noQuorum = modified("<cib have-quorum=\"0\"/>");
        List<ClusterEvent> lost = StatusChanges.between(healthy, noQuorum, T);
        assertEquals(List.of(EventType.QUORUM_LOST), types(lost));
        assertEquals(Severity.CRITICAL, lost.get(0).severity());
        assertEquals(List.of(EventType.QUORUM_REGAINED), types(StatusChanges.between(noQuorum, healthy, T)));
    }

    @Test
    void dcChanged() throws Exception {
        ClusterStatus other = modified("<cib dc-uuid=\"3232261594\"/>");
        List<ClusterEvent> events = StatusChanges.between(healthy, other, T);
        assertEquals(List.of(EventType.DC_CHANGED), types(events));
        assertEquals("bl460g1n6", events.get(0).from());
        assertEquals("bl460g1n8", events.get(0).to());
    }

    @Test
    void monitorFailureThenRecoveryInPlace() throws Exception {
        // a recurring monitor finds the resource not running (rc 7), injected by crm_simulate
        Simulation fail = Simulation.run(settled, tmp.resolve("failed.xml"), "-i",
                "prmDummy_monitor_10000@bl460g1n6=7");
        List<ClusterEvent> failed = StatusChanges.between(healthy, fail.after(), T);
        assertEquals(List.of(EventType.RESOURCE_FAILED), types(failed));
        assertEquals("prmDummy", failed.get(0).resource());
        assertEquals("bl460g1n6", failed.get(0).node());
        assertEquals(Severity.CRITICAL, failed.get(0).severity());

        Simulation recover = Simulation.run(tmp.resolve("failed.xml"), tmp.resolve("recovered.xml"), "-S");
        assertEquals(List.of(new Simulation.Action("Recover", "prmDummy", "bl460g1n6", null, "bl460g1n6", null,
                false)), recover.summary());
        List<ClusterEvent> recovered = StatusChanges.between(recover.before(), recover.after(), T);
        assertEquals(List.of(EventType.RESOURCE_RECOVERED), types(recovered));
        assertEquals("bl460g1n6", recovered.get(0).node());

        FailoverTracker tracker = new FailoverTracker();
        tracker.update(healthy, List.of(), T);
        assertEquals(List.of(EventType.FAILOVER_STARTED), types(tracker.update(fail.after(), failed, T.plusSeconds(1))));
        List<ClusterEvent> done = tracker.update(recover.after(), recovered, T.plusSeconds(4));
        assertEquals(List.of(EventType.FAILOVER), types(done));
        assertEquals(3000L, done.get(0).durationMs());
        assertEquals(List.of("prmDummy"), done.get(0).resources());
        assertEquals("bl460g1n6", done.get(0).from(), "recovered in place");
        assertEquals("bl460g1n6", done.get(0).to());
    }

    /**
     * Fencing history is not in a CIB, so crm_simulate cannot make one; this uses the project's
     * sample built from crm_mon's schema (src/test/resources, marked NOT real output there). The
     * earlier view is the same sample with its history taken away.
     */
    @Test
    void newFenceHistoryEntriesAreFencingEventsButOldHistoryIsOnlyABaseline() throws Exception {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/crm_mon/pacemaker-3-from-schema.xml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ClusterStatus now = CrmMonParser.parse(text, "3.x sample");
        ClusterStatus before = new ClusterStatus(now.summary(), now.nodes(), now.resources(), now.failures(),
                now.bans(), List.of(), now.tickets(), now.warnings());
        Document doc = SafeXml.parse(text, "3.x sample");
        NodeList done = (NodeList) XPathFactory.newInstance().newXPath()
                .evaluate("//fence_history/fence_event[@status!='pending']/@target", doc, XPathConstants.NODESET);

        List<ClusterEvent> fencing = StatusChanges.between(before, now, T).stream()
                .filter(e -> e.type() == EventType.FENCING).toList();
        assertEquals(done.getLength(), fencing.size());
        for (int i = 0; i < done.getLength(); i++) {
            assertEquals(done.item(i).getNodeValue(), fencing.get(i).node());
            assertEquals(Severity.CRITICAL, fencing.get(i).severity());
        }
        assertEquals(List.of(), StatusChanges.between(null, now, T));
        assertTrue(StatusChanges.between(now, now, T).isEmpty());
    }
}
