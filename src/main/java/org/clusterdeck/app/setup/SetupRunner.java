package org.clusterdeck.app.setup;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.clusterdeck.cluster.FormatException;
import org.clusterdeck.cluster.drbd.DrbdConnection;
import org.clusterdeck.cluster.drbd.DrbdNodeReader;
import org.clusterdeck.cluster.drbd.DrbdPeerDevice;
import org.clusterdeck.cluster.drbd.DrbdResource;
import org.clusterdeck.cluster.setup.Destruction;
import org.clusterdeck.cluster.setup.FailoverProof;
import org.clusterdeck.cluster.setup.PlannedFile;
import org.clusterdeck.cluster.setup.SetupPlan;
import org.clusterdeck.cluster.setup.SetupStep;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.TransportException;

/**
 * Carries out a {@link SetupPlan} on the nodes, step by step. A step whose check passes on every
 * node is skipped, so running the same plan again after an interruption repeats no finished step;
 * that is all a resumed setup needs. Checks, reads and verifications go through
 * {@link CommandRunner#run}, the step's commands through {@link CommandRunner#runChanging}, so an
 * auditing runner keeps the changes' output. The first failure stops the run. A step whose nodes
 * need not wait for each other runs on all of them at once, so the listener must take events from
 * several threads.
 */
public final class SetupRunner {
    /**
     * How long a step's verification is tried again by default: corosync's membership and DRBD's
     * connection take seconds, a large disk's initial sync may take this long.
     */
    public static final Duration DEFAULT_PATIENCE = Duration.ofMinutes(30);
    /** The pause between two tries of a verification. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    private final Map<String, CommandRunner> nodes;
    private final Confirmation confirmation;
    private final Consumer<SetupEvent> listener;
    private final Duration patience;
    private final Duration interval;
    private volatile boolean stopAsked;

    /** The same with a verification that must pass at once. */
    public SetupRunner(Map<String, CommandRunner> nodes, Confirmation confirmation, Consumer<SetupEvent> listener) {
        this(nodes, confirmation, listener, Duration.ZERO, Duration.ZERO);
    }

    /**
     * @param nodes        per node name of the plan, in the spec's order: the order each step goes through them
     * @param confirmation asked before a step that overwrites a disk
     * @param listener     told of every event as it happens
     * @param patience     how long a step's verification is tried again: what a step starts (corosync's
     *                     membership, DRBD's connection and sync) takes a while after its command returns
     * @param interval     the pause between two tries
     */
    public SetupRunner(Map<String, CommandRunner> nodes, Confirmation confirmation, Consumer<SetupEvent> listener,
            Duration patience, Duration interval) {
        this.nodes = new LinkedHashMap<>(nodes);
        this.confirmation = confirmation;
        this.listener = listener;
        this.patience = patience;
        this.interval = interval;
    }

    /**
     * Asks the run to stop at the next point where nothing is half done: before the next step, or
     * while a step waits for its verification (DRBD's initial sync goes on on the nodes, and a later
     * run waits for it again). A command that runs is let finish. From any thread.
     */
    public void stop() {
        stopAsked = true;
    }

    /**
     * Carries out the plan's steps in order, up to the first failure, declined confirmation or stop.
     *
     * @throws IllegalArgumentException when a step runs on a node without a runner (before anything runs)
     */
    public SetupOutcome run(SetupPlan plan) {
        requireNodes(plan);
        int done = 0;
        int skipped = 0;
        try {
            for (SetupStep step : plan.steps()) {
                if (stopAsked) {
                    return stopped(step.name());
                }
                listener.accept(new SetupEvent.StepStarted(step.name()));
                if (step.runsEveryTime() == null && alreadyDone(step)) {
                    listener.accept(new SetupEvent.StepSkipped(step.name()));
                    skipped++;
                    continue;
                }
                for (Destruction d : step.destroys()) {
                    if (!confirmation.confirm(step.name(), d)) {
                        listener.accept(new SetupEvent.Declined(step.name(), d.confirmation()));
                        return new SetupOutcome.Declined(step.name(), d);
                    }
                }
                if (plan.proof() != null && step.name().equals(SetupPlan.VERIFICATION)) {
                    listener.accept(proof(plan.proof(), step).run());
                } else {
                    change(step);
                    verify(step);
                    Optional<StepFailed> disagreement = disagreement(step);
                    if (disagreement.isPresent()) {
                        throw disagreement.get();
                    }
                }
                listener.accept(new SetupEvent.StepDone(step.name()));
                done++;
            }
        } catch (StepFailed e) {
            listener.accept(new SetupEvent.Failed(e.failure));
            return new SetupOutcome.Failed(e.failure);
        } catch (Stopped e) {
            return stopped(e.step);
        }
        listener.accept(new SetupEvent.Finished(done, skipped));
        return new SetupOutcome.Finished(done, skipped);
    }

