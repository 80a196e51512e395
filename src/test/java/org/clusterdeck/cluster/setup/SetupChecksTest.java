package org.clusterdeck.cluster.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plan's commands that can run on this machine, run for real. Writing a file keeps the first
 * original as its backup through a resumed run, and the undo brings it back. The filesystem step's
 * "already done?" on a backing disk (an image file here) that carries DRBD's internal metadata at its
 * end, as the real disk does. Unfiltered, blkid names that disk "drbd" (USAGE raid) and hides the
 * filesystem; the check asks for filesystems only.
 */
class SetupChecksTest {
    private static final long SIZE = 64L << 20;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "metadata {0}")
    @ValueSource(strings = {"v08", "v09"})
    void theFilesystemCheckSeesTheFilesystemUnderDrbdsMetadata(String metadata) throws Exception {
        Path disk = dir.resolve("disk.img");
        try (RandomAccessFile f = new RandomAccessFile(disk.toFile(), "rw")) {
            f.setLength(SIZE);
        }
        List<String> createMd = new java.util.ArrayList<>(List.of("drbdmeta", "--force", "0", metadata, disk.toString(),
                "internal", "create-md"));
        if (metadata.equals("v09")) {
            createMd.add("1");
        }
        RealTools.ok(null, createMd.toArray(String[]::new));
        var check = SetupCommands.hasSignature(disk.toString(), "ext4");
        assertNotEquals(0, RealTools.run(check).exitCode(), "no filesystem yet: the step is not done");

        // mkfs as the plan runs it on the DRBD device, which ends where the metadata begins
        RealTools.ok(null, "mkfs.ext4", "-q", "-F", disk.toString(), "60M");
        assertEquals(0, RealTools.run(check).exitCode(), "the filesystem is there: the step is done");
        assertNotEquals(0, RealTools.run(SetupCommands.hasSignature(disk.toString(), "xfs")).exitCode());
    }

    @Test
    void aWrittenFileKeepsTheFirstOriginalAsBackupAndTheUndoRestoresIt() throws Exception {
        Path path = dir.resolve("dhcpd.conf");
        Files.writeString(path, "the admin's own\n");
        PlannedFile first = PlannedFile.written("node1", path.toString(), "0640", "ours, first try\n");
        // run as the runner runs it, with the text on standard input
        RealTools.ok(SetupCommands.writeFile(first));
        assertEquals("ours, first try\n", Files.readString(path));
        assertEquals("the admin's own\n", Files.readString(Path.of(first.backupPath())));
        assertEquals("rw-r-----", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(path)));
        assertEquals(0, RealTools.run(SetupCommands.sameContent(path.toString(), "ours, first try\n")).exitCode());
        assertNotEquals(0, RealTools.run(SetupCommands.sameContent(path.toString(), "other\n")).exitCode());

        // a resumed run writes again: the backup is still the admin's file, not ours
        RealTools.ok(SetupCommands.writeFile(PlannedFile.written("node1", path.toString(), "0640", "ours\n")));
        assertEquals("the admin's own\n", Files.readString(Path.of(first.backupPath())));

        RealTools.ok(SetupCommands.restoreFile(first));
        assertEquals("the admin's own\n", Files.readString(path));
        assertFalse(Files.exists(Path.of(first.backupPath())));

        // where there was no file, the undo leaves none
        Path fresh = dir.resolve("r0.res");
        PlannedFile created = PlannedFile.written("node1", fresh.toString(), "0644", "resource r0 {}\n");
        RealTools.ok(SetupCommands.writeFile(created));
        assertFalse(Files.exists(Path.of(created.backupPath())));
        RealTools.ok(SetupCommands.restoreFile(created));
        assertFalse(Files.exists(fresh));
    }

    @Test
    void aCopiedFileArrivesByteForByte() throws Exception {
        Path source = dir.resolve("authkey-node1");
        byte[] key = new byte[256];
        new java.security.SecureRandom().nextBytes(key);
        Files.write(source, key);
        String base64 = RealTools.ok(SetupCommands.readFileBase64(source.toString())).stdout();
        Path target = dir.resolve("authkey");
        PlannedFile copy = PlannedFile.copied("node2", target.toString(), "0400", "node1");
        RealTools.ok(SetupCommands.receiveFile(copy).withStdin(base64));
        org.junit.jupiter.api.Assertions.assertArrayEquals(key, Files.readAllBytes(target));
        assertEquals("r--------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(target)));
    }

    /** Every shell script of every plan parses in the nodes' sh (dash on Debian): a typo shows here, not on a node. */
    @ParameterizedTest(name = "DRBD 9 {0}")
    @ValueSource(booleans = {true, false})
    void everyScriptOfThePlanParses(boolean drbd9) {
        NodeGeneration g = new NodeGeneration(drbd9, "2.1.5", NodeGeneration.PackageManager.APT, 1L << 30, 1L << 20);
        int scripts = 0;
        for (SetupSpec spec : List.of(Specs.example(), Specs.sbd(), Specs.lab(), Specs.none())) {
            for (SetupStep step : SetupPlan.of(spec, java.util.Map.of("node1", g, "node2", g)).steps()) {
                List<org.clusterdeck.transport.Command> all = new java.util.ArrayList<>();
                for (var byNode : List.of(step.commands(), step.check(), step.verification(), step.undo())) {
                    byNode.values().forEach(all::addAll);
                }
                for (var c : all) {
                    if (c.argv().get(0).equals("sh")) {
                        var r = RealTools.run(null, "sh", "-n", "-c", c.argv().get(2));
                        assertEquals(0, r.exitCode(), step.name() + ": " + c.argv().get(2) + "\n" + r.stderr());
                        scripts++;
                    }
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(scripts > 40, "scripts parsed: " + scripts);
    }
}
