package org.clusterdeck.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import org.testfx.api.FxRobot;

/** What a table or list shows in the window instead of rows, read from the scene as drawn. */
public final class Placeholders {
    private Placeholders() {
    }

    /**
     * The sentence the table or list {@code query} shows now; null while it shows rows, or while it
     * (or its tab) is not on screen. The skin shows its placeholder in a region of style class
     * {@code placeholder}, visible only while there are no rows.
     */
    public static String shown(FxRobot robot, String query) {
        Node table = robot.lookup(query).query();
        return robot.from(table).lookup(".placeholder").tryQuery().filter(Placeholders::onScreen)
                .flatMap(region -> robot.from(region).lookup(".empty-table").tryQueryAs(Label.class))
                .filter(Placeholders::onScreen).map(Label::getText).orElse(null);
    }

    private static boolean onScreen(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }
}
