package org.clusterdeck.app.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.CommandStream;
import org.clusterdeck.transport.OutputListener;
import org.clusterdeck.transport.LocalProcessRunner;
import org.clusterdeck.transport.TransportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real commands through {@link LocalProcessRunner}, real files; records are read back as plain JSON. */
class AuditingRunnerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("time", "node", "argv", "env", "display", "changing",
            "exitCode", "durationMs", "outcome", "error", "stdout", "stderr");

    @TempDir
    Path dir;

    @Test
    void aFollowedCommandIsRecordedOnceWhenItEndsOrIsStopped() throws Exception {
        AuditLog log = new AuditLog(dir);
        BlockingQueue<CommandResult> ended = new LinkedBlockingQueue<>();
        OutputListener listener = new OutputListener() {
            @Override
            public void output(String text) {
            }

            @Override
            public void ended(CommandResult result) {
                ended.add(result);
            }

            @Override
            public void failed(TransportException problem) {
            }
        };
        try (AuditingRunner runner = new AuditingRunner(new LocalProcessRunner("node1"), log)) {
            runner.follow(Command.of("/bin/sh", "-c", "echo changes; exit 5"), listener);
            assertEquals(5, ended.poll(5, TimeUnit.SECONDS).exitCode());
            CommandStream running = runner.follow(Command.of("sleep", "30"), listener);
            Thread.sleep(200);
            running.close();
            running.close();
        }
        List<JsonNode> records = records(log.file());
        assertEquals(2, records.size(), records.toString());
        assertEquals(5, records.get(0).get("exitCode").asInt());
        assertEquals("/bin/sh -c 'echo changes; exit 5'", records.get(0).get("display").asText());
        assertEquals("sleep 30", records.get(1).get("display").asText());
        assertTrue(records.get(1).get("exitCode").isNull(), records.get(1).toString());
        assertEquals("stopped by ClusterDeck", records.get(1).get("error").asText());
        assertTrue(records.get(1).get("durationMs").asLong() >= 200, records.get(1).toString());
    }

    @Test
    void recordsEveryCommandWithAllFieldsAndNoOutputWhenReadOnly() throws Exception {
        AuditLog log = new AuditLog(dir);
        Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        try (AuditingRunner runner = new AuditingRunner(new LocalProcessRunner("node1"), log)) {
            assertEquals(0, runner.run(Command.of("/bin/sh", "-c", "echo out; echo err >&2; sleep 0.3")).exitCode());
            assertEquals(3, runner.run(Command.of("/bin/sh", "-c", "exit 3")).exitCode());
        }
        Instant after = Instant.now();

        List<JsonNode> records = records(log.file());
        assertEquals(2, records.size());
        for (JsonNode r : records) {
            List<String> names = new ArrayList<>();
            r.fieldNames().forEachRemaining(names::add);
            assertEquals(FIELDS, names);
            assertTrue(r.get("time").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), r.toString());
            Instant time = Instant.parse(r.get("time").asText());
            assertFalse(time.isBefore(before) || time.isAfter(after), time + " not within the test run");
            assertEquals("node1", r.get("node").asText());
            assertFalse(r.get("changing").asBoolean());
            assertTrue(r.get("stdout").isNull() && r.get("stderr").isNull(), "read-only output kept: " + r);
            assertTrue(r.get("error").isNull());
        }

        JsonNode ok = records.get(0);
        assertEquals(List.of("/bin/sh", "-c", "echo out; echo err >&2; sleep 0.3"), strings(ok.get("argv")));
        assertEquals("/bin/sh -c 'echo out; echo err >&2; sleep 0.3'", ok.get("display").asText());
        assertEquals(0, ok.get("exitCode").asInt());
        assertEquals("ok", ok.get("outcome").asText());
        assertTrue(ok.get("durationMs").asLong() >= 300, ok.toString());

        JsonNode failed = records.get(1);
        assertEquals(3, failed.get("exitCode").asInt());
        assertEquals("failed", failed.get("outcome").asText());
        assertTrue(failed.get("durationMs").asLong() < ok.get("durationMs").asLong() + Duration.ofSeconds(5).toMillis());
    }

    @Test
    void showsTheCommandAsTheNodeRanItThroughSudoWithSecretsMasked() throws Exception {
        AuditLog log = new AuditLog(dir);
        // sudo as SshRunner adds it for a non-root login; no connection is needed to know that
        var ssh = new org.clusterdeck.transport.ssh.SshRunner(
                org.clusterdeck.transport.ssh.SshTarget.parse("deck@node1", "root"),
                new org.clusterdeck.transport.ssh.SshOptions(List.of(), dir.resolve("known_hosts"), false, null));
        LocalProcessRunner local = new LocalProcessRunner("deck@node1");
        CommandRunner viaSudo = new CommandRunner() {
            @Override
            public String node() {
                return local.node();
            }

            @Override
            public CommandResult run(Command command) throws TransportException {
                return local.run(command);
            }

            @Override
            public Command asRun(Command command) {
                return ssh.asRun(command);
            }
        };
        try (AuditingRunner runner = new AuditingRunner(viaSudo, log)) {
            runner.run(Command.of("true").withEnv("CIB_PASSWORD", "s3cret").withEnv("LANG", "C"));
            // a fence agent's parameters on its input; crm configure's commands, which the plan showed
            runner.run(Command.of("true").withStdin("password=s3cret\n"));
            runner.runChanging(Command.of("cat").withShownStdin("primitive p ocf:pacemaker:Dummy\ncommit\n"));
        }
        JsonNode r = records(log.file()).get(0);
        assertEquals(List.of("true"), strings(r.get("argv")), "argv stays the tool's own");
        assertEquals("sudo -n -- env 'CIB_PASSWORD=***' LANG=C true", r.get("display").asText());
        assertFalse(records(log.file()).toString().contains("s3cret"), records(log.file()).toString());
        assertEquals("sudo -n -- cat <<'END'\nprimitive p ocf:pacemaker:Dummy\ncommit\nEND",
                records(log.file()).get(2).get("display").asText());
    }

    @Test
    void keepsOutputOfChangingCommandsOnly() throws Exception {
        AuditLog log = new AuditLog(dir);
        Command command = Command.of("/bin/sh", "-c", "echo 'Moved p_ip'; echo 'warning: lifetime' >&2");
        try (AuditingRunner runner = new AuditingRunner(new LocalProcessRunner(), log)) {
            runner.runChanging(command);
            runner.run(command);
        }
        List<JsonNode> records = records(log.file());
        assertTrue(records.get(0).get("changing").asBoolean());
        assertEquals("Moved p_ip\n", records.get(0).get("stdout").asText());
        assertEquals("warning: lifetime\n", records.get(0).get("stderr").asText());
        assertTrue(records.get(1).get("stdout").isNull());
        assertTrue(records.get(1).get("stderr").isNull());
    }

    @Test
    void aChangeIsRecordedAsChangingThroughThePlainRunnerInterface() throws Exception {
        AuditLog log = new AuditLog(dir);
        Command move = Command.of("/bin/sh", "-c", "echo 'Moved p_ip'; echo 'warning: lifetime' >&2; exit 3");
        // as a use case holds it: a CommandRunner, whichever runner is behind it
        try (CommandRunner node = new AuditingRunner(new LocalProcessRunner("node1"), log)) {
            assertEquals(3, node.runChanging(move).exitCode());
            node.run(move);
        }
        List<JsonNode> records = records(log.file());
        JsonNode changed = records.get(0);
        assertTrue(changed.get("changing").asBoolean(), changed.toString());
        assertEquals(3, changed.get("exitCode").asInt());
        assertEquals("failed", changed.get("outcome").asText());
        assertEquals("Moved p_ip\n", changed.get("stdout").asText());
        assertEquals("warning: lifetime\n", changed.get("stderr").asText());
        JsonNode read = records.get(1);
        assertFalse(read.get("changing").asBoolean(), "the same command run as a read: " + read);
        assertTrue(read.get("stdout").isNull() && read.get("stderr").isNull(), read.toString());
    }

    @Test
    void capsTheOutputOfChangingCommandsAndSaysSo() throws Exception {
        AuditLog log = new AuditLog(dir);
        try (AuditingRunner runner = new AuditingRunner(new LocalProcessRunner(), log)) {
            CommandResult result = runner.runChanging(
                    Command.of("/bin/sh", "-c", "head -c 70000 /dev/zero | tr '\\0' x; head -c 100 /dev/zero | tr '\\0' y >&2"));
            assertEquals(70000, result.stdout().length(), "the caller still gets all of it");
        }
        JsonNode r = records(log.file()).get(0);
        assertEquals("x".repeat(65536) + "\n[truncated: 65536 of 70000 bytes kept]", r.get("stdout").asText());
        assertEquals("y".repeat(100), r.get("stderr").asText());
    }

    @Test
    void capCutsBetweenCharactersNotInsideOne() {
        // "€" is three bytes in UTF-8: 21845 of them fill 65535 bytes, the 21846th would not fit.
        String capped = AuditRecord.cap("€".repeat(30000));
        assertEquals("€".repeat(21845) + "\n[truncated: 65535 of 90000 bytes kept]", capped);
    }

    private static final String SCRIPT = "test \"$(printf %s \"$DB_PASSWORD$api_token\" | rev)\" = kot-t3rc3s2retnuh";

    @Test
    void masksSecretEnvironmentValuesButRunsWithThem() throws Exception {
        AuditLog log = new AuditLog(dir);
        // The script checks the values reversed, so that the secrets themselves appear only in env.
        Command command = Command.of("/bin/sh", "-c", SCRIPT)
                .withEnv("DB_PASSWORD", "hunter2")
                .withEnv("api_token", "s3cr3t-tok")
                .withEnv("SshKeyFile", "/root/.ssh/id_ed25519")
                .withEnv("hacluster_Secret", "other-secret")
                .withEnv("CIB_file", "/tmp/cib.xml");
        try (AuditingRunner runner = new AuditingRunner(new LocalProcessRunner(), log)) {
            assertEquals(0, runner.runChanging(command).exitCode(), "the command must see the real values");
        }
        String line = Files.readString(log.file());
        for (String secret : List.of("hunter2", "s3cr3t-tok", "id_ed25519", "other-secret")) {
            assertFalse(line.contains(secret), secret + " written to the audit log: " + line);
        }
        JsonNode r = JSON.readTree(line);
        assertEquals(Map.of("CIB_file", "/tmp/cib.xml", "DB_PASSWORD", "***", "SshKeyFile", "***",
                "api_token", "***", "hacluster_Secret", "***"), JSON.convertValue(r.get("env"), Map.class));
        assertEquals("CIB_file=/tmp/cib.xml DB_PASSWORD='***' SshKeyFile='***' api_token='***' hacluster_Secret='***'"
                + " /bin/sh -c '" + SCRIPT + "'", r.get("display").asText());
    }

    @Test
    void recordsATimeoutAndRethrowsIt() throws Exception {
        AuditLog log = new AuditLog(dir);
        try (AuditingRunner runner = new AuditingRunner(new LocalProcessRunner("node2"), log)) {
            TransportException e = assertThrows(TransportException.class,
                    () -> runner.runChanging(Command.of("sleep", "5").withTimeout(Duration.ofMillis(200))));
            JsonNode r = records(log.file()).get(0);
            assertEquals("timeout", r.get("outcome").asText());
            assertTrue(r.get("exitCode").isNull());
            assertEquals(e.getMessage(), r.get("error").asText());
            assertTrue(r.get("error").asText().contains("timed out"), r.toString());
            long ms = r.get("durationMs").asLong();
            assertTrue(ms >= 200 && ms < 5000, "duration " + ms);
            assertTrue(r.get("stdout").isNull());
        }
    }

    @Test
    void recordsACommandThatCouldNotStart() throws Exception {
        AuditLog log = new AuditLog(dir);
        try (AuditingRunner runner = new AuditingRunner(new LocalProcessRunner(), log)) {
            TransportException e = assertThrows(TransportException.class,
                    () -> runner.run(Command.of("/nonexistent/clusterdeck-tool", "--version")));
            JsonNode r = records(log.file()).get(0);
            assertEquals("error", r.get("outcome").asText());
            assertTrue(r.get("exitCode").isNull());
            assertEquals(e.getMessage(), r.get("error").asText());
            assertEquals(List.of("/nonexistent/clusterdeck-tool", "--version"), strings(r.get("argv")));
        }
    }

    @Test
    void recordsACommandNoShellCouldCarryByItsArgv() throws Exception {
        AuditLog log = new AuditLog(dir);
        try (AuditingRunner runner = new AuditingRunner(new LocalProcessRunner(), log)) {
            assertThrows(TransportException.class, () -> runner.run(Command.of("echo", "a\0b")));
            JsonNode r = records(log.file()).get(0);
            assertEquals("error", r.get("outcome").asText());
            assertTrue(r.get("display").isNull(), r.toString());
            assertEquals(List.of("echo", "a\0b"), strings(r.get("argv")));
        }
    }

    @Test
    void anUnwritableLogNeitherBreaksTheCommandNorHidesTheFailure() throws Exception {
        // A regular file where the directory should be: fails even for root, unlike permission bits.
        Path blocker = Files.writeString(dir.resolve("data"), "not a directory");
        AuditLog log = new AuditLog(blocker.resolve("clusterdeck"));
        try (AuditingRunner runner = new AuditingRunner(new LocalProcessRunner(), log)) {
            CommandResult result = runner.runChanging(Command.of("/bin/sh", "-c", "echo done; exit 4"));
            assertEquals(4, result.exitCode());
            assertEquals("done\n", result.stdout());
            assertTrue(log.lastWriteError().isPresent());
            assertEquals(1, log.failedWrites());

            // Once the directory can be made, records are written again and the error clears.
            Files.delete(blocker);
            runner.run(Command.of("true"));
            assertTrue(log.lastWriteError().isEmpty());
            assertEquals(List.of("true"), strings(records(log.file()).get(0).get("argv")));
        }
    }

    static List<JsonNode> records(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
