package org.clusterdeck.cluster.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.cib.Cib;
import org.clusterdeck.cluster.cib.CibParser;
import org.clusterdeck.cluster.command.CibAdmin;
import org.clusterdeck.cluster.command.ClusterAction;
import org.clusterdeck.cluster.command.CrmAttribute;
import org.clusterdeck.cluster.command.CrmResource;
import org.clusterdeck.cluster.drbd.DrbdStatus;
import org.clusterdeck.cluster.drbd.DrbdStatusJsonParser;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.cluster.status.StatusReader;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.LocalProcessRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The refusals, on real CIBs with real predictions and on real DRBD status captures. */
class SafetyCheckTest {
    private static final String DRBD9 = "drbd/drbd9/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LocalProcessRunner local = new LocalProcessRunner();

    @TempDir
    Path dir;

    private static DrbdStatus drbd(String file) {
        return new DrbdStatusJsonParser().parse(Corpus.read(DRBD9 + file), file);
    }

    /** The peer's disk state as drbdsetup wrote it, read straight from the JSON. */
    private static String peerDiskState(String file) throws Exception {
        JsonNode n = JSON.readTree(Corpus.read(DRBD9 + file));
        return n.get(0).get("connections").get(0).get("peer_devices").get(0).get("peer-disk-state").asText();
    }

    @Test
    void drbdPromotionNeedsAnUpToDatePeerDisk() throws Exception {
        String steady = "v9-b-steady2__vm1__drbdsetup_status_json_verbose_statistics.txt";
        assertEquals("UpToDate", peerDiskState(steady));
        assertEquals(Optional.empty(), SafetyCheck.drbdRefusal("r0", "vm2", Map.of("vm1", drbd(steady))));

        for (String f : List.of("v9-a-sync-t03s__vm1__drbdsetup_status_json_verbose_statistics.txt",
                "v9-c1a-peer-down__vm1__drbdsetup_status_json_verbose_statistics.txt")) {
            String state = peerDiskState(f);
            Optional<String> why = SafetyCheck.drbdRefusal("r0", "vm2", Map.of("vm1", drbd(f)));
            assertEquals(Optional.of("the peer disk of DRBD r0 on vm2 is " + state + " as vm1 sees it, not UpToDate"),
                    why, f);
        }
    }

    @Test
    void drbdPromotionChecksTheTargetsOwnDiskWhenItReports() throws Exception {
        String syncTarget = "v9-a-sync-t00s__vm2__drbdsetup_status_json_verbose_statistics.txt";
        String own = JSON.readTree(Corpus.read(DRBD9 + syncTarget)).get(0).get("devices").get(0).get("disk-state").asText();
        assertEquals(Optional.of("DRBD r0 on vm2 has disk state " + own + ", not UpToDate"),
                SafetyCheck.drbdRefusal("r0", "vm2", Map.of("vm2", drbd(syncTarget))));
        assertTrue(SafetyCheck.drbdRefusal("r9", "vm2", Map.of("vm2", drbd(syncTarget))).orElseThrow()
                .startsWith("no node reports the state of DRBD r9 on vm2"));
    }

    /** A predicted promotion of a linbit:drbd instance with no DRBD state at hand is refused, not waved through. */
    @Test
    void predictedDrbdPromotionWithoutKnownStateIsRefused() throws Exception {
        String text = Corpus.read("pacemaker/cib/bug-5143-ms-shuffle.xml");
        Prediction p = new Predictor(local).predict(text, List.of(List.of()));
        Cib cib = CibParser.parse(text, "bug-5143");
        List<String> refusals = SafetyCheck.drbdPromotions(p, cib, Map.of());
        assertEquals(List.of("promoting drbd-r1:1 on hex-3 is refused: no node reports the state of DRBD r1 on hex-3"
                + " (not connected, or DRBD state could not be read)"), refusals);
    }

    private ClusterStatus statusOf(Path cib) throws Exception {
        return new StatusReader(local).readCibFile(cib);
    }

