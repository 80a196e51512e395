package org.clusterdeck.cluster.software;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.command.Probe;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.LocalProcessRunner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The DRBD module's version from drbdadm --version, as drbd-utils 9.22 prints it with each module and without one. */
class SoftwareProbeTest {
    @Test
    void theModulesVersionComesFromDrbdadmWhicheverGenerationIsLoaded() {
        assertEquals("9.2.16", SoftwareProbe.drbdKernel(Corpus.read("drbd/drbd9/versions__vm1__drbdadm_--version.txt")));
        // drbd-utils 9 with DRBD 8.4's module prints the version code only: 0x08040b is 8.4.11
        assertEquals("8.4.11", SoftwareProbe.drbdKernel(Corpus.read("drbd/drbd84/versions__vm1__drbdadm_--version.txt")));
        assertEquals("8.4.11", Corpus.read("drbd/drbd84/versions__vm1__kernel_module_utils.txt").lines()
                .filter(l -> l.startsWith("version:")).map(l -> l.split("\\s+")[1]).findFirst().orElseThrow(),
                "modinfo of the same guest");
    }

    /**
     * drbd-utils installed, no DRBD module (this machine: the namespace lab's nodes share its tools):
     * drbdadm says version "0", which must not make the node a DRBD node.
     */
    @Test
    void withoutAModuleThereIsNoDrbdKernel() throws Exception {
        LocalProcessRunner local = new LocalProcessRunner("here");
        Assumptions.assumeTrue(local.run(Probe.optionalTools()).stdout().contains("/drbdadm")
                && !Files.exists(Path.of("/proc/drbd")), "needs drbd-utils without a loaded DRBD module");
        CommandResult v = local.run(Probe.drbdVersion());
        assertEquals(0, v.exitCode(), v.stderr());
        assertEquals("0x000000", v.stdout().lines().filter(l -> l.startsWith("DRBD_KERNEL_VERSION_CODE="))
                .map(l -> l.substring(l.indexOf('=') + 1)).findFirst().orElseThrow(), v.stdout());
        assertNull(SoftwareProbe.drbdKernel(v.stdout()), v.stdout());
    }
}
