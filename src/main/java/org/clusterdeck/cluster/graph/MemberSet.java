package org.clusterdeck.cluster.graph;

import java.util.List;

/**
 * A resource set with its references expanded to resource ids, the form in which Pacemaker's
 * scheduler unpacks sets. Plain constraints that name a tag or template are turned into two such
 * sets exactly as the scheduler does (pcmk__tag_to_set()); {@code sequential} and
 * {@code requireAll} stay null when not written, because "absent" and "true" differ there.
 */
record MemberSet(
        String id,
        Boolean sequential,
        Boolean requireAll,
        String ordering,
        String role,
        String action,
        String score,
        String kind,
        List<String> members) {
    MemberSet {
        members = List.copyOf(members);
    }

    String first() {
        return members.isEmpty() ? null : members.get(0);
    }

    String last() {
        return members.isEmpty() ? null : members.get(members.size() - 1);
    }
}
