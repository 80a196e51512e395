package org.clusterdeck.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's own files: whole or not at all, and nobody else's to read. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFileAndTheDirectoriesMadeForItAreTheOwnersAlone() throws Exception {
        Path file = dir.resolve("config").resolve("clusterdeck").resolve("clusters.json");
        AtomicFiles.write(file, "{}");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("config"))));
    }

    @Test
    void aRewriteReplacesTheFileWholeAndLeavesNoTemporaryFileBehind() throws Exception {
        Path file = dir.resolve("clusters.json");
        AtomicFiles.write(file, "first");
        AtomicFiles.write(file, "second");
        assertEquals("second", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }
}
