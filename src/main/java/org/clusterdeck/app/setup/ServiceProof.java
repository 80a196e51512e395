package org.clusterdeck.app.setup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clusterdeck.cluster.setup.FailoverProof;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;

/**
 * Carries out the setup's {@link FailoverProof} on the finished cluster: a lease from the VIP,
 * the active node put in standby, the time until a lease comes again (the downtime a client
 * sees), the survivor holding the service and the first lease, and the first node back online.
 * The first thing that is not so stops it, with the way back (the node online again) offered.
 */
final class ServiceProof {
    /** What the runner lends the proof: its commands, events and failures in one place. */
    interface Steps {
        /** Runs a read (or the probe) on the node and gives its answer, whatever its exit code. */
        CommandResult ask(String node, Command c) throws SetupRunner.StepFailed;

        /** Runs a read on the node; anything but exit 0 stops the proof. */
        CommandResult read(String node, Command c) throws SetupRunner.StepFailed;

        /** Runs a change on the node; a failure stops the proof. */
        CommandResult change(String node, Command c) throws SetupRunner.StepFailed;

        /** The run's end for a reason no single command shows (a lease from the wrong server, no failover). */
        SetupRunner.StepFailed failed(String node, String what, String output, Map<String, List<String>> undo);
    }

    private final FailoverProof proof;
    private final List<String> clusterNodes;
    private final Steps steps;
    private final Duration patience;

    /** @param patience how long the failover may take until a lease comes from the survivor */
    ServiceProof(FailoverProof proof, List<String> clusterNodes, Steps steps, Duration patience) {
        this.proof = proof;
        this.clusterNodes = List.copyOf(clusterNodes);
        this.steps = steps;
        this.patience = patience;
    }

    SetupEvent.Verified run() throws SetupRunner.StepFailed {
        String active = runningOn(clusterNodes.get(0));
        String other = clusterNodes.stream().filter(n -> !n.equals(active)).findFirst()
                .orElseThrow(() -> steps.failed(active, "find the other node", "the group runs on " + active
                        + ", which is the only node of the spec", Map.of()));
        Map<String, List<String>> back = Map.of(other, List.of(proof.online(active).display()));
        FailoverProof.Lease first = null;
        if (proof.asksForLeases()) {
            first = lease(back);
        }
        // the cluster's commands go to the node that stays, which answers throughout the failover
        steps.change(other, proof.standby(active));
        FailoverProof.Lease second = null;
        Long downtime = null;
        if (proof.asksForLeases()) {
            Outage outage = outage(other, back);
            second = outage.lease();
            downtime = outage.millis();
        }
        steps.read(other, proof.settle());
        String survivor = runningOn(other);
        if (!survivor.equals(other)) {
            throw steps.failed(other, "fail over to " + other, "after " + active + " went into standby the group runs on "
                    + survivor, back);
        }
        if (first != null) {
            CommandResult kept = steps.ask(survivor, proof.leaseKept(first.address()));
            if (!kept.ok()) {
                throw steps.failed(survivor, proof.leaseKept(first.address()).display(), "the leases file on " + survivor
                        + " lacks the lease of " + first.address() + " handed out by " + active, back);
            }
        }
        steps.change(other, proof.online(active));
        steps.read(other, proof.settle());
        return new SetupEvent.Verified(active, survivor, first, second, downtime);
    }

    private String runningOn(String node) throws SetupRunner.StepFailed {
        CommandResult r = steps.read(node, proof.locate());
        return FailoverProof.runningOn(r.stdout()).orElseThrow(() -> steps.failed(node, proof.locate().display(),
                "the service group runs nowhere: " + r.stdout().strip(), Map.of()));
    }

