package org.clusterdeck.app.setup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.checks.Finding;
import org.clusterdeck.cluster.checks.FindingKind;
import org.clusterdeck.cluster.setup.FenceProbe;
import org.clusterdeck.cluster.setup.SetupSpec;
import org.clusterdeck.cluster.setup.preflight.FactsSummary;
import org.clusterdeck.cluster.setup.preflight.NodeFacts;
import org.clusterdeck.cluster.setup.preflight.Preflight;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.TransportException;

/**
 * A fence device asked, before the setup, whether it sees its node's power: from the other node,
 * as the cluster will fence, or from this machine where the other node does not have the agent yet
 * (bare nodes get it with the packages step). Nothing is powered off.
 *
 * @param target   the node whose device was asked
 * @param from     where the agent ran; null when it ran nowhere
 * @param ok       the device answered with the node's power state
 * @param answer   what came back, in words, or why nothing was asked
 */
public record FenceCheck(String target, String from, boolean ok, String answer) {
    /** What {@code here} is called in the answers. */
    public static final String THIS_MACHINE = "this machine";

    /**
     * Asks each node's device. Blocks for as long as the devices take: call it off the window's thread.
     *
     * @param nodes by spec node name
     * @param here  this machine
     */
    public static List<FenceCheck> run(SetupSpec spec, Map<String, CommandRunner> nodes, CommandRunner here) {
        if (spec.fencing() != null && spec.fencing().kind().equals("sbd")) {
            return sbd(spec, nodes);
        }
        List<FenceCheck> out = new ArrayList<>();
        for (FenceProbe probe : FenceProbe.of(spec)) {
            Map<String, CommandRunner> places = new LinkedHashMap<>();
            nodes.forEach((name, runner) -> {
                if (!name.equals(probe.target())) {
                    places.put(name, runner);
                }
            });
            places.put(THIS_MACHINE, here);
            out.add(ask(probe, places));
        }
        return out;
    }

    /**
     * SBD has no device to ask before sbd runs: each node is examined as the pre-flight does it
     * (the shared disk as it sees it, its watchdog) and judged by the pre-flight's own SBD rules.
     */
    private static List<FenceCheck> sbd(SetupSpec spec, Map<String, CommandRunner> nodes) {
        Map<String, NodeFacts> facts = Preflight.gather(spec, nodes);
        List<Finding> sbd = Preflight.findings(spec, facts).stream().filter(f -> f.kind() == FindingKind.SETUP_SBD_DEVICE
                || f.kind() == FindingKind.SETUP_NO_WATCHDOG).toList();
        List<FenceCheck> out = new ArrayList<>();
        facts.forEach((name, f) -> {
            if (!f.reachable()) {
                out.add(new FenceCheck(name, null, false, "not checked: " + f.unreachable()));
                return;
            }
            // a pair finding names both nodes: "node1, node2"
            List<String> wrong = sbd.stream().filter(x -> List.of(x.subject().split(", ")).contains(name))
                    .map(x -> x.message() + x.commands().stream().map(c -> " Run: " + c.command()).reduce("", String::concat))
                    .toList();
            String fine = String.join("; ", FactsSummary.sbd(f));
            out.add(new FenceCheck(name, name, wrong.isEmpty(), wrong.isEmpty() ? fine : String.join(" ", wrong)));
        });
        return out;
    }

    /** One line for the admin: which device, asked from where, and what it said. */
    public String line() {
        if (from == null) {
            return target + "'s device: " + answer;
        }
        return from.equals(target) ? target + ": " + answer : target + "'s device, asked from " + from + ": " + answer;
    }

    private static FenceCheck ask(FenceProbe probe, Map<String, CommandRunner> places) {
        List<String> why = new ArrayList<>();
        for (Map.Entry<String, CommandRunner> place : places.entrySet()) {
            try {
                if (!place.getValue().run(probe.hasAgent()).ok()) {
                    why.add(probe.agent() + " is not installed on " + place.getKey());
                    continue;
                }
                CommandResult r = place.getValue().run(probe.status());
                String said = r.stderr().isBlank() ? r.stdout().strip() : r.stderr().strip();
                boolean answered = r.exitCode() == 0 || r.exitCode() == 2;
                return new FenceCheck(probe.target(), place.getKey(), answered, probe.answer(r.exitCode())
                        + (answered || said.isEmpty() ? "" : ": " + said.lines().reduce((a, b) -> b).orElse(said)));
            } catch (TransportException e) {
                why.add(place.getKey() + " could not be asked: " + e.detail());
            }
        }
        return new FenceCheck(probe.target(), null, false, "not checked: " + String.join("; ", why)
                + ". The packages step installs the agent on the nodes, and the setup's fence test checks the device"
                + " for real.");
    }
}
