package org.clusterdeck.cluster.graph.layout;

import org.clusterdeck.cluster.graph.GraphResource;

/**
 * Box sizes from the text a box shows, estimated from character counts so that layout needs no
 * font machinery (the CLI runs headless; the window measures nothing either, keeping both equal).
 */
final class BoxSizes {
    static final double CHAR_WIDTH = 7.2;
    static final double LINE_HEIGHT = 16;
    static final double PAD = 10;
    static final double CONTAINER_TITLE = 26;

    private BoxSizes() {
    }

    static double width(GraphResource r) {
        int chars = Math.max(r.id().length(), subtitle(r).length());
        return Math.max(96, chars * CHAR_WIDTH + 2 * PAD);
    }

    static double height(GraphResource r) {
        return 2 * LINE_HEIGHT + PAD;
    }

    /** The second line of a box: the agent's type for primitives, the kind for everything else. */
    static String subtitle(GraphResource r) {
        if (r.agent() != null) {
            return r.agent();
        }
        return r.kind();
    }
}