    /**
     * The lease before the failover, which must come from the VIP; asked again while none comes (a
     * dhcpd just started, a client network still learning where the VIP is), as long as the patience lasts.
     */
    private FailoverProof.Lease lease(Map<String, List<String>> back) throws SetupRunner.StepFailed {
        long deadline = System.nanoTime() + patience.toNanos();
        List<String> tries = new ArrayList<>();
        while (true) {
            Optional<CommandResult> r = probeOnce(tries);
            if (r.isPresent()) {
                return fromVip(r.get(), back);
            }
            if (System.nanoTime() > deadline) {
                throw steps.failed(FailoverProof.THIS_MACHINE, proof.probeCommand().display(), "no lease within "
                        + patience.toSeconds() + " s before the failover; the probe said: " + String.join(" / ", tries),
                        Map.of());
            }
            sleep();
        }
    }

    /** The lease that came from the survivor, and how long before it none came. */
    private record Outage(FailoverProof.Lease lease, long millis) {
    }

    /**
     * Asks for leases one after the other from the standby on: while the active node still serves
     * they come, then none come (the client-visible downtime), then they come from the survivor.
     * The downtime is from the last lease before the gap to the first after it, so it is exact to
     * within one probe's time. A failover quicker than one probe shows no gap: the group then runs
     * on the survivor already while leases keep coming, and the downtime is below the probe's time.
     */
    private Outage outage(String survivor, Map<String, List<String>> back) throws SetupRunner.StepFailed {
        long deadline = System.nanoTime() + patience.toNanos();
        long lastLease = System.nanoTime();
        boolean gap = false;
        List<String> tries = new ArrayList<>();
        while (true) {
            long started = System.nanoTime();
            Optional<CommandResult> r = probeOnce(tries);
            long now = System.nanoTime();
            if (r.isPresent()) {
                FailoverProof.Lease lease = fromVip(r.get(), back);
                if (gap) {
                    return new Outage(lease, (now - lastLease) / 1_000_000);
                }
                lastLease = now;
                if (FailoverProof.runningOn(steps.ask(survivor, proof.locate()).stdout()).orElse("").equals(survivor)) {
                    return new Outage(lease, (now - started) / 1_000_000);
                }
            } else {
                gap = true;
            }
            if (now > deadline) {
                throw steps.failed(FailoverProof.THIS_MACHINE, proof.probeCommand().display(), (gap
                        ? "no lease after the failover within " : "the service did not move within ")
                        + patience.toSeconds() + " s; the probe said: " + String.join(" / ", tries), back);
            }
            sleep();
        }
    }

    private Optional<CommandResult> probeOnce(List<String> tries) throws SetupRunner.StepFailed {
        CommandResult r = steps.ask(FailoverProof.THIS_MACHINE, proof.probeCommand());
        if (r.ok() && FailoverProof.lease(r.stdout()).isPresent()) {
            return Optional.of(r);
        }
        // the last few answers say why; thirty minutes of them would not
        if (tries.size() == 3) {
            tries.remove(0);
        }
        tries.add(("exit " + r.exitCode() + " " + r.stderr().strip()).strip());
        return Optional.empty();
    }

    private FailoverProof.Lease fromVip(CommandResult r, Map<String, List<String>> back) throws SetupRunner.StepFailed {
        FailoverProof.Lease lease = FailoverProof.lease(r.stdout()).orElseThrow(() -> steps.failed(
                FailoverProof.THIS_MACHINE, proof.probeCommand().display(), "no 'server=… address=…' line: "
                        + r.stdout().strip(), back));
        if (!lease.server().equals(proof.vip())) {
            throw steps.failed(FailoverProof.THIS_MACHINE, proof.probeCommand().display(), "the lease of "
                    + lease.address() + " came from " + lease.server() + ", not from the VIP " + proof.vip()
                    + ": another DHCP server answers on the client network", back);
        }
        return lease;
    }

    private void sleep() throws SetupRunner.StepFailed {
        try {
            Thread.sleep(FailoverProof.PROBE_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw steps.failed(FailoverProof.THIS_MACHINE, "waiting for a lease", "interrupted", Map.of());
        }
    }
}
