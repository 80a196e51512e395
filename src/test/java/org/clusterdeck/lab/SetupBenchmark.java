package org.clusterdeck.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bare guests to the verified DHCP cluster (issue 12's benchmark): the setup as one process,
 * timed by the arrival of its JSON lines, split into its steps, and ClusterDeck's own share: the
 * CPU time its JVM used (start-up, SSH, the plan, the events; everything else is the nodes' work
 * and waiting for them), against the whole run's wall time. Writes
 * target/benchmarks/setup.md.
 */
@Tag("bench")
@Tag("vm-lab")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SetupBenchmark {
    private final VmLab lab = new VmLab();

    @TempDir
    Path dir;

    @AfterAll
    void labDown() {
        lab.down();
    }

    @Test
    void bareGuestsToTheVerifiedCluster() throws IOException, InterruptedException {
        lab.assumeRoot();
        lab.down();
        lab.script(Duration.ofMinutes(30), "vm-build");
        long t0 = System.nanoTime();
        lab.up();
        long booted = System.nanoTime();
        Path data = dir.resolve("data");
        long started = System.nanoTime();
        VmLab.Run run = lab.setupProcess(lab.env("VM_LAB_SPEC"), data, dir.resolve("setup.err"), null);
        long ended = System.nanoTime();
        assertEquals(0, run.exitCode(), run.stderr() + run.lines());

        Map<String, Long> steps = new LinkedHashMap<>();
        long stepStart = started;
        for (VmLab.Line l : run.lines()) {
            if (l.kind().equals("preflight")) {
                // the JVM's start, both SSH connections and the pre-flight's reads come before its first line
                steps.put("start, connect, pre-flight", l.nanos() - started);
            } else if (l.kind().equals("step-started")) {
                stepStart = l.nanos();
            } else if (l.kind().equals("step-done") || l.kind().equals("step-skipped")) {
                steps.put(l.step(), l.nanos() - stepStart);
            }
        }
        double cpu = run.cpu().toMillis() / 1000.0;
        double wall = (ended - started) / 1e9;
        StringBuilder md = new StringBuilder("| phase | seconds |\n| --- | ---: |\n");
        md.append(row("guests booted (lab/vm-up --bare, not the setup's)", (booted - t0) / 1e9));
        steps.forEach((step, nanos) -> md.append(row(step, nanos / 1e9)));
        md.append(row("**setup, bare to verified**", wall));
        md.append(row("ClusterDeck's own CPU time", cpu));
        md.append(String.format(Locale.ROOT, "%nClusterDeck's own share: %.1f %% of the setup's wall time.%n",
                100 * cpu / wall));
        Files.createDirectories(Path.of("target", "benchmarks"));
        Files.writeString(Path.of("target", "benchmarks", "setup.md"), md.toString());
        System.out.print(md);
        assertTrue(steps.keySet().containsAll(List.of("packages", "drbd-sync", "verification")), steps.toString());
    }

    private static String row(String what, double seconds) {
        return String.format(Locale.ROOT, "| %s | %.1f |%n", what, seconds);
    }
}