    private SetupOutcome stopped(String step) {
        listener.accept(new SetupEvent.Stopped(step));
        return new SetupOutcome.Stopped(step);
    }

    /**
     * Whether every check command exits 0 on every node; stops at the first that does not. A check
     * whose tool is not installed says "not done" (the packages step may not have run yet); a node
     * that cannot be asked stops the run, since "not done" would then be a guess.
     */
    private boolean alreadyDone(SetupStep step) throws StepFailed {
        for (String node : nodes.keySet()) {
            for (Command c : step.check().getOrDefault(node, List.of())) {
                CommandResult r;
                try {
                    r = timed(step, node, SetupEvent.Phase.CHECK, c, false);
                } catch (TransportException e) {
                    if (e.kind() == TransportException.Kind.NOT_FOUND) {
                        return false;
                    }
                    throw unfinished(step, node, c, e);
                }
                if (!r.ok()) {
                    return false;
                }
            }
        }
        // nodes that disagree are not done: the step runs again and reports the difference
        return disagreement(step).isEmpty();
    }

    /**
     * The step's agreement commands run on every node; the first whose answers differ, as a failure
     * naming each node's lines that the first node's answer lacks and the reverse.
     */
    private Optional<StepFailed> disagreement(SetupStep step) throws StepFailed {
        List<String> agreeing = nodes.keySet().stream().filter(step.agreement()::containsKey).toList();
        if (agreeing.isEmpty()) {
            return Optional.empty();
        }
        int count = step.agreement().get(agreeing.get(0)).size();
        for (int i = 0; i < count; i++) {
            Map<String, String> answers = new LinkedHashMap<>();
            for (String node : agreeing) {
                answers.put(node, mustSucceed(step, node, SetupEvent.Phase.CHECK, step.agreement().get(node).get(i)).stdout());
            }
            String first = agreeing.get(0);
            for (String node : agreeing.subList(1, agreeing.size())) {
                if (!answers.get(node).equals(answers.get(first))) {
                    String output = "the nodes must answer the same, and do not:\n" + only(first, answers.get(first),
                            answers.get(node)) + only(node, answers.get(node), answers.get(first));
                    return Optional.of(new StepFailed(new SetupFailure(step.name(), node,
                            step.agreement().get(node).get(i).display(), 0, output, undo(step))));
                }
            }
        }
        return Optional.empty();
    }

    /** The lines of one node's answer that the other's lacks, under the node's name. */
    private static String only(String node, String answer, String other) {
        java.util.Set<String> theirs = java.util.Set.copyOf(other.lines().toList());
        List<String> lines = answer.lines().filter(l -> !theirs.contains(l)).toList();
        return node + (lines.isEmpty() ? " has nothing the other lacks\n"
                : " alone has:\n" + lines.stream().map(l -> "  " + l + "\n").collect(java.util.stream.Collectors.joining()));
    }

