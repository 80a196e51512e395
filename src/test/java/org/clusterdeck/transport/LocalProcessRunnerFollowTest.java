package org.clusterdeck.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Following real local processes: output as it comes, how they end, and closing them. */
class LocalProcessRunnerFollowTest {
    private final LocalProcessRunner runner = new LocalProcessRunner("here");

    /** Everything a listener hears, in order. */
    private static final class Heard implements OutputListener {
        final BlockingQueue<String> output = new LinkedBlockingQueue<>();
        final BlockingQueue<Object> end = new LinkedBlockingQueue<>();

        @Override
        public void output(String text) {
            output.add(text);
        }

        @Override
        public void ended(CommandResult result) {
            end.add(result);
        }

        @Override
        public void failed(TransportException problem) {
            end.add(problem);
        }

        String next() throws InterruptedException {
            return output.poll(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void outputArrivesWhileTheCommandRunsEvenWithoutALineEnd() throws Exception {
        Heard heard = new Heard();
        // the second part comes only after the first was seen: it cannot be a read at the end
        Path go = Files.createTempFile("follow", ".go");
        Files.delete(go);
        try (CommandStream s = runner.follow(Command.of("sh", "-c",
                "printf 'first.'; while [ ! -e '" + go + "' ]; do sleep 0.05; done; printf 'second'; sleep 60"), heard)) {
            assertEquals("first.", heard.next());
            assertTrue(s.isOpen());
            Files.createFile(go);
            assertEquals("second", heard.next());
            assertNull(heard.end.poll(300, TimeUnit.MILLISECONDS), "still running");
        } finally {
            Files.deleteIfExists(go);
        }
    }

    @Test
    void anEndedCommandReportsItsExitCodeAndStandardError() throws Exception {
        Heard heard = new Heard();
        CommandStream s = runner.follow(Command.of("sh", "-c", "echo out; echo 'it broke' >&2; exit 3"), heard);
        Object end = heard.end.poll(5, TimeUnit.SECONDS);
        CommandResult result = (CommandResult) end;
        assertEquals(3, result.exitCode());
        assertEquals("it broke\n", result.stderr());
        assertEquals("", result.stdout(), "stdout went to the listener");
        assertEquals("out\n", heard.next());
        assertFalse(s.isOpen());
    }

    @Test
    void closingKillsTheProcessAndItsChildrenAndSilencesTheListener(@TempDir Path dir) throws Exception {
        Heard heard = new Heard();
        Path pidFile = dir.resolve("child.pid");
        CommandStream s = runner.follow(Command.of("sh", "-c",
                "sleep 600 & echo $! > '" + pidFile + "'; echo started; wait"), heard);
        assertEquals("started\n", heard.next());
        long child = Long.parseLong(Files.readString(pidFile).trim());
        assertTrue(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false));
        s.close();
        assertFalse(s.isOpen());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "the child is gone");
        assertNull(heard.end.poll(300, TimeUnit.MILLISECONDS), "a closed stream reports nothing more");
    }

    @Test
    void aMissingToolIsAClearErrorAtTheStart() {
        TransportException e = assertThrows(TransportException.class,
                () -> runner.follow(Command.of("no-such-tool-clusterdeck"), new Heard()));
        assertTrue(e.getMessage().contains("not installed"), e.getMessage());
        assertNotNull(e.getMessage());
        assertEquals(TransportException.Kind.NOT_FOUND, e.kind());
        assertEquals("here", e.node());
        assertEquals("cannot run no-such-tool-clusterdeck: not installed (not found on PATH)", e.detail());
    }
}
