package org.clusterdeck.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;

/**
 * Where a cluster's pages get their data from now. A table with no rows says why: before any data
 * came, that there is none yet and the reason (not connected, connecting), never what an empty
 * cluster would say ("No failed actions." of a cluster not read yet would be a false all-clear).
 */
public enum Feed {
    /** A saved CIB: the local crm_mon's one status; no nodes to ask, no history. */
    FILE("Reading the CIB file \u2026"),
    /** A saved cluster that is not followed: not connected yet, or disconnected. */
    OFFLINE("Not connected: press Connect (Ctrl+K)."),
    /** The monitor runs, and no node has answered with a status yet. */
    CONNECTING("Connecting: no node has answered yet."),
    /** At least one node answers. */
    LIVE("Waiting for the cluster's status \u2026");

    private final String waiting;

    Feed(String waiting) {
        this.waiting = waiting;
    }

    /** What a table says while its page has no data yet. */
    public String waiting() {
        return waiting;
    }

    /**
     * What a table of a page says while it has no rows: {@link #waiting()} until the page has data,
     * then {@code empty}, what an empty table means of the cluster.
     */
    public static StringBinding emptyText(ObservableValue<Feed> feed, ObservableBooleanValue hasData,
            ObservableValue<String> empty) {
        return Bindings.createStringBinding(() -> hasData.get() ? empty.getValue() : feed.getValue().waiting(),
                feed, hasData, empty);
    }

    public static StringBinding emptyText(ObservableValue<Feed> feed, ObservableBooleanValue hasData, String empty) {
        return emptyText(feed, hasData, Bindings.createStringBinding(() -> empty));
    }
}
