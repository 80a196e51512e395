package org.clusterdeck.cluster.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** How urgently an admin should look: drives notifications and colours in the window. */
public enum Severity {
    INFO, WARNING, CRITICAL;

    @JsonValue
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
