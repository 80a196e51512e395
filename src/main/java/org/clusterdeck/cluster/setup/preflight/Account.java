package org.clusterdeck.cluster.setup.preflight;

/** A user account as {@code getent passwd} gives it: what files on a shared disk are owned by. */
public record Account(String name, int uid, int gid) {
}
