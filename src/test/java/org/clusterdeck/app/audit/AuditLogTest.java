package org.clusterdeck.app.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log file itself: rotation, concurrent writers, where it lives. Records here are built directly. */
class AuditLogTest {
    @TempDir
    Path dir;

    @Test
    void rotatesBySizeKeepingTheNewestLinesInOrder() throws Exception {
        long limit = 2_000;
        int kept = 3;
        try (AuditLog log = new AuditLog(dir, limit, kept)) {
            for (int i = 0; i < 100; i++) {
                log.append(record("writer", i));
            }
        }
        assertTrue(Files.exists(dir.resolve("audit.log.3")));
        assertFalse(Files.exists(dir.resolve("audit.log.4")), "only " + kept + " old files are kept");

        List<Integer> seen = new ArrayList<>();
        for (String name : List.of("audit.log.3", "audit.log.2", "audit.log.1", "audit.log")) {
            Path file = dir.resolve(name);
            assertTrue(Files.size(file) <= limit, name + " is " + Files.size(file) + " bytes");
            for (JsonNode r : AuditingRunnerTest.records(file)) {
                seen.add(Integer.parseInt(r.get("argv").get(2).asText()));
            }
        }
        // Oldest file first, newest last: a gap-free run of indices ending with the last one written.
        assertEquals(99, seen.get(seen.size() - 1));
        for (int k = 1; k < seen.size(); k++) {
            assertEquals(seen.get(k - 1) + 1, seen.get(k), "lines lost or reordered: " + seen);
        }
        assertTrue(seen.size() > 3 * 2, "rotation kept too little: " + seen);
    }

