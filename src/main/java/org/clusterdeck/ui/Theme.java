package org.clusterdeck.ui;

/** The two looks of the window; both share the base stylesheet and differ in colours only. */
public enum Theme {
    LIGHT("/css/light.css"),
    DARK("/css/dark.css");

    private final String stylesheet;

    Theme(String stylesheet) {
        this.stylesheet = stylesheet;
    }

    public String stylesheet() {
        return stylesheet;
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