    @Test
    void stoppingTheLastRunningFencingDeviceIsRefused() throws Exception {
        // two nodes, fencing on by default, st_sbd the only fencing device
        Path cib = dir.resolve("cib.xml");
        Files.copy(Corpus.path("pacemaker/cib/asymmetrical-order-move.xml"), cib);
        String text = Files.readString(cib);
        ClusterStatus now = statusOf(cib);
        Cib parsed = CibParser.parse(text, "cib");
        ClusterAction stop = new ClusterAction.Stop("st_sbd");
        Prediction p = new Predictor(local).predict(text, List.of(List.of(CrmResource.targetRole("st_sbd", "Stopped"))));
        List<String> refusals = SafetyCheck.refusals(stop, now, parsed, p, Map.of());
        assertEquals(1, refusals.size(), refusals.toString());
        assertTrue(refusals.get(0).startsWith("this would stop the last running fencing device (st_sbd)"), refusals.get(0));

        // with fencing switched off the same stop hurts nobody
        Path off = dir.resolve("off.xml");
        Files.writeString(off, text);
        local.run(CrmAttribute.property("stonith-enabled", "false").withEnv("CIB_file", off.toString()));
        String offText = Files.readString(off);
        Prediction pOff = new Predictor(local).predict(offText, List.of(List.of(CrmResource.targetRole("st_sbd", "Stopped"))));
        assertEquals(List.of(), SafetyCheck.refusals(stop, statusOf(off), CibParser.parse(offText, "off"), pOff, Map.of()));
    }

    @Test
    void deletingTheLastFencingDeviceNeedsAnAcknowledgementStoppingItStaysRefused() throws Exception {
        Path cib = dir.resolve("cib.xml");
        Files.copy(Corpus.path("pacemaker/cib/asymmetrical-order-move.xml"), cib);
        String text = Files.readString(cib);
        ClusterStatus now = statusOf(cib);
        Cib parsed = CibParser.parse(text, "cib");
        ClusterAction delete = new ClusterAction.DeleteResource("st_sbd", List.of(), true);
        Prediction p = new Predictor(local).predict(text, List.of(List.of(CibAdmin.deletePrimitive("st_sbd"))));
        assertEquals(List.of(), SafetyCheck.refusals(delete, now, parsed, p, Map.of()));
        List<RiskCheck.Warning> warnings = SafetyCheck.warnings(delete, now, parsed, p);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).acknowledge());
        assertEquals("deleting st_sbd leaves no fencing device while fencing is on: with fencing enabled, a node that"
                + " fails could then not be fenced and its resources would not be recovered; add the new device first,"
                + " or switch fencing off knowingly", warnings.get(0).text());
        // a plain primitive's deletion, or a stop of the device, warns of nothing here
        assertEquals(List.of(), SafetyCheck.warnings(new ClusterAction.Stop("st_sbd"), now, parsed, p));
    }

    @Test
    void standbyOfTheLastOnlineNodeIsRefused() throws Exception {
        Path cib = dir.resolve("cib.xml");
        Files.copy(Corpus.path("pacemaker/cib/asymmetrical-order-move.xml"), cib);
        ClusterAction standby1 = new ClusterAction.Standby("sle12sp2-1", true);
        assertEquals(Optional.empty(), SafetyCheck.lastOnlineNode(standby1, statusOf(cib)));

        Command other = CrmAttribute.nodeStandby("sle12sp2-2", true).withEnv("CIB_file", cib.toString());
        assertEquals(0, local.run(other).exitCode());
        ClusterStatus oneLeft = statusOf(cib);
        assertTrue(oneLeft.nodes().stream().anyMatch(n -> n.name().equals("sle12sp2-2") && n.standby()));
        assertEquals(Optional.of("sle12sp2-1 is the last online node not in standby: standby would stop every resource"
                + " of the cluster"), SafetyCheck.lastOnlineNode(standby1, oneLeft));
        // bringing a node back is never refused
        assertEquals(Optional.empty(), SafetyCheck.lastOnlineNode(new ClusterAction.Standby("sle12sp2-1", false), oneLeft));
    }
}
