package org.clusterdeck.ui.clusters;

/** The badge beside a cluster's name: the worst thing currently known about it. */
public enum Health {
    /** Nothing known yet (not connected, nothing opened). */
    UNKNOWN("?", "no data"),
    OK("OK", "healthy"),
    WARNING("!", "needs attention"),
    CRITICAL("\u2716", "failures or nodes down");

    private final String symbol;
    private final String description;

    Health(String symbol, String description) {
        this.symbol = symbol;
        this.description = description;
    }

    public String symbol() {
        return symbol;
    }

    public String description() {
        return description;
    }

    public String styleClass() {
        return "health-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
