package org.clusterdeck.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running real local processes to their end: output kept, and bounded. */
class LocalProcessRunnerTest {
    private final LocalProcessRunner runner = new LocalProcessRunner("here");

    @TempDir
    Path dir;

    /**
     * A tool that prints without end is stopped at the limit with an error naming the command and
     * the stream, long before its timeout, and is not left running.
     */
    @Test
    void aCommandThatPrintsWithoutEndIsStoppedAtTheLimitWithAClearError() throws Exception {
        String marker = dir.resolve("endless").toString();
        Command endless = Command.of("sh", "-c", "exec yes '<node name=\"" + marker + "\"/>'")
                .withTimeout(Duration.ofSeconds(120));
        long start = System.nanoTime();
        TransportException e = assertThrows(TransportException.class, () -> runner.run(endless));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 60, "stopped at the limit, not the timeout");
        assertEquals(TransportException.Kind.FAILED, e.kind());
        assertTrue(e.getMessage().contains("printed more than 64 MiB on stdout, more than any cluster tool should: it"
                + " was stopped"), e.getMessage());
        assertEquals(0, ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(marker))
                .count(), "the endless command is gone");
    }

    /**
     * runAll runs the commands at the same time: the first waits for a file only the last one makes,
     * which, run one after the other, would end by the first one's timeout. Results come in order.
     */
    @Test
    void runAllRunsTheCommandsAtOnceAndAnswersInOrder() throws Exception {
        String flag = dir.resolve("flag").toString();
        Command waits = Command.of("sh", "-c", "while [ ! -e \"$1\" ]; do sleep 0.05; done; echo waited", "sh", flag)
                .withTimeout(Duration.ofSeconds(20));
        List<CommandResult> r = runner.runAll(List.of(waits, Command.of("echo", "middle"),
                Command.of("touch", flag)));
        assertEquals(List.of("waited\n", "middle\n", ""), r.stream().map(CommandResult::stdout).toList());

        TransportException e = assertThrows(TransportException.class, () -> runner.runAll(List.of(
                Command.of("true"), Command.of("sleep", "5").withTimeout(Duration.ofMillis(300)))));
        assertEquals(TransportException.Kind.TIMED_OUT, e.kind(), e.getMessage());
    }

    @Test
    void outputBelowTheLimitIsKeptWhole() throws Exception {
        CommandResult r = runner.run(Command.of("sh", "-c", "head -c 3000000 /dev/zero | tr '\\0' x; echo >&2 done")
                .withTimeout(Duration.ofSeconds(60)));
        assertEquals(0, r.exitCode());
        assertEquals(3_000_000, r.stdout().length());
        assertEquals("done\n", r.stderr());
    }
}