    @Test
    void concurrentWritersGiveWholeLinesEvenAcrossRotations() throws Exception {
        int threads = 8;
        int perThread = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        // Small files and room for all of them, so rotations happen while other threads append.
        try (AuditLog log = new AuditLog(dir, 50_000, 100)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String writer = "writer-" + t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        log.append(record(writer, i));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertTrue(log.lastWriteError().isEmpty());
        } finally {
            pool.shutdownNow();
        }

        Set<String> seen = new HashSet<>();
        int lines = 0;
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                for (JsonNode r : AuditingRunnerTest.records(file)) {
                    lines++;
                    seen.add(r.get("node").asText() + "/" + r.get("argv").get(2).asText());
                }
            }
        }
        assertTrue(Files.exists(dir.resolve("audit.log.1")), "the test should have rotated");
        assertEquals(threads * perThread, lines);
        assertEquals(threads * perThread, seen.size(), "every record exactly once");
    }

    @Test
    void anInterruptedWriterStillWritesItsRecordAndLeavesTheLogOpen() throws Exception {
        try (AuditLog log = new AuditLog(dir)) {
            log.append(record("before", 0));
            Thread writer = new Thread(() -> {
                Thread.currentThread().interrupt();
                log.append(record("interrupted", 1));
            });
            writer.start();
            writer.join();
            log.append(record("after", 2));
            assertTrue(log.lastWriteError().isEmpty(), () -> log.lastWriteError().get().toString());
        }
        List<String> lines = Files.readAllLines(dir.resolve("audit.log"));
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(1).contains("\"interrupted\""), lines.get(1));
    }

    /** A process killed while writing left half a line: the next process's first record is a line of its own. */
    @Test
    void aLineCutShortByAKilledProcessDoesNotSwallowTheNextRecord() throws Exception {
        try (AuditLog log = new AuditLog(dir)) {
            log.append(record("before", 0));
        }
        Path file = dir.resolve(AuditLog.FILE_NAME);
        Files.writeString(file, "{\"time\":\"2026-12-07T10:00:00.000Z\",\"node\":\"cut", StandardOpenOption.APPEND);
        try (AuditLog log = new AuditLog(dir)) {
            log.append(record("after", 1));
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(1).endsWith("\"node\":\"cut"), lines.get(1));
        assertTrue(lines.get(2).startsWith("{\"time\"") && lines.get(2).contains("\"after\""), lines.get(2));
    }

    @Test
    void logIsReadableByItsOwnerOnly() throws Exception {
        Path home = dir.resolve("share").resolve("clusterdeck");
        try (AuditLog log = new AuditLog(home)) {
            log.append(record("n", 0));
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("audit.log"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home)));
    }

    @Test
    void livesInTheXdgDataDirectory() {
        assertEquals(Path.of("/data/me/clusterdeck"),
                AuditLog.defaultDirectory(Map.of("XDG_DATA_HOME", "/data/me"), "/home/me"));
        assertEquals(Path.of("/home/me/.local/share/clusterdeck"), AuditLog.defaultDirectory(Map.of(), "/home/me"));
        assertEquals(Path.of("/home/me/.local/share/clusterdeck"),
                AuditLog.defaultDirectory(Map.of("XDG_DATA_HOME", ""), "/home/me"));
        assertEquals(Path.of("/home/me/.local/share/clusterdeck"),
                AuditLog.defaultDirectory(Map.of("XDG_DATA_HOME", "relative/dir"), "/home/me"));
    }

    /**
     * A full disk (a 64 KiB tmpfs, as root): records that do not fit are lost with a warning naming
     * the file and the cause, the one cut off halfway is cut off entirely (every line stays one
     * whole record), and once there is room the log goes on and says so.
     */
    @Test
    void aFullDiskLosesRecordsWithAWarningNeverHalfALineAndTheLogGoesOnOnceThereIsRoom() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "mounting a small tmpfs needs root");
        Path small = dir.resolve("small");
        Files.createDirectories(small);
        assertEquals(0, new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", small.toString())
                .inheritIO().start().waitFor());
        try {
            List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
            Path logDir = small.resolve("audit");
            try (AuditLog log = new AuditLog(logDir)) {
                log.onProblem(p -> told.add(p == null ? "written again" : p));
                log.append(record("node1", 1));
                // the rest of the disk taken, all but what is left in the log's own last block
                Path filler = small.resolve("filler");
                try (var out = Files.newOutputStream(filler)) {
                    byte[] block = new byte[1024];
                    while (true) {
                        out.write(block);
                        out.flush();
                    }
                } catch (java.io.IOException full) {
                    assertTrue(full.getMessage().contains("No space left on device"), full.getMessage());
                }
                long before = Files.size(logDir.resolve(AuditLog.FILE_NAME));
                // records longer than the room left: part of each would fit
                log.append(large("node1", 2));
                log.append(large("node1", 3));
                assertEquals(before, Files.size(logDir.resolve(AuditLog.FILE_NAME)), "no part of a lost record stays: " + told
                        + " " + Files.readString(logDir.resolve(AuditLog.FILE_NAME)).replace("x".repeat(100), "x…"));
                assertEquals(2, told.size(), told.toString());
                assertTrue(told.get(0).startsWith("The audit log " + logDir.resolve(AuditLog.FILE_NAME)
                        + " cannot be written (No space left on device): 1 record of commands"), told.get(0));
                assertTrue(told.get(1).contains(": 2 records of commands"), told.get(1));
                assertEquals(2, log.failedWrites());
                // a short one still fits in the block the log has
                log.append(record("node1", 4));
                assertEquals("written again", told.get(2));
                assertTrue(log.lastWriteError().isEmpty());

                Files.delete(filler);
                log.append(large("node1", 5));
                assertEquals(3, told.size(), "nothing more to tell: " + told);
            }
            List<JsonNode> kept = AuditingRunnerTest.records(logDir.resolve(AuditLog.FILE_NAME));
            assertEquals(List.of("1", "4", "5"), kept.stream().map(r -> r.get("argv").get(2).asText()).toList(),
                    "the records that fitted, each whole");
        } finally {
            new ProcessBuilder("umount", small.toString()).inheritIO().start().waitFor();
        }
    }

    /** A record of about 20 KB (the command is in it twice, as argv and as displayed): a long here-document. */
    private static AuditRecord large(String node, int i) {
        Command command = Command.of("/bin/echo", "record", Integer.toString(i), "x".repeat(10_000));
        CommandResult result = new CommandResult(node, command.argv(), 0, "", "", Duration.ofMillis(1));
        return AuditRecord.finished(Instant.now(), command, c -> c, result, Duration.ofMillis(1), false);
    }

    private static AuditRecord record(String node, int i) {
        Command command = Command.of("/bin/echo", "record", Integer.toString(i));
        CommandResult result = new CommandResult(node, command.argv(), 0, i + "\n", "", Duration.ofMillis(1));
        return AuditRecord.finished(Instant.now(), command, c -> c, result, Duration.ofMillis(1), false);
    }
}
