package org.clusterdeck.app.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.setup.FenceProbe;
import org.clusterdeck.cluster.setup.SetupSpec;
import org.clusterdeck.cluster.setup.SetupSpecReader;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.LocalProcessRunner;
import org.clusterdeck.transport.Runners;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Asking fence devices before the setup, with this machine's real fence agents standing in for the
 * nodes' ("nodes" that are this machine): the status request, where it runs, and what comes back.
 */
class FenceCheckTest {
    /** fence_virsh, pointed at a closed port: the device cannot be reached, fast. */
    private static final String VIRSH = "  kind: virsh\n  parameters:\n"
            + "    node1: {ip: 127.0.0.1, ipport: \"1\", username: admin, password: s3cret, plug: vm1}\n"
            + "    node2: {ip: 127.0.0.1, ipport: \"1\", username: admin, password: s3cret, plug: vm2}\n";

    private static SetupSpec spec(String fencing) {
        String example = SetupSpecReader.example();
        return SetupSpecReader.read(example.replace(example.substring(example.indexOf("  kind: ipmi"),
                example.indexOf("  # The node that survives")), fencing));
    }

    @Test
    void theStatusRequestCarriesTheParametersOnStandardInputNeverInTheCommandLine() {
        List<FenceProbe> probes = FenceProbe.of(spec(VIRSH));
        assertEquals(List.of("node1", "node2"), probes.stream().map(FenceProbe::target).toList());
        Command status = probes.get(1).status();
        assertEquals(List.of("fence_virsh"), status.argv());
        assertEquals("ip=127.0.0.1\nipport=1\nusername=admin\npassword=s3cret\nplug=vm2\naction=status\n", status.stdin());
        assertFalse(status.display().contains("s3cret"), status.display());
    }

    @Test
    void eachDeviceIsAskedFromTheOtherNodeAndItsAnswerIsGivenInWords() throws Exception {
        Assumptions.assumeTrue(new LocalProcessRunner("here").run(FenceProbe.of(spec(VIRSH)).get(0).hasAgent()).ok(),
                "skipped: fence_virsh is not installed here (.ci/run installs fence-agents)");
        Map<String, CommandRunner> nodes = new LinkedHashMap<>();
        nodes.put("node1", new LocalProcessRunner("node1"));
        nodes.put("node2", new LocalProcessRunner("node2"));
        List<FenceCheck> checks = FenceCheck.run(spec(VIRSH), nodes, new LocalProcessRunner("here"));
        assertEquals(List.of("node1", "node2"), checks.stream().map(FenceCheck::target).toList());
        assertEquals(List.of("node2", "node1"), checks.stream().map(FenceCheck::from).toList(), "the other node asks");
        FenceCheck c = checks.get(0);
        assertFalse(c.ok());
        assertTrue(c.answer().startsWith("the device did not answer as expected (exit 1): ")
                && c.answer().contains("Unable to connect/login to fencing device"), c.answer());
    }

    @Test
    void anAgentInstalledNowhereIsNotAskedAndTheAnswerSaysWhy() {
        // the nodes "are" this machine without fence_virsh on their PATH
        Map<String, CommandRunner> nodes = new LinkedHashMap<>();
        LocalProcessRunner here = new LocalProcessRunner("bare");
        CommandRunner bare = Runners.of("bare", c -> here.run(c.withEnv("PATH", "/nonexistent")));
        nodes.put("node1", bare);
        nodes.put("node2", bare);
        FenceCheck c = FenceCheck.run(spec(VIRSH), nodes, bare).get(0);
        assertNull(c.from());
        assertFalse(c.ok());
        assertTrue(c.answer().startsWith("not checked: fence_virsh is not installed on node2; fence_virsh is not"
                + " installed on this machine."), c.answer());
    }

    @Test
    void withSbdEachNodesSharedDiskAndWatchdogAreJudgedAsThePreflightDoes() throws Exception {
        // no such disk, on "nodes" that are this machine
        String notADisk = "/dev/nonexistent-sbd";
        SetupSpec sbd = spec("  kind: sbd\n  parameters:\n    node1: {devices: " + notADisk + "}\n    node2: {devices: "
                + notADisk + "}\n");
        Map<String, CommandRunner> nodes = new LinkedHashMap<>();
        nodes.put("node1", new LocalProcessRunner("node1"));
        nodes.put("node2", new LocalProcessRunner("node2"));
        List<FenceCheck> checks = FenceCheck.run(sbd, nodes, new LocalProcessRunner("here"));
        assertEquals(List.of("node1", "node2"), checks.stream().map(FenceCheck::target).toList());
        FenceCheck c = checks.get(0);
        assertEquals("node1", c.from(), "examined on the node itself");
        assertFalse(c.ok());
        assertTrue(c.line().startsWith("node1: node1: the SBD disk " + notADisk + " is not a block device there ("),
                c.line());
        // this machine's watchdog, as the pre-flight's rule sees it
        boolean watchdog = Files.exists(Path.of("/dev/watchdog"));
        assertEquals(!watchdog, c.answer().contains("node1 has no /dev/watchdog"), c.answer());
    }
}
