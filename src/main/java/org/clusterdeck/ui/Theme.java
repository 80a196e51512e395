package org.clusterdeck.ui;

import org.clusterdeck.cluster.graph.render.GraphPalette;

/** The two looks of the window; both share the base stylesheet and differ in colours only. */
public enum Theme {
    LIGHT("/css/light.css", GraphPalette.LIGHT),
    DARK("/css/dark.css", GraphPalette.DARK);

    private final String stylesheet;
    private final GraphPalette graphPalette;

    Theme(String stylesheet, GraphPalette graphPalette) {
        this.stylesheet = stylesheet;
        this.graphPalette = graphPalette;
    }

    /** The dependency graph is drawn on a canvas, which CSS does not reach. */
    public GraphPalette graphPalette() {
        return graphPalette;
    }

    public String stylesheet() {
        return stylesheet;
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
