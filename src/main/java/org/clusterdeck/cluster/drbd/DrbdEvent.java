package org.clusterdeck.cluster.drbd;

import java.util.Map;

/**
 * One line of {@code drbdsetup events2}: {@code action} is exists, create, change, destroy, call
 * or response; {@code object} is resource, device, connection, peer-device, path, helper, or
 * {@code -} for the end of the initial dump. {@code timestamp} is null without
 * {@code --timestamps}. {@code fields} are the line's key:value pairs as printed.
 */
public record DrbdEvent(String timestamp, String action, String object, Map<String, String> fields) {

    public DrbdEvent {
        fields = Map.copyOf(fields);
    }

    /** {@code exists -}: the initial state dump is complete; later lines are live changes. */
    public boolean isEndOfInitialState() {
        return "exists".equals(action) && "-".equals(object);
    }
}
