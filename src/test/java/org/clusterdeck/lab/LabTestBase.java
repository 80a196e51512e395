package org.clusterdeck.lab;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;

/**
 * Lab test classes start from a lab that is down and leave the machine clean, whatever happened
 * in between; they are skipped with a message where the lab cannot run (not root, no namespaces).
 */
@Tag("lab")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LabTestBase {
    static final Duration SCRIPT = Duration.ofSeconds(60);

    Lab lab;

    @BeforeAll
    void startFromNothing() {
        Lab.assumeUsable();
        lab = new Lab();
        lab.ok(SCRIPT, "down");
    }

    @AfterAll
    void leaveTheMachineClean() {
        if (lab != null) {
            lab.run(SCRIPT, "down");
        }
    }
}
