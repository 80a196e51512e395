package org.clusterdeck.app.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.audit.AuditingRunner;
import org.clusterdeck.cluster.setup.Destruction;
import org.clusterdeck.cluster.setup.SetupPlan;
import org.clusterdeck.cluster.setup.SetupStep;
import org.clusterdeck.cluster.setup.TempSteps;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.LocalProcessRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner on two "nodes" that are this machine (real processes, audited as in the app), with
 * plans whose steps use the plan's own write-file, cmp, mkfs and blkid on files in a temp directory.
 */
class SetupRunnerTest {
    private static final String CONF = "option domain-name \"lab\";\nsubnet 10.0.0.0 netmask 255.255.255.0 { }\n";

    @TempDir
    Path dir;

    private AuditLog audit;
    private Map<String, CommandRunner> nodes;
    private final List<SetupEvent> events = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();

    @BeforeEach
    void nodes() {
        audit = new AuditLog(dir.resolve("audit"));
        nodes = new LinkedHashMap<>();
        nodes.put("node1", new AuditingRunner(new LocalProcessRunner("node1"), audit));
        nodes.put("node2", new AuditingRunner(new LocalProcessRunner("node2"), audit));
    }

    @AfterEach
    void close() {
        audit.close();
    }

    @Test
    void aSecondRunSkipsEveryFinishedStepAndChangesNothingAgain() throws Exception {
        SetupPlan plan = new SetupPlan(List.of(writes("dhcp-config"), TempSteps.formats("filesystem", "node1", image(), 8 << 20)));

        SetupOutcome first = runner(true).run(plan);
        assertEquals(new SetupOutcome.Finished(2, 0), first);
        assertEquals(CONF, Files.readString(dir.resolve("node1.conf")));
        assertEquals(CONF, Files.readString(dir.resolve("node2.conf")));
        assertEquals(3, changes().size(), changes().toString()); // write-file on both nodes, mkfs, and nothing else

        events.clear();
        SetupOutcome second = runner(true).run(plan);
        assertEquals(new SetupOutcome.Finished(0, 2), second);
        assertEquals(List.of("dhcp-config", "filesystem"), events.stream()
                .filter(e -> e instanceof SetupEvent.StepSkipped).map(e -> ((SetupEvent.StepSkipped) e).step()).toList());
        assertTrue(events.stream().filter(e -> e instanceof SetupEvent.CommandRan)
                .allMatch(e -> ((SetupEvent.CommandRan) e).phase() == SetupEvent.Phase.CHECK), events.toString());
        assertEquals(3, changes().size(), "the audit log shows no change of the second run: " + changes());
        assertEquals(1, asked.size(), "the disk is not asked about again once it is formatted: " + asked);
    }

    @Test
    void aChangedFileIsWrittenAgainAndItsOriginalKeptOnce() throws Exception {
        Path file = dir.resolve("node1.conf");
        Files.writeString(file, "the admin's own\n");
        SetupPlan plan = new SetupPlan(List.of(TempSteps.writes("dhcp-config", Map.of("node1", file), CONF)));
        assertEquals(new SetupOutcome.Finished(1, 0), runner(true).run(plan));
        Files.writeString(file, "edited since\n");
        assertEquals(new SetupOutcome.Finished(1, 0), runner(true).run(plan));
        assertEquals(CONF, Files.readString(file));
        assertEquals("the admin's own\n", Files.readString(dir.resolve("node1.conf.clusterdeck-backup")));
    }

    @Test
    void aFailureStopsTheRunNamingStepNodeCommandExitAndOutputAndOffersTheUndo() throws Exception {
        Path marker = dir.resolve("mounted");
        Command fails = Command.of("sh", "-c", "echo half done; echo 'no space left on device' >&2; exit 3");
        SetupStep broken = new SetupStep("drbd", "fails on its second node",
                Map.of("node1", List.of(Command.of("touch", marker.toString())), "node2", List.of(fails)),
                Map.of("node1", List.of(Command.of("false"))), Map.of(),
                Map.of("node1", List.of(Command.of("rm", "-f", marker.toString()))), List.of(), List.of(), null);
        SetupPlan plan = new SetupPlan(List.of(writes("dhcp-config"), broken, writes("resources")));

        SetupOutcome outcome = runner(true).run(plan);

        SetupFailure f = assertInstanceOf(SetupOutcome.Failed.class, outcome).failure();
        assertEquals("drbd", f.step());
        assertEquals("node2", f.node());
        assertEquals("sh -c 'echo half done; echo '\\''no space left on device'\\'' >&2; exit 3'", f.command());
        assertEquals(3, f.exitCode());
        assertEquals("half done\nno space left on device\n", f.output());
        assertEquals(Map.of("node1", List.of("rm -f " + marker)), f.undo());
        assertTrue(Files.exists(marker), "the undo is offered, not run");
        assertEquals(new SetupEvent.Failed(f), events.get(events.size() - 1));
        assertFalse(events.stream().anyMatch(e -> e instanceof SetupEvent.StepStarted s && s.step().equals("resources")),
                "nothing after the failed step ran: " + events);
        // the failed command is in the audit log with its output, as a change
        JsonNode last = changes().get(changes().size() - 1);
        assertEquals("node2", last.get("node").asText());
        assertEquals(3, last.get("exitCode").asInt());
        assertEquals("no space left on device\n", last.get("stderr").asText());
    }

