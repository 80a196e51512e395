package org.clusterdeck.ui;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Hover texts that cost nothing until they are needed. Making a {@link Tooltip} builds a popup
 * window with a scene of its own and styles it, about a millisecond each: a new one for every table
 * cell shown and every mark on the timeline held the FX thread for over a second when a failover
 * moved 500 resources (a JFR recording of the window on the lab).
 */
public final class HoverText {
    private static final Object TIP = new Object();

    private HoverText() {
    }

    /**
     * A cell's hover text: one tooltip per cell, kept while the cell is reused for other rows, its
     * text changed; none where there is no text.
     */
    public static void cell(Control cell, String text) {
        if (text == null || text.isEmpty()) {
            cell.setTooltip(null);
            return;
        }
        Tooltip tip = (Tooltip) cell.getProperties().computeIfAbsent(TIP, k -> new Tooltip());
        tip.setText(text);
        cell.setTooltip(tip);
    }

    /**
     * A hover text for a node made by the hundred and thrown away at the next layout: its tooltip
     * is made when the pointer first enters it.
     */
    public static void whenHovered(Node node, Supplier<String> text) {
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            if (!node.getProperties().containsKey(TIP)) {
                Tooltip tip = new Tooltip(text.get());
                node.getProperties().put(TIP, tip);
                Tooltip.install(node, tip);
            }
        });
    }
}
