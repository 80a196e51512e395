package org.clusterdeck.cluster.setup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clusterdeck.transport.Command;

/**
 * One step of the setup, everything about it known before it runs: per node (in the spec's
 * order) the commands as the admin would type them, a read-only check of whether it is already
 * done (exit 0: done, so a resumed setup skips it), a verification that it worked, and the undo.
 *
 * @param name         e.g. {@code drbd}
 * @param why          one sentence: what goes wrong without it
 * @param commands     per node, in order; a node without commands in this step is absent
 * @param check        per node, read-only, every command exits 0 when the step is already done there;
 *                     empty only when {@code runsEveryTime} says why
 * @param verification per node, read-only, every command exits 0 when the step did what it should
 * @param undo         per node, in order, what puts the node back (files restored from their backups)
 * @param files        the files it writes, with where their predecessors are kept
 * @param destroys     the commands that overwrite a disk; each needs the admin's confirmation first
 * @param runsEveryTime null for a step done once; otherwise why it runs on every (resumed) run
 * @param nodesAtOnce  whether each node's commands may run at the same time as the other's: nothing
 *                     on one node waits for the other (package installs, which take minutes)
 * @param agreement    per node, read-only commands whose output must be the same on every node once
 *                     the step is done (the installed versions), the n-th of each node compared with
 *                     the n-th of the others; part of both the check and the verification
 */
public record SetupStep(String name, String why, Map<String, List<Command>> commands,
        Map<String, List<Command>> check, Map<String, List<Command>> verification, Map<String, List<Command>> undo, List<PlannedFile> files,
        List<Destruction> destroys, String runsEveryTime, boolean nodesAtOnce, Map<String, List<Command>> agreement) {

    /** A step whose nodes go one after the other. */
    public SetupStep(String name, String why, Map<String, List<Command>> commands, Map<String, List<Command>> check,
            Map<String, List<Command>> verification, Map<String, List<Command>> undo, List<PlannedFile> files,
            List<Destruction> destroys, String runsEveryTime) {
        this(name, why, commands, check, verification, undo, files, destroys, runsEveryTime, false);
    }

    /** A step with nothing the nodes must agree on. */
    public SetupStep(String name, String why, Map<String, List<Command>> commands, Map<String, List<Command>> check,
            Map<String, List<Command>> verification, Map<String, List<Command>> undo, List<PlannedFile> files,
            List<Destruction> destroys, String runsEveryTime, boolean nodesAtOnce) {
        this(name, why, commands, check, verification, undo, files, destroys, runsEveryTime, nodesAtOnce, Map.of());
    }

    public SetupStep {
        commands = copy(commands);
        check = copy(check);
        verification = copy(verification);
        undo = copy(undo);
        agreement = copy(agreement);
        if (agreement.values().stream().map(List::size).distinct().count() > 1) {
            throw new IllegalArgumentException("step " + name + " has a different number of agreement commands per node");
        }
        files = List.copyOf(files);
        destroys = List.copyOf(destroys);
        if (check.isEmpty() && runsEveryTime == null) {
            throw new IllegalArgumentException("step " + name + " has no check of whether it is already done");
        }
    }

    /** Whether any of its commands overwrites a disk. */
    public boolean destroysData() {
        return !destroys.isEmpty();
    }

    /** Every command of the step on that node, in order; empty when it has none there. */
    public List<Command> on(String node) {
        return commands.getOrDefault(node, List.of());
    }

    /**
     * The file copied from another node that this command of the step writes on {@code node}: the
     * command reads the file's content from standard input, as {@link PlannedFile#readAtSource()}
     * prints it on {@link PlannedFile#copiedFrom()}. Empty for every other command.
     */
    public Optional<PlannedFile> copiedBy(String node, Command command) {
        return files.stream()
                .filter(f -> f.node().equals(node) && f.copiedFrom() != null && SetupCommands.receiveFile(f).equals(command))
                .findFirst();
    }

    private static Map<String, List<Command>> copy(Map<String, List<Command>> byNode) {
        Map<String, List<Command>> out = new LinkedHashMap<>();
        byNode.forEach((node, list) -> out.put(node, List.copyOf(list)));
        return java.util.Collections.unmodifiableMap(out);
    }
}
