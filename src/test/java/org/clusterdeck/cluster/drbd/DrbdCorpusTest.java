package org.clusterdeck.cluster.drbd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.FormatException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every corpus file of every DRBD format is read, by its parser and by the auto-detecting reader. */
class DrbdCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> files() {
        List<Arguments> args = new ArrayList<>();
        for (DrbdCorpusFiles kind : DrbdCorpusFiles.values()) {
            for (Path file : kind.files()) {
                args.add(Arguments.of(kind, file));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("files")
    void everyFileReadsTheSameThroughItsParserAndTheReader(DrbdCorpusFiles kind, Path file) throws Exception {
        String text = Corpus.read(file);
        String name = DrbdCorpusFiles.name(file);
        if (text.isBlank()) {
            // real empty outputs: 8.4 drbdadm/drbdsetup status with nothing up (rc 10 or 0)
            FormatException e = assertThrows(FormatException.class, () -> kind.parse(file));
            assertTrue(e.getMessage().startsWith(name + ": empty output"), e.getMessage());
            assertThrows(FormatException.class, () -> DrbdStatusReader.parse(text, name));
            return;
        }
        DrbdStatus status = kind.parse(file);
        assertEquals(kind.format, status.format());
        assertEquals(status, DrbdStatusReader.parse(text, name), "auto-detected format reads differently");
        for (DrbdResource r : status.resources()) {
            for (DrbdConnection c : r.connections()) {
                for (DrbdPeerDevice p : c.peerDevices()) {
                    if (!p.isSyncing()) {
                        assertNull(p.syncDonePercent(), name + ": progress outside a sync");
                        assertNull(p.speedKiBps(), name + ": speed outside a sync");
                        assertNull(p.etaSeconds(), name + ": eta outside a sync");
                    }
                }
            }
        }
        assertContractShape(JSON.readTree(JSON.writeValueAsString(status)), name);
    }

    /** Exactly the keys, in the order, of design.md's drbd --json contract; internals stay out. */
    private static void assertContractShape(JsonNode root, String name) {
        assertEquals(List.of("resources"), keys(root), name);
        for (JsonNode r : root.get("resources")) {
            assertEquals(List.of("name", "role", "devices", "connections"), keys(r), name);
            for (JsonNode d : r.get("devices")) {
                assertEquals(List.of("volume", "minor", "diskState"), keys(d), name);
            }
            for (JsonNode c : r.get("connections")) {
                assertEquals(List.of("peer", "connectionState", "peerRole", "peerDevices"), keys(c), name);
                for (JsonNode p : c.get("peerDevices")) {
                    assertEquals(List.of("volume", "replicationState", "peerDiskState", "outOfSyncKiB",
                            "syncDonePercent", "speedKiBps", "etaSeconds"), keys(p), name);
                }
            }
        }
        assertFalse(root.toString().contains("format"), name);
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }
}
