package org.clusterdeck.cluster.setup;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdeck.transport.Command;

/**
 * Steps built from the plan's own commands (write-file, cmp, mkfs, blkid) that act on files in a
 * test's directory, so that a runner is tested on what it will run on the nodes, not on stand-ins.
 */
public final class TempSteps {
    private TempSteps() {
    }

    /** Each node's file gets {@code content} as the plan writes its files; done when cmp finds it there. */
    public static SetupStep writes(String name, Map<String, Path> files, String content) {
        Map<String, List<Command>> commands = new LinkedHashMap<>();
        Map<String, List<Command>> check = new LinkedHashMap<>();
        Map<String, List<Command>> undo = new LinkedHashMap<>();
        List<PlannedFile> planned = new java.util.ArrayList<>();
        files.forEach((node, path) -> {
            PlannedFile file = PlannedFile.written(node, path.toString(), "0644", content);
            planned.add(file);
            commands.put(node, List.of(SetupCommands.writeFile(file)));
            check.put(node, List.of(SetupCommands.sameContent(file.path(), content)));
            undo.put(node, List.of(SetupCommands.restoreFile(file)));
        });
        return new SetupStep(name, "writes a file", commands, check, check, undo, planned, List.of(), null);
    }

    /** The filesystem step's mkfs on an image file in place of a disk, with its confirmation. */
    public static SetupStep formats(String name, String node, Path image, long bytes) {
        Map<String, List<Command>> check = Map.of(node, List.of(SetupCommands.hasSignature(image.toString(), "ext4")));
        return new SetupStep(name, "formats an image", Map.of(node, List.of(SetupCommands.mkfs("ext4", image.toString()))),
                check, check, Map.of(), List.of(), List.of(new Destruction(node, image.toString(), bytes, "mkfs.ext4")), null);
    }

    /**
     * Like the corosync key: node1 makes a binary file (and keeps a copy beside it, {@code .made}),
     * node2 gets the file copied from node1. Both "nodes" are one machine here, so node2 writes the
     * same path; without the read at the source its standard input would be empty, and so the file.
     */
    public static SetupStep copies(String name, Path file) {
        PlannedFile made = PlannedFile.generated("node1", file.toString(), "0400");
        PlannedFile copy = PlannedFile.copied("node2", file.toString(), "0400", "node1");
        Command make = org.clusterdeck.transport.ShellScript.fixed("head -c 256 /dev/urandom > \"$1\" && cp \"$1\" \"$1.made\"")
                .run("make-key", List.of(file.toString()));
        Map<String, List<Command>> commands = new LinkedHashMap<>();
        commands.put("node1", List.of(make));
        commands.put("node2", List.of(SetupCommands.receiveFile(copy)));
        Map<String, List<Command>> check = Map.of("node2", List.of(Command.of("cmp", "-s", file.toString(), file + ".made")));
        return new SetupStep(name, "copies a key", commands, check, check, Map.of(), List.of(made, copy), List.of(), null);
    }
}