    private void requireNodes(SetupPlan plan) {
        for (SetupStep step : plan.steps()) {
            for (Map<String, List<Command>> byNode : List.of(step.commands(), step.check(), step.verification(),
                    step.agreement())) {
                for (String node : byNode.keySet()) {
                    if (!nodes.containsKey(node)) {
                        throw new IllegalArgumentException("step " + step.name() + " runs on " + node
                                + ", which is not among the nodes " + nodes.keySet());
                    }
                }
            }
        }
    }

    /** The proof runs its commands through this runner: the same events, audit and failures as any step's. */
    private ServiceProof proof(FailoverProof proof, SetupStep step) {
        List<String> cluster = nodes.keySet().stream().filter(n -> !n.equals(FailoverProof.THIS_MACHINE)).toList();
        return new ServiceProof(proof, cluster, new ServiceProof.Steps() {
            @Override
            public CommandResult ask(String node, Command c) throws StepFailed {
                try {
                    return timed(step, node, SetupEvent.Phase.VERIFY, c, false);
                } catch (TransportException e) {
                    throw unfinished(step, node, c, e);
                }
            }

            @Override
            public CommandResult read(String node, Command c) throws StepFailed {
                return mustSucceed(step, node, SetupEvent.Phase.VERIFY, c);
            }

            @Override
            public CommandResult change(String node, Command c) throws StepFailed {
                return mustSucceed(step, node, SetupEvent.Phase.CHANGE, c);
            }

            @Override
            public StepFailed failed(String node, String what, String output, Map<String, List<String>> undo) {
                return new StepFailed(new SetupFailure(step.name(), node, what, null, output, undo));
            }
        }, patience.isZero() ? FailoverProof.PROBE_TIMEOUT : patience);
    }

    private void change(SetupStep step) throws StepFailed {
        if (step.nodesAtOnce() && step.commands().size() > 1) {
            changeAtOnce(step);
            return;
        }
        for (String node : nodes.keySet()) {
            changeOn(step, node);
        }
    }

    private void changeOn(SetupStep step, String node) throws StepFailed {
        for (Command c : step.on(node)) {
            Optional<PlannedFile> copied = step.copiedBy(node, c);
            if (copied.isPresent()) {
                // read just before, so the copy is of the file as the commands before it left it
                PlannedFile file = copied.get();
                c = c.withStdin(mustSucceed(step, file.copiedFrom(), SetupEvent.Phase.READ, file.readAtSource()).stdout());
            }
            mustSucceed(step, node, SetupEvent.Phase.CHANGE, c);
        }
    }

