package org.clusterdeck.cluster.cib;

import org.clusterdeck.cluster.PacemakerBoolean;

/**
 * A {@code <node_state>} of the status section, kept to what identifies membership; the raw
 * attribute text is kept because its meaning changed: since Pacemaker 2.1.7 {@code in_ccm} and
 * {@code crmd} hold the time the node joined instead of true/online.
 */
public record NodeState(String id, String uname, String inCcm, String crmd, String join, String expected) {

    /** Cluster-layer membership: true/false words, or a join timestamp (> 0 means member); null if unreadable. */
    public Boolean member() {
        return flagOrTimestamp(inCcm, "true");
    }

    /** Whether the controller is up: "online"/"offline", or a join timestamp since 2.1.7; null if unreadable. */
    public Boolean controllerOnline() {
        return flagOrTimestamp(crmd, "online");
    }

    private static Boolean flagOrTimestamp(String v, String upWord) {
        if (v == null) {
            return null;
        }
        String s = v.trim().toLowerCase();
        if (s.equals(upWord)) {
            return true;
        }
        if (s.equals("offline")) {
            return false;
        }
        // "1"/"0" read the same as a boolean word or as a join timestamp
        Boolean word = PacemakerBoolean.parse(s);
        if (word != null) {
            return word;
        }
        try {
            return Long.parseLong(s) > 0;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