    @Test
    void aCheckWhoseToolIsMissingSaysNotDoneAndACommandThatCannotRunFailsWithoutExitCode() throws Exception {
        SetupStep step = new SetupStep("packages", "its tool is missing",
                Map.of("node1", List.of(Command.of("clusterdeck-no-such-tool"))),
                Map.of("node1", List.of(Command.of("clusterdeck-no-such-check"))),
                Map.of(), Map.of(), List.of(), List.of(), null);
        SetupFailure f = assertInstanceOf(SetupOutcome.Failed.class, runner(true).run(new SetupPlan(List.of(step)))).failure();
        assertEquals("clusterdeck-no-such-tool", f.command());
        assertNull(f.exitCode());
        assertFalse(f.output().isBlank(), f.toString());
    }

    @Test
    void aDeclinedConfirmationRunsNothingOfThatStepAndAsksWithTheDestructionsSentence() throws Exception {
        Path image = image();
        SetupStep format = TempSteps.formats("filesystem", "node1", image, 8 << 20);
        SetupPlan plan = new SetupPlan(List.of(writes("dhcp-config"), format, writes("resources")));

        SetupOutcome outcome = runner(false).run(plan);

        Destruction d = format.destroys().get(0);
        assertEquals(new SetupOutcome.Declined("filesystem", d), outcome);
        assertEquals(List.of(d.confirmation()), asked);
        assertTrue(asked.get(0).startsWith("mkfs.ext4 on node1 overwrites " + image + " (8388608 bytes, 0.0 GiB)"), asked.get(0));
        assertTrue(events.contains(new SetupEvent.Declined("filesystem", d.confirmation())), events.toString());
        assertEquals(0, countNonZero(Files.readAllBytes(image)), "the image is untouched");
        assertFalse(changes().stream().anyMatch(r -> r.get("display").asText().startsWith("mkfs")), changes().toString());
        assertFalse(Files.exists(dir.resolve("node1.conf.resources")), "no later step ran");
    }

    @Test
    void aStepThatRunsEveryTimeRunsWithoutACheck() throws Exception {
        Path stamp = dir.resolve("stamp");
        SetupStep every = new SetupStep("verification", "runs each time",
                Map.of("node1", List.of(Command.of("sh", "-c", "echo x >> \"$1\"", "sh", stamp.toString()))), Map.of(),
                Map.of(), Map.of(), List.of(), List.of(), "the proof is wanted on every run");
        SetupPlan plan = new SetupPlan(List.of(every));
        runner(true).run(plan);
        runner(true).run(plan);
        assertEquals("x\nx\n", Files.readString(stamp));
    }

    @Test
    void aCopiedFileIsReadAtItsSourceJustBeforeItIsWritten() throws Exception {
        Path key = dir.resolve("authkey");
        SetupOutcome outcome = runner(true).run(new SetupPlan(List.of(TempSteps.copies("corosync", key))));
        assertEquals(new SetupOutcome.Finished(1, 0), outcome);
        assertEquals(-1, Files.mismatch(key, dir.resolve("authkey.made")), "node2 wrote the bytes node1 made");
        assertEquals("r--------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        List<String> ran = events.stream().filter(e -> e instanceof SetupEvent.CommandRan)
                .map(e -> ((SetupEvent.CommandRan) e).node() + " " + ((SetupEvent.CommandRan) e).phase()).toList();
        assertEquals(List.of("node2 CHECK", "node1 CHANGE", "node1 READ", "node2 CHANGE", "node2 VERIFY"), ran);
        // the secret is in no event and, read with run, not in the audit log either
        String base64 = java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(key));
        assertFalse(events.toString().contains(base64));
        assertFalse(Files.readString(audit.file()).contains(base64));
    }

