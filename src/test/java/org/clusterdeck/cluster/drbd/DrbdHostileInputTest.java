package org.clusterdeck.cluster.drbd;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.function.BiFunction;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.FormatException;
import org.junit.jupiter.api.Test;

/** Bad input gives a FormatException that names the source and the problem, quickly. */
class DrbdHostileInputTest {
    private static final String JSON_FILE =
            "drbd/drbd9/v9-a2-sync-t11s__vm1__drbdsetup_status_json_verbose_statistics.txt";

    private static String rejected(String text, String... expectedParts) {
        return rejected(DrbdStatusReader::parse, text, expectedParts);
    }

    private static String rejected(BiFunction<String, String, DrbdStatus> parser, String text, String... expectedParts) {
        FormatException e = assertTimeoutPreemptively(Duration.ofSeconds(3),
                () -> assertThrows(FormatException.class, () -> parser.apply(text, "node1: test")));
        assertTrue(e.getMessage().startsWith("node1: test: "), e.getMessage());
        for (String part : expectedParts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
        }
        assertTrue(e.getMessage().length() < 400, "message too long: " + e.getMessage().length());
        return e.getMessage();
    }

    @Test
    void emptyOutput() {
        rejected("", "empty output");
        rejected(" \n\n\t", "empty output");
        rejected((t, s) -> new DrbdStatusJsonParser().parse(t, s), "", "empty output");
        rejected((t, s) -> new DrbdEvents2Parser().parse(t, s), "", "empty output");
        rejected((t, s) -> new DrbdAdmStatusParser().parse(t, s), "", "empty output");
        rejected((t, s) -> new ProcDrbdParser().parse(t, s), "", "empty output");
    }

    @Test
    void truncatedJsonNamesWhereItEnds() {
        String json = Corpus.read(JSON_FILE);
        rejected(json.substring(0, json.length() / 2), "line ", "not valid JSON");
        rejected(json + "\n{\"x\": 1}", "not valid JSON");
        rejected("{\"name\": \"r0\"}", "expected a JSON array");
        rejected(json.replace("\"volume\": 0,\n      \"minor\"", "\"volume\": \"zero\",\n      \"minor\""),
                "resources[0].devices[0].volume", "whole number");
        rejected("[{\"role\": \"Primary\"}]", "resources[0].name: missing");
    }

    @Test
    void truncatedEvents2DumpIsNotHalfRead() {
        String dump = Corpus.read("drbd/drbd9/v9-a2-sync-t17s__vm1__drbdsetup_events2_now_statistics_full.txt");
        rejected(dump.substring(0, dump.indexOf("exists peer-device")), "exists -", "incomplete");
    }

    @Test
    void binaryGarbage() {
        byte[] bytes = new byte[200_000];
        new Random(42).nextBytes(bytes);
        String message = rejected(new String(bytes, StandardCharsets.ISO_8859_1), "unknown format", "first line");
        assertTrue(message.chars().noneMatch(c -> c < 0x20), "control characters in: " + message);
        rejected("\u0000\u0001\u0002version: 8.4.11", "unknown format", "\\x00");
    }

    @Test
    void htmlPage() {
        rejected("<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n<body>nginx</body></html>\n",
                "unknown format", "drbdsetup status --json", "/proc/drbd", "'<!DOCTYPE html>'");
    }

    @Test
    void hugeSingleLineIsQuick() {
        rejected("a:b ".repeat(500_000) + "\n", "unknown format");
        rejected("r0 " + "x:y:z ".repeat(200_000), "unknown format");
    }

    @Test
    void brokenProcDrbdLines() {
        String proc = Corpus.read("drbd/drbd84/a-sync-t18s__vm1__proc_drbd.txt");
        rejected(proc.replace(" ro:Primary/Secondary ds:UpToDate/Inconsistent", ""), "line 3", "unreadable minor line");
        rejected(proc.replace("finish: 0:00:49 speed", "finish: soon speed"), "line 6", "finish");
        rejected((t, s) -> new ProcDrbdParser().parse(t, s), "ver: 8.4", "line 1", "version line");
    }

    @Test
    void brokenStatusText() {
        String text = Corpus.read("drbd/drbd84/a-sync-t18s__vm1__drbdadm_status_verbose_statistics.txt");
        rejected(text.replace("out-of-sync:96296", "out-of-sync:lots"), "line 9", "out-of-sync:lots");
        rejected((t, s) -> new DrbdAdmStatusParser().parse(t, s), "    volume:0 disk:UpToDate\n", "line 1",
                "before the first resource");
        rejected((t, s) -> new DrbdAdmStatusParser().parse(t, s), "r0 disk:UpToDate\n", "without role:");
    }
}
