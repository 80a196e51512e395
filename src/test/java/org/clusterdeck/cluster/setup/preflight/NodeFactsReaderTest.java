package org.clusterdeck.cluster.setup.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clusterdeck.cluster.drbd.DrbdGeneration;
import org.clusterdeck.cluster.setup.NodeGeneration;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.junit.jupiter.api.Test;

/** Every fact read from this machine through the real commands: each parser on what the tool really prints. */
class NodeFactsReaderTest extends LoopDiskTest {
    @Test
    void readsEveryFactOfThisMachineWithoutAProblem() throws Exception {
        String disk = disks.empty(32 * LoopDisks.MIB);
        var spec = ThisMachine.spec(disk, "/dev/nonexistent-disk", 7789);
        NodeFacts f = ThisMachine.facts(spec, 0);

        assertTrue(f.reachable());
        assertEquals(List.of(), f.problems(), "every command answered and every answer parsed");
        assertEquals(ThisMachine.name(), f.unameNode());
        assertEquals(ThisMachine.name(), f.hostname());
        // getent's answer for this machine's own name, and for a name nobody has (exit 2)
        assertEquals(ThisMachine.name(), f.lookups().get(0).name());
        assertEquals(java.net.InetAddress.getByName(ThisMachine.name()).getHostAddress(), f.lookups().get(0).address());
        assertFalse(f.lookups().get(1).resolves());
        assertNotNull(f.timeSync());
        assertEquals(ClusterPackages.APT, f.packageManager());
        assertEquals(installedVersion("pacemaker"), f.packages().get("pacemaker"));
        assertEquals(Files.exists(Path.of(ClusterPresence.COROSYNC_CONF)),
                f.cluster().configFiles().contains(ClusterPresence.COROSYNC_CONF));
        assertEquals(Files.exists(Path.of(ClusterPresence.COROSYNC_CONF)), f.cluster().corosyncConf() != null);
        assertEquals(Files.exists(Path.of("/proc/drbd")) || LoopDisks.run(
                Command.of("modinfo", "drbd")).ok(), f.drbd().present());
        assertEquals(Files.exists(Path.of("/etc/passwd")) && LoopDisks.run(Command.of("getent", "passwd", "dhcpd")).ok(),
                f.dhcpd() != null);
        assertEquals(disk, f.disk().path());
        assertEquals(32 * LoopDisks.MIB, f.disk().device().sizeBytes());
    }

    @Test
    void theTimeSourceThisMachineHasOrWhyNone() {
        TimeSync t = ThisMachine.facts(ThisMachine.spec(disks.empty(LoopDisks.MIB), "/dev/x", 7789), 0).timeSync();
        CommandResult timedatectl = LoopDisks.run(PreflightCommands.timedatectlSynchronised());
        if (timedatectl.ok()) {
            assertEquals("timedatectl", t.source());
        } else if (t.state() == TimeSync.State.UNKNOWN) {
            // no systemd and no chronyd here (this machine when written): both tools' own words say why
            assertTrue(t.detail().contains("timedatectl") && t.detail().contains("chronyc"), t.detail());
        } else {
            assertEquals("chronyc", t.source());
        }
    }

    @Test
    void anExt4DiskAPartitionedDiskAnEmptyDiskAndNoDisk() {
        String ext4 = disks.ext4(32 * LoopDisks.MIB, "data");
        String dos = disks.partitioned(33 * LoopDisks.MIB);
        String empty = disks.empty(34 * LoopDisks.MIB);

        DiskFacts withFs = disk(ext4);
        assertEquals(1, withFs.signatures().size());
        assertEquals("ext4", withFs.signatures().get(0).type());
        assertEquals("data", withFs.signatures().get(0).label());
        assertNotNull(withFs.signatures().get(0).uuid());
        assertEquals(32 * LoopDisks.MIB, withFs.device().sizeBytes());

        DiskFacts withTable = disk(dos);
        assertEquals(List.of("dos"), withTable.signatures().stream().map(DiskSignature::type).toList());
        assertEquals(33 * LoopDisks.MIB, withTable.device().sizeBytes());

        DiskFacts bare = disk(empty);
        assertEquals(List.of(), bare.contents());
        assertEquals("loop", bare.device().type());

        DiskFacts none = disk("/dev/no-such-disk");
        assertFalse(none.exists());
        assertTrue(none.missing().contains("not a block device"), none.missing());

        // a regular file is not a block device either, whatever it holds
        DiskFacts file = disk(dir.resolve("disk0.img").toString());
        assertFalse(file.exists(), "an image file is not a disk");
    }

