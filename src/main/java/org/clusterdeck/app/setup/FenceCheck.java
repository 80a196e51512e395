package org.clusterdeck.app.setup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.setup.FenceProbe;
import org.clusterdeck.cluster.setup.SetupSpec;
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
