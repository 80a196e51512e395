package org.clusterdeck.cluster.setup.preflight;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test that makes real loop devices: skipped without root, every device detached after each test. */
abstract class LoopDiskTest {
    @TempDir
    Path dir;

    LoopDisks disks;

    @BeforeEach
    void root() {
        LoopDisks.assumeRoot();
        disks = new LoopDisks(dir);
    }

    @AfterEach
    void detach() {
        if (disks != null) {
            disks.close();
        }
    }
}
