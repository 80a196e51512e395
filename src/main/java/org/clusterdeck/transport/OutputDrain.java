package org.clusterdeck.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reads a command's stdout or stderr to the end in the background, so a tool that fills one pipe
 * never blocks while the other is read. Own threads, not the common pool: on a 2-core machine that
 * pool has one thread and draining both streams one after the other deadlocks.
 */
public final class OutputDrain {
    private static final ExecutorService DRAINERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "command-output");
        t.setDaemon(true);
        return t;
    });

    private OutputDrain() {
    }

    /** Background threads for work that may block on a node, such as closing a hung channel. */
    public static java.util.concurrent.Executor executor() {
        return DRAINERS;
    }

    public static CompletableFuture<String> start(InputStream s) {
        return CompletableFuture.supplyAsync(() -> {
            try (s) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                s.transferTo(buf);
                return buf.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }, DRAINERS);
    }
}