    @Test
    void portsHeldOnThisMachine() throws Exception {
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(0));
                ServerSocket tcp = new ServerSocket()) {
            tcp.bind(new InetSocketAddress("127.0.0.1", 0));
            List<ListeningPort> ports = ThisMachine.facts(ThisMachine.spec(disks.empty(LoopDisks.MIB), "/dev/x", 7789), 0)
                    .listening();
            // Java's sockets are dual-stack: ss prints [::ffff:127.0.0.1]:PORT
            assertTrue(ports.stream().anyMatch(p -> p.protocol().equals("tcp") && p.port() == tcp.getLocalPort()
                    && p.address().endsWith("127.0.0.1")), ports.toString());
            assertTrue(ports.stream().anyMatch(p -> p.protocol().equals("udp") && p.port() == udp.getLocalPort()),
                    ports.toString());
        }
    }

    @Test
    void aCorosyncInThisPidNamespaceCountsOneInAnotherDoesNot() throws Exception {
        // a process named corosync (sleep under that name): pgrep sees names, nothing else
        Path corosync = dir.resolve("corosync");
        Files.copy(Path.of(LoopDisks.ok(Command.of("sh", "-c", "command -v sleep")).strip()), corosync);
        corosync.toFile().setExecutable(true);
        var spec = ThisMachine.spec(disks.empty(LoopDisks.MIB), "/dev/x", 7789);
        assertFalse(ThisMachine.facts(spec, 0).cluster().corosyncRunning(), "no corosync here to begin with");

        // --kill-child: the forked corosync dies with unshare, which this test ends by its own handle
        Process other = new ProcessBuilder("unshare", "--pid", "--fork", "--kill-child", corosync.toString(), "60")
                .start();
        try {
            awaitCorosync(other);
            assertFalse(ThisMachine.facts(spec, 0).cluster().corosyncRunning(),
                    "a corosync in another PID namespace (a container, a lab node) is not this node's");
        } finally {
            end(other);
        }
        Process own = new ProcessBuilder(corosync.toString(), "60").start();
        try {
            awaitCorosync(own);
            assertTrue(ThisMachine.facts(spec, 0).cluster().corosyncRunning());
        } finally {
            end(own);
        }
    }

    /** Until the process, or the one it forked, has become corosync (Java and unshare exec it a moment later). */
    private static void awaitCorosync(Process started) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            boolean running = java.util.stream.Stream.concat(java.util.stream.Stream.of(started.toHandle()),
                    started.descendants()).anyMatch(h -> h.info().command().map(c -> c.endsWith("/corosync")).orElse(false));
            if (running) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the test's corosync did not start");
    }

    private static void end(Process p) throws InterruptedException {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor();
    }

    @Test
    void theGenerationThePlanNeeds() {
        NodeFacts f = ThisMachine.facts(ThisMachine.spec(disks.empty(LoopDisks.MIB), "/dev/x", 7789), 0);
        NodeGeneration g = Preflight.generation(f);
        assertEquals(NodeGeneration.PackageManager.APT, g.packageManager());
        // installed, or on a machine without it the version apt would install
        assertEquals(f.packages().getOrDefault("pacemaker", f.pacemakerCandidate()), g.pacemakerVersion());
        assertEquals(installedVersion("pacemaker"), f.packages().get("pacemaker"));
        assertEquals(f.drbd().generation() == DrbdGeneration.V9, g.drbd9());
        assertEquals(LoopDisks.MIB, g.diskBytes());
        if (!f.drbd().present()) {
            assertNull(f.drbd().version());
        }
    }

    private DiskFacts disk(String path) {
        return ThisMachine.facts(ThisMachine.spec(path, "/dev/x", 7789), 0).disk();
    }

    /** dpkg's answer in its default format, not the one the reader asks for. */
    private static String installedVersion(String pkg) {
        CommandResult r = LoopDisks.run(Command.of("dpkg-query", "--show", pkg));
        return r.ok() ? r.stdout().strip().split("\t")[1] : null;
    }
}
