package org.clusterdeck.cluster;

import java.util.Locale;
import java.util.Map;

/** Role words in Pacemaker 2 spelling, whatever the version that printed them. */
public final class Roles {
    // Pacemaker 2.1 renamed Master/Slave; older output and old CIBs (target-role) still use them,
    // and target-role is free text in the CIB, so case varies ("started", "master").
    private static final Map<String, String> CANONICAL = Map.of(
            "master", "Promoted",
            "slave", "Unpromoted",
            "promoted", "Promoted",
            "unpromoted", "Unpromoted",
            "started", "Started",
            "stopped", "Stopped",
            "unknown", "Unknown");

    private Roles() {
    }

    /** The role in Pacemaker 2 words; words that are not roles (e.g. "Starting") stay as given. */
    public static String normalize(String role) {
        if (role == null) {
            return null;
        }
        return CANONICAL.getOrDefault(role.trim().toLowerCase(Locale.ROOT), role);
    }
}