    @Test
    void theAnswersAreRecordedInTheAuditLogWithHowTheyWereGiven() throws Exception {
        SetupStep format = TempSteps.formats("filesystem", "node1", image(), 8 << 20);
        new SetupRunner(nodes, new AuditedConfirmation((step, d) -> true, "--yes", audit), events::add)
                .run(new SetupPlan(List.of(format)));
        JsonNode line = new ObjectMapper().readTree(Files.readAllLines(audit.file()).stream()
                .filter(l -> l.contains("\"setup-confirmation\"")).findFirst().orElseThrow());
        assertEquals("filesystem", line.get("step").asText());
        assertEquals(format.destroys().get(0).confirmation(), line.get("confirmation").asText());
        assertEquals("accepted", line.get("answer").asText());
        assertEquals("--yes", line.get("by").asText());
    }

    @Test
    void theVerificationIsTriedAgainUntilItPassesOrThePatienceIsOver() throws Exception {
        Path tries = dir.resolve("tries");
        Files.writeString(tries, "0");
        // passes on the third try, as a membership forms a moment after corosync started
        Command third = Command.of("sh", "-c", "n=$(cat \"$1\"); echo $((n+1)) > \"$1\"; [ \"$n\" -ge 2 ]", "sh", tries.toString());
        SetupStep slow = new SetupStep("corosync", "settles", Map.of("node1", List.of(Command.of("true"))),
                Map.of("node1", List.of(Command.of("false"))), Map.of("node1", List.of(third)), Map.of(), List.of(),
                List.of(), null);
        SetupRunner patient = new SetupRunner(nodes, (s, d) -> true, events::add, Duration.ofSeconds(10), Duration.ofMillis(20));
        assertEquals(new SetupOutcome.Finished(1, 0), patient.run(new SetupPlan(List.of(slow))));
        assertEquals(List.of(1, 1, 0), events.stream().filter(e -> e instanceof SetupEvent.CommandRan c
                && c.phase() == SetupEvent.Phase.VERIFY).map(e -> ((SetupEvent.CommandRan) e).exitCode()).toList());

        SetupStep never = new SetupStep("drbd", "never in sync", Map.of("node1", List.of(Command.of("true"))),
                Map.of("node1", List.of(Command.of("false"))), Map.of("node1", List.of(Command.of("false"))), Map.of(),
                List.of(), List.of(), null);
        SetupRunner briefly = new SetupRunner(nodes, (s, d) -> true, events::add, Duration.ofMillis(200), Duration.ofMillis(20));
        SetupFailure f = assertInstanceOf(SetupOutcome.Failed.class, briefly.run(new SetupPlan(List.of(never)))).failure();
        assertEquals("false", f.command());
        assertEquals(1, f.exitCode());
    }

    /** A stop asked for while a step waits ends the run there; the same plan again goes on with that step. */
    @Test
    void aStopEndsTheRunWhileAStepWaitsAndARunAfterGoesOnThere() throws Exception {
        Path synced = dir.resolve("synced");
        Command waiting = Command.of("test", "-e", synced.toString());
        SetupStep sync = new SetupStep("drbd-sync", "waits for the sync", Map.of("node1", List.of(Command.of("true"))),
                Map.of("node1", List.of(waiting)), Map.of("node1", List.of(waiting)), Map.of(), List.of(), List.of(), null);
        SetupStep after = writes("dhcp-config");
        SetupPlan plan = new SetupPlan(List.of(sync, after));
        SetupRunner[] running = new SetupRunner[1];
        // the admin stops as soon as the step has started waiting: its first verification failed
        running[0] = new SetupRunner(nodes, (s, d) -> true, e -> {
            events.add(e);
            if (e instanceof SetupEvent.CommandRan c && c.phase() == SetupEvent.Phase.VERIFY) {
                running[0].stop();
            }
        }, Duration.ofMinutes(5), Duration.ofMillis(20));
        long t0 = System.nanoTime();
        assertEquals(new SetupOutcome.Stopped("drbd-sync"), running[0].run(plan));
        assertTrue(System.nanoTime() - t0 < Duration.ofMinutes(1).toNanos(), "stopped, not waited out");
        assertEquals(new SetupEvent.Stopped("drbd-sync"), events.get(events.size() - 1));
        assertFalse(Files.exists(dir.resolve("node1.conf")), "nothing after the stopped step ran");

        // stopped before a step: nothing of it runs
        SetupRunner stoppedEarly = new SetupRunner(nodes, (s, d) -> true, events::add);
        stoppedEarly.stop();
        assertEquals(new SetupOutcome.Stopped("drbd-sync"), stoppedEarly.run(plan));

        Files.writeString(synced, "");
        events.clear();
        assertEquals(new SetupOutcome.Finished(1, 1), new SetupRunner(nodes, (s, d) -> true, events::add).run(plan));
        assertEquals(CONF, Files.readString(dir.resolve("node1.conf")));
    }

