package org.clusterdeck.cluster.setup.preflight;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.LocalProcessRunner;
import org.clusterdeck.transport.TransportException;
import org.junit.jupiter.api.Assumptions;

/**
 * Real block devices for the disk facts: loop devices over temporary files, each detached and
 * deleted by {@link #close}, whatever the test did. Needs root; a test without it is skipped, saying why.
 */
final class LoopDisks implements AutoCloseable {
    static final long MIB = 1024 * 1024;
    private static final LocalProcessRunner HOST = new LocalProcessRunner("test host");

    private final Path dir;
    private final List<String> devices = new ArrayList<>();

    LoopDisks(Path dir) {
        this.dir = dir;
    }

    static void assumeRoot() {
        Assumptions.assumeTrue(run(Command.of("id", "-u")).stdout().strip().equals("0"),
                "skipped: loop devices need root; run the test as root");
    }

    /** An empty disk of this many bytes. */
    String empty(long bytes) {
        return attach(bytes);
    }

    /** An empty disk the kernel lets nobody write. */
    String readOnly(long bytes) {
        return attach(bytes, "--read-only");
    }

    String swap(long bytes) {
        String dev = empty(bytes);
        ok(Command.of("mkswap", "--label", "old-swap", dev));
        return dev;
    }

    private String attach(long bytes, String... options) {
        Path file = dir.resolve("disk" + devices.size() + ".img");
        try {
            Files.createFile(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ok(Command.of("truncate", "-s", Long.toString(bytes), file.toString()));
        List<String> argv = new ArrayList<>(List.of("losetup", "--find", "--show"));
        argv.addAll(List.of(options));
        argv.add(file.toString());
        String dev = ok(Command.of("losetup", argv.subList(1, argv.size()))).strip();
        devices.add(dev);
        return dev;
    }

    String ext4(long bytes, String label) {
        String dev = empty(bytes);
        ok(Command.of("mkfs.ext4", "-q", "-F", "-L", label, dev));
        return dev;
    }

    /** A DOS partition table with one Linux partition over the first half. */
    String partitioned(long bytes) {
        String dev = empty(bytes);
        ok(Command.of("sfdisk", "--quiet", "--no-reread", "--no-tell-kernel", dev)
                .withStdin("label: dos\n,%d,L\n".formatted(bytes / 2 / 512)));
        return dev;
    }

    @Override
    public void close() {
        for (String dev : devices) {
            run(Command.of("losetup", "--detach", dev));
        }
        devices.clear();
    }

    static String ok(Command c) {
        CommandResult r = run(c);
        assertTrue(r.ok(), c.display() + " exited " + r.exitCode() + ": " + r.stderr());
        return r.stdout();
    }

    static CommandResult run(Command c) {
        try {
            return HOST.run(c.withTimeout(Duration.ofSeconds(30)));
        } catch (TransportException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