    /**
     * Each node's commands on a thread of their own; every node is let finish (a package install
     * stopped halfway leaves dpkg to repair), then the first failure in the spec's order is reported.
     */
    private void changeAtOnce(SetupStep step) throws StepFailed {
        Map<String, Thread> threads = new LinkedHashMap<>();
        Map<String, StepFailed> failures = new java.util.concurrent.ConcurrentHashMap<>();
        for (String node : step.commands().keySet()) {
            Thread t = new Thread(() -> {
                try {
                    changeOn(step, node);
                } catch (StepFailed e) {
                    failures.put(node, e);
                }
            }, "setup-" + step.name() + "-" + node);
            threads.put(node, t);
            t.start();
        }
        for (Thread t : threads.values()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StepFailed(new SetupFailure(step.name(), threads.keySet().iterator().next(), "(waiting for the nodes)",
                        null, "interrupted while the nodes' commands ran", undo(step)));
            }
        }
        for (String node : nodes.keySet()) {
            if (failures.containsKey(node)) {
                throw failures.get(node);
            }
        }
    }

    /** The whole verification, on every node, again until it passes or the patience is over; then its last failure. */
    private void verify(SetupStep step) throws StepFailed, Stopped {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Optional<StepFailed> failed = verifyOnce(step);
            if (failed.isEmpty()) {
                return;
            }
            if (stopAsked) {
                throw new Stopped(step.name());
            }
            if (System.nanoTime() + interval.toNanos() > deadline) {
                throw failed.get();
            }
            if (step.name().equals(SetupPlan.DRBD_SYNC)) {
                reportSync(step);
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failed.get();
            }
        }
    }

    /**
     * The initial sync's progress from the first node that reports one. Only for the admin's eyes:
     * a node that cannot say (DRBD's tools busy, a status it cannot read) leaves the event out, and
     * the verification alone decides when the sync is done.
     */
    private void reportSync(SetupStep step) {
        for (Map.Entry<String, CommandRunner> node : nodes.entrySet()) {
            if (node.getKey().equals(FailoverProof.THIS_MACHINE) || !step.commands().containsKey(node.getKey())) {
                continue;
            }
            try {
                for (DrbdResource r : new DrbdNodeReader(node.getValue()).read().resources()) {
                    for (DrbdConnection c : r.connections()) {
                        for (DrbdPeerDevice d : c.peerDevices()) {
                            if (d.isSyncing()) {
                                listener.accept(new SetupEvent.SyncProgress(step.name(), node.getKey(), r.name(),
                                        d.replicationState(), d.syncDonePercent(), d.speedKiBps(), d.etaSeconds()));
                                return;
                            }
                        }
                    }
                }
            } catch (TransportException | FormatException e) {
                // no progress from this node; the next may have it
            }
        }
    }

    private Optional<StepFailed> verifyOnce(SetupStep step) {
        for (String node : nodes.keySet()) {
            for (Command c : step.verification().getOrDefault(node, List.of())) {
                try {
                    mustSucceed(step, node, SetupEvent.Phase.VERIFY, c);
                } catch (StepFailed e) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Runs the command, a change through {@code runChanging}, and stops the run unless it exits 0. A
     * read at the source of a copied file prints a secret, so its failure shows only its stderr.
     */
    private CommandResult mustSucceed(SetupStep step, String node, SetupEvent.Phase phase, Command c) throws StepFailed {
        CommandResult r;
        try {
            r = timed(step, node, phase, c, phase == SetupEvent.Phase.CHANGE);
        } catch (TransportException e) {
            throw unfinished(step, node, c, e);
        }
        if (!r.ok()) {
            throw failed(step, node, c, r, phase == SetupEvent.Phase.READ ? r.stderr() : output(r));
        }
        return r;
    }

    private CommandResult timed(SetupStep step, String node, SetupEvent.Phase phase, Command c, boolean changing)
            throws TransportException {
        CommandRunner runner = nodes.get(node);
        long t0 = System.nanoTime();
        CommandResult r = changing ? runner.runChanging(c) : runner.run(c);
        listener.accept(new SetupEvent.CommandRan(step.name(), node, phase, c.display(), r.exitCode(),
                (System.nanoTime() - t0) / 1_000_000));
        return r;
    }

    /** stdout, then stderr on a line of its own. */
    private static String output(CommandResult r) {
        String out = r.stdout();
        return out.isEmpty() || out.endsWith("\n") || r.stderr().isEmpty() ? out + r.stderr() : out + "\n" + r.stderr();
    }

    private static StepFailed failed(SetupStep step, String node, Command c, CommandResult r, String output) {
        return new StepFailed(new SetupFailure(step.name(), node, c.display(), r.exitCode(), output, undo(step)));
    }

    private static StepFailed unfinished(SetupStep step, String node, Command c, TransportException e) {
        return new StepFailed(new SetupFailure(step.name(), node, c.display(), null, e.detail(), undo(step)));
    }

    private static Map<String, List<String>> undo(SetupStep step) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        step.undo().forEach((node, list) -> out.put(node, list.stream().map(Command::display).toList()));
        return out;
    }

    /** Carries a stop asked for during a step's wait out to {@link #run}. */
    private static final class Stopped extends Exception {
        private final String step;

        Stopped(String step) {
            super(step, null, false, false);
            this.step = step;
        }
    }

    /** Carries the failure out of the nested loops to {@link #run}, which reports it once. */
    static final class StepFailed extends Exception {
        private final transient SetupFailure failure;

        StepFailed(SetupFailure failure) {
            super(failure.step() + " on " + failure.node(), null, false, false);
            this.failure = failure;
        }
    }
}
