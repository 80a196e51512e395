package org.clusterdeck.app.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.setup.DhcpdConf;
import org.clusterdeck.cluster.setup.NodeGeneration;
import org.clusterdeck.cluster.setup.SetupPlan;
import org.clusterdeck.cluster.setup.SetupSpec;
import org.clusterdeck.cluster.setup.SetupSpecReader;
import org.clusterdeck.cluster.setup.SetupStep;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.LocalProcessRunner;
import org.clusterdeck.transport.TransportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example plan's dhcp-config step as it is (write-file, the real dhcpd -t, cmp), run by the
 * runner with this machine as both nodes. Each "node" has its /etc/dhcp in a directory of the test,
 * as the CIB test has its /var/tmp: the path in every argument is swapped, and a command that would
 * still touch /etc is refused before it runs (the tests may run as root).
 */
class SetupRunnerRealPlanTest {
    @TempDir
    Path dir;

    @Test
    void theRealDhcpConfigStepWritesBothNodesFilesAndIsSkippedTheSecondTime() throws Exception {
        SetupSpec spec = SetupSpecReader.read(SetupSpecReader.example());
        NodeGeneration g = new NodeGeneration(false, "2.1.5", NodeGeneration.PackageManager.APT, 10L << 30, 0);
        SetupStep step = SetupPlan.of(spec, Map.of("node1", g, "node2", g)).step("dhcp-config");
        SetupPlan plan = new SetupPlan(List.of(step));
        Map<String, CommandRunner> nodes = new LinkedHashMap<>();
        for (String node : List.of("node1", "node2")) {
            Files.createDirectories(dir.resolve(node));
            nodes.put(node, new Redirected(node, dir.resolve(node).resolve("dhcpd.conf")));
        }
        List<SetupEvent> events = new ArrayList<>();
        SetupRunner runner = new SetupRunner(nodes, (s, d) -> false, events::add);

        assertEquals(new SetupOutcome.Finished(1, 0), runner.run(plan), events.toString());
        for (String node : nodes.keySet()) {
            assertEquals(DhcpdConf.render(spec), Files.readString(dir.resolve(node).resolve("dhcpd.conf")));
        }
        assertTrue(events.stream().anyMatch(e -> e instanceof SetupEvent.CommandRan c && c.phase() == SetupEvent.Phase.VERIFY
                && c.command().startsWith("dhcpd -t") && c.exitCode() == 0), events.toString());

        events.clear();
        assertEquals(new SetupOutcome.Finished(0, 1), runner.run(plan), events.toString());
        assertFalse(events.stream().anyMatch(e -> e instanceof SetupEvent.CommandRan c && c.phase() != SetupEvent.Phase.CHECK),
                events.toString());
    }

    /** A local "node" whose dhcpd.conf is {@code file}; refuses any command that still names /etc. */
    private record Redirected(String node, Path file) implements CommandRunner {
        @Override
        public CommandResult run(Command c) throws TransportException {
            List<String> argv = c.argv().stream().map(a -> a.replace(DhcpdConf.PATH, file.toString())).toList();
            if (argv.stream().anyMatch(a -> a.contains("/etc/"))) {
                throw new IllegalStateException("not run, it would touch this machine's /etc: " + argv);
            }
            return new LocalProcessRunner(node).run(new Command(argv, c.env(), c.stdin(), c.timeout()));
        }
    }
}
