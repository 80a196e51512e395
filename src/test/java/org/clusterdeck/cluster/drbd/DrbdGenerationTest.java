package org.clusterdeck.cluster.drbd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every corpus status in every format: the folder it was captured in (drbd84 with the 8.4.11
 * module, drbd9 with 9.2.16) is the truth; a status may only say UNKNOWN when it shows neither
 * a version nor a connection, and must never name the wrong generation.
 */
class DrbdGenerationTest {

    @Test
    void corpusStatusesNameTheirDrbdOrSayTheyCannot() {
        Map<DrbdGeneration, Integer> seen = new EnumMap<>(DrbdGeneration.class);
        for (DrbdCorpusFiles kind : DrbdCorpusFiles.values()) {
            for (Path file : kind.files()) {
                String name = DrbdCorpusFiles.name(file);
                DrbdStatus status;
                try {
                    status = kind.parse(file);
                } catch (org.clusterdeck.cluster.FormatException e) {
                    continue; // empty or refused outputs (unconfigured, rejected options) are other tests' business
                }
                DrbdGeneration truth = file.getParent().getFileName().toString().equals("drbd84")
                        ? DrbdGeneration.V8_4 : DrbdGeneration.V9;
                DrbdGeneration g = DrbdGeneration.of(status);
                seen.merge(g, 1, Integer::sum);
                boolean tells = status.drbdVersion() != null || status.format() == DrbdSourceFormat.STATUS_JSON
                        || status.resources().stream().anyMatch(r -> !r.connections().isEmpty());
                assertEquals(tells ? truth : DrbdGeneration.UNKNOWN, g, name);
            }
        }
        assertTrue(seen.getOrDefault(DrbdGeneration.V8_4, 0) > 100 && seen.getOrDefault(DrbdGeneration.V9, 0) > 100,
                "both generations are well covered: " + seen);
    }
}
