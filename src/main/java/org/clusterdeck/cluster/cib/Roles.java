package org.clusterdeck.cluster.cib;

/** Role words in Pacemaker 2 terms: the CIB may still say Master/Slave (schemas before 3.7). */
public final class Roles {
    private Roles() {
    }

    public static String normalize(String role) {
        if (role == null) {
            return null;
        }
        return switch (role) {
            case "Master" -> "Promoted";
            case "Slave" -> "Unpromoted";
            default -> role;
        };
    }
}
