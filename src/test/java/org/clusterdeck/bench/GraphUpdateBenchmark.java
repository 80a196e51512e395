package org.clusterdeck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.clusterdeck.app.offline.CibSnapshot;
import org.clusterdeck.cluster.graph.layout.GraphLayout;
import org.clusterdeck.ui.Background;
import org.clusterdeck.ui.ScriptedDialogs;
import org.clusterdeck.ui.Snapshots;
import org.clusterdeck.ui.UiLoop;
import org.clusterdeck.ui.graph.GraphViewModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state update of the dependency graph with a generated 1,000-resource CIB: the graph view
 * model gets a new crm_mon view of the same configuration and recolours the boxes without laying
 * them out again. The two states alternate: everything running on two nodes, and node1 failed
 * (crm_simulate --node-fail); crm_mon reads each. Writes target/benchmarks/graph-update.md.
 */
@Tag("bench")
class GraphUpdateBenchmark {
    @TempDir
    Path dir;

    /**
     * Both nodes up and members, quorum, and the feature set of the installed Pacemaker (2.1.5
     * refuses updates to a CIB of a newer one), so crm_simulate can inject operations.
     */
    private static String withNodesOnline(String xml) {
        StringBuilder status = new StringBuilder("<status>");
        for (int n = 1; n <= 2; n++) {
            status.append("<node_state id=\"").append(n).append("\" uname=\"node").append(n)
                    .append("\" in_ccm=\"true\" crmd=\"online\" join=\"member\" expected=\"member\"><lrm id=\"")
                    .append(n).append("\"><lrm_resources/></lrm></node_state>");
        }
        return xml.replace("<status/>", status.append("</status>").toString())
                .replace("crm_feature_set=\"3.16.2\"", "crm_feature_set=\"3.16.1\" have-quorum=\"1\" dc-uuid=\"1\"");
    }

    @Test
    void stateUpdateRecoloursWithoutLayout() throws Exception {
        Path online = dir.resolve("generated.xml");
        Files.writeString(online, withNodesOnline(GeneratedCib.xml(1000)));
        Path settled = dir.resolve("running.xml");
        Path failed = dir.resolve("failed.xml");
        // letting crm_simulate schedule 1,000 resources takes minutes here: their starts are
        // injected as operation history instead, which crm_mon then shows as running
        List<String> inject = new ArrayList<>(List.of("crm_simulate", "-x", online.toString()));
        for (int i = 0; i < 1000 / GeneratedCib.PRIMITIVES_PER_STACK; i++) {
            String home = "node" + (i % 2 + 1);
            // an anonymous clone's history carries the instance number :0 on every node
            inject.addAll(List.of("-i", "p_drbd" + i + ":0_start_0@node1=0", "-i", "p_drbd" + i + ":0_start_0@node2=0",
                    "-i", "p_drbd" + i + ":0_promote_0@" + home + "=0"));
            for (String r : List.of("p_fs", "p_ip", "p_svc", "p_mon")) {
                inject.addAll(List.of("-i", r + i + "_start_0@" + home + "=0"));
            }
        }
        inject.addAll(List.of("-O", settled.toString()));
        // a minute or more on this machine: longer than Snapshots.run waits
        Process p = new ProcessBuilder(inject).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES) && p.exitValue() == 0, "crm_simulate injecting the starts");
        Snapshots.run(List.of("crm_simulate", "-x", settled.toString(), "--node-fail", "node1", "-O",
                failed.toString()), null);
        CibSnapshot a = Snapshots.read(settled);
        CibSnapshot b = Snapshots.read(failed);
        assertNotEquals(a.status(), b.status());
        long running = a.status().resources().stream().filter(r -> r.active()).count();
        assertTrue(running >= 1000, running + " of " + a.status().resources().size() + " run");

        UiLoop ui = new UiLoop();
        try (Background background = new Background(ui)) {
            GraphViewModel vm = new GraphViewModel(background, new ScriptedDialogs());
            vm.update(a.status(), a.cib());
            ui.runUntil(() -> vm.layoutProperty().get() != null, Duration.ofMinutes(2));
            GraphLayout layout = vm.layoutProperty().get();
            int layouts = vm.layoutsDoneProperty().get();
            CibSnapshot[] next = {b};
            double median = Timing.medianMillis(50, 200, () -> {
                vm.update(next[0].status(), next[0].cib());
                next[0] = next[0] == a ? b : a;
                return vm.boxStatesProperty().get();
            });
            ui.drain(Duration.ofMillis(500));
            assertEquals(layouts, vm.layoutsDoneProperty().get(), "no layout again for a state update");
            assertEquals(layout, vm.layoutProperty().get());
            Map<String, ?> boxes = vm.boxStatesProperty().get();
            String line = String.format(Locale.ROOT,
                    "Graph state update, %d resources (%d boxes), settled <-> node1 failed: median %.2f ms over 200"
                            + " updates after 50 warm-up",
                    a.status().resources().size(), boxes.size(), median);
            System.out.println(line);
            Path out = Path.of("target/benchmarks/graph-update.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, line + "\n");
        }
    }
}
