package org.clusterdeck.app.setup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.checks.Finding;
import org.clusterdeck.cluster.command.ClusterCommandException;
import org.clusterdeck.cluster.events.Severity;
import org.clusterdeck.cluster.setup.FailoverProof;
import org.clusterdeck.cluster.setup.SetupPlan;
import org.clusterdeck.cluster.setup.SetupPrediction;
import org.clusterdeck.cluster.setup.SetupSpec;
import org.clusterdeck.cluster.setup.preflight.NodeFacts;
import org.clusterdeck.cluster.setup.preflight.Preflight;
import org.clusterdeck.cluster.simulate.Prediction;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.LocalProcessRunner;
import org.clusterdeck.transport.TransportException;

/**
 * The pre-flight of a spec on its nodes and the plan it allows, the same for {@code setup} and the
 * window's wizard: the nodes' facts, every finding, and the plan unless a critical finding blocks it.
 *
 * @param plan null when {@link #blocked()}, or when only the pre-flight was asked for
 */
public record SetupExamination(SetupSpec spec, Map<String, NodeFacts> facts, List<Finding> findings, SetupPlan plan) {
    public SetupExamination {
        facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        findings = List.copyOf(findings);
    }

    /**
     * Examines the nodes read-only and writes the plan when nothing blocks. Blocks for as long as
     * the nodes take to answer: call it off the window's thread.
     *
     * @param nodes a runner per spec node name
     */
    public static SetupExamination of(SetupSpec spec, Map<String, CommandRunner> nodes) {
        SetupExamination pre = preflight(spec, nodes);
        return pre.blocked() ? pre : new SetupExamination(spec, pre.facts, pre.findings,
                SetupPlan.of(spec, Preflight.generations(pre.facts)));
    }

    /**
     * The pre-flight alone, for a spec whose later parts (fencing, service) are not decided yet:
     * it needs the nodes' names, addresses and disks, and DRBD's resource and port.
     */
    public static SetupExamination preflight(SetupSpec spec, Map<String, CommandRunner> nodes) {
        Map<String, NodeFacts> facts = Preflight.gather(spec, nodes);
        return new SetupExamination(spec, facts, Preflight.findings(spec, facts), null);
    }

    /** A critical finding stops the setup before anything changes. */
    public boolean blocked() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.CRITICAL);
    }

    /**
     * What Pacemaker will do with the planned configuration once both nodes are online, predicted by
     * {@code here}'s crm_simulate (bare nodes have none yet), for the first node's Pacemaker generation.
     *
     * @throws IllegalStateException when there is no plan (blocked, or only the pre-flight)
     */
    public Prediction predict(CommandRunner here) throws TransportException, ClusterCommandException {
        if (plan == null) {
            throw new IllegalStateException("no plan to predict");
        }
        return SetupPrediction.of(spec, Preflight.generations(facts).get(spec.nodes().get(0).name()), here);
    }

    /**
     * The runners the plan's run needs: the nodes', and this machine's where the spec's DHCP probe
     * runs (the admin said the client network is reachable from here).
     */
    public Map<String, CommandRunner> runners(Map<String, CommandRunner> nodes) {
        Map<String, CommandRunner> runners = new LinkedHashMap<>(nodes);
        if (plan != null && plan.proof() != null && plan.proof().asksForLeases()) {
            runners.put(FailoverProof.THIS_MACHINE, new LocalProcessRunner(FailoverProof.THIS_MACHINE));
        }
        return runners;
    }
}