    @Test
    void aStepOfIndependentNodesRunsOnBothAtOnceAndReportsTheFirstNodesFailure() throws Exception {
        Path mark1 = dir.resolve("node1.up");
        Path mark2 = dir.resolve("node2.up");
        // each node waits (up to 10 s) for the other's mark: one after the other, the first would time out
        String wait = "touch \"$1\"; i=0; while [ ! -e \"$2\" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done;"
                + " [ -e \"$2\" ]";
        SetupStep both = new SetupStep("drbd-sync", "both up", Map.of(
                "node1", List.of(Command.of("sh", "-c", wait, "sh", mark1.toString(), mark2.toString())),
                "node2", List.of(Command.of("sh", "-c", wait, "sh", mark2.toString(), mark1.toString()))),
                Map.of("node1", List.of(Command.of("false"))), Map.of("node1", List.of(Command.of("true"))), Map.of(),
                List.of(), List.of(), null, true);
        assertEquals(new SetupOutcome.Finished(1, 0), runner(true).run(new SetupPlan(List.of(both))));

        // both fail: both are let finish, and the failure named is the first node's in the spec's order
        SetupStep failing = new SetupStep("packages", "both fail", Map.of(
                "node2", List.of(Command.of("sh", "-c", "exit 2")), "node1", List.of(Command.of("sh", "-c", "sleep 0.3; exit 3"))),
                Map.of("node1", List.of(Command.of("false"))), Map.of("node1", List.of(Command.of("true"))), Map.of(),
                List.of(), List.of(), null, true);
        events.clear();
        SetupFailure f = assertInstanceOf(SetupOutcome.Failed.class, runner(true).run(new SetupPlan(List.of(failing))))
                .failure();
        assertEquals("node1", f.node());
        assertEquals(3, f.exitCode());
        assertEquals(2, events.stream().filter(e -> e instanceof SetupEvent.CommandRan c
                && c.phase() == SetupEvent.Phase.CHANGE).count(), "both nodes' commands ran to their end");
    }

    @Test
    void nodesThatAnswerDifferentlyAreNotDoneAndTheFailureShowsWhatDiffers() throws Exception {
        Path v1 = Files.writeString(dir.resolve("versions1"), "corosync 3.1.9\npacemaker 3.0.0\n");
        Path v2 = Files.writeString(dir.resolve("versions2"), "corosync 3.1.9\npacemaker 2.1.5\n");
        // its check passes: only the disagreement keeps it from being skipped
        SetupStep packages = new SetupStep("packages", "the same versions",
                Map.of("node1", List.of(Command.of("true")), "node2", List.of(Command.of("true"))),
                Map.of("node1", List.of(Command.of("true")), "node2", List.of(Command.of("true"))), Map.of(), Map.of(),
                List.of(), List.of(), null, true,
                Map.of("node1", List.of(Command.of("cat", v1.toString())), "node2", List.of(Command.of("cat", v2.toString()))));

        SetupFailure f = assertInstanceOf(SetupOutcome.Failed.class, runner(true).run(new SetupPlan(List.of(packages))))
                .failure();
        assertEquals("node2", f.node());
        assertEquals("cat " + v2, f.command());
        assertEquals("the nodes must answer the same, and do not:\nnode1 alone has:\n  pacemaker 3.0.0\n"
                + "node2 alone has:\n  pacemaker 2.1.5\n", f.output());
        assertTrue(events.stream().anyMatch(e -> e instanceof SetupEvent.CommandRan c && c.phase() == SetupEvent.Phase.CHANGE),
                "not skipped, though its check passed: " + events);

        Files.writeString(v2, Files.readString(v1));
        events.clear();
        assertEquals(new SetupOutcome.Finished(0, 1), runner(true).run(new SetupPlan(List.of(packages))));
    }

    private SetupStep writes(String name) {
        String suffix = name.equals("dhcp-config") ? "" : "." + name;
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("node1", dir.resolve("node1.conf" + suffix));
        files.put("node2", dir.resolve("node2.conf" + suffix));
        return TempSteps.writes(name, files, CONF);
    }

    private Path image() throws Exception {
        Path image = dir.resolve("disk.img");
        Files.write(image, new byte[8 << 20]);
        return image;
    }

    private SetupRunner runner(boolean yes) {
        return new SetupRunner(nodes, (step, d) -> {
            asked.add(d.confirmation());
            return yes;
        }, events::add);
    }

    private static long countNonZero(byte[] bytes) {
        long n = 0;
        for (byte b : bytes) {
            if (b != 0) {
                n++;
            }
        }
        return n;
    }

    private List<JsonNode> changes() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(audit.file())) {
            JsonNode record = json.readTree(line);
            if (record.path("changing").asBoolean()) {
                out.add(record);
            }
        }
        return out;
    }
}
