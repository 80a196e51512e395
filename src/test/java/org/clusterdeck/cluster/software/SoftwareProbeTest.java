package org.clusterdeck.cluster.software;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.command.ClusterCommandException;
import org.clusterdeck.cluster.command.Probe;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.LocalProcessRunner;
import org.clusterdeck.transport.TransportException;
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

    /**
     * The probe's questions and the caller's own commands go in one round, the name among them: the
     * lab's node as this machine's tools answer, Pacemaker stopped or not.
     */
    @Test
    void commandsAskedAlongsideGoInTheProbesOneRoundAndComeBackInOrder() throws Exception {
        List<List<String>> rounds = new ArrayList<>();
        CommandRunner node = recordingRounds(rounds, 0);
        Command first = Command.of("echo", "first");
        Command second = Command.of("echo", "second");
        SoftwareProbe.Probed probed = new SoftwareProbe(node).probe(List.of(first, second));

        assertEquals(1, rounds.size(), rounds.toString());
        assertTrue(rounds.get(0).contains("crm_node -n"), rounds.toString());
        assertEquals(List.of("echo first", "echo second"), rounds.get(0).subList(rounds.get(0).size() - 2,
                rounds.get(0).size()));
        assertEquals("node1", probed.software().nodeName());
        assertEquals(List.of("first\n", "second\n"), probed.alongside().stream().map(CommandResult::stdout).toList());
    }

    /** A node without Pacemaker answers every question with an error; the one told is crm_node's. */
    @Test
    void aNodeWithoutPacemakerGetsTheNameQuestionsError() {
        List<List<String>> rounds = new ArrayList<>();
        ClusterCommandException e = assertThrows(ClusterCommandException.class,
                () -> new SoftwareProbe(recordingRounds(rounds, 127)).probe(List.of(Command.of("echo", "first"))));
        assertEquals(1, rounds.size(), rounds.toString());
        assertTrue(e.getMessage().contains("crm_node -n") && e.getMessage().contains("here"), e.getMessage());
    }

    /** This machine's tools answer, but crm_node -n says node1, or fails with the exit code given. */
    private static CommandRunner recordingRounds(List<List<String>> rounds, int nameExit) {
        LocalProcessRunner local = new LocalProcessRunner("here");
        return new CommandRunner() {
            @Override
            public String node() {
                return "here";
            }

            @Override
            public CommandResult run(Command command) throws TransportException {
                rounds.add(List.of(command.display()));
                return answer(command);
            }

            @Override
            public List<CommandResult> runAll(List<Command> commands) throws TransportException {
                rounds.add(commands.stream().map(Command::display).toList());
                List<CommandResult> results = new ArrayList<>();
                for (Command c : commands) {
                    results.add(answer(c));
                }
                return results;
            }

            private CommandResult answer(Command command) throws TransportException {
                if (!command.equals(Probe.localNodeName())) {
                    return local.run(command);
                }
                return nameExit == 0 ? new CommandResult("here", command.argv(), 0, "node1\n", "", Duration.ZERO)
                        : new CommandResult("here", command.argv(), nameExit, "", "crm_node: command not found\n",
                                Duration.ZERO);
            }
        };
    }
}
