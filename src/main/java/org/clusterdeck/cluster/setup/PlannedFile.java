package org.clusterdeck.cluster.setup;

/**
 * A file a step writes on a node, and where the file it replaces is kept.
 *
 * @param node       the node it is written on
 * @param path       where
 * @param backupPath where the file already there is copied first (never overwritten by a later run, so a
 *                   resumed setup keeps the original); the undo moves it back
 * @param mode       octal permissions, e.g. {@code 0644}
 * @param content    what is written; null for a file a command of the step makes (a secret such as
 *                   corosync's authkey, never shown) or one copied from another node
 * @param copiedFrom the node whose file of the same path is copied; null otherwise
 */
public record PlannedFile(String node, String path, String backupPath, String mode, String content, String copiedFrom) {
    /** Backups sit beside the file, named so an admin recognises them. */
    static String backupOf(String path) {
        return path + ".clusterdeck-backup";
    }

    /** Prints, on the node it is copied from, what the command that writes a copied file reads from standard input. */
    public org.clusterdeck.transport.Command readAtSource() {
        return SetupCommands.readFileBase64(path);
    }

    static PlannedFile written(String node, String path, String mode, String content) {
        return new PlannedFile(node, path, backupOf(path), mode, content, null);
    }

    /** Made on the node by one of the step's commands (e.g. corosync-keygen): its content is never in the plan. */
    static PlannedFile generated(String node, String path, String mode) {
        return new PlannedFile(node, path, backupOf(path), mode, null, null);
    }

    static PlannedFile copied(String node, String path, String mode, String fromNode) {
        return new PlannedFile(node, path, backupOf(path), mode, null, fromNode);
    }
}
