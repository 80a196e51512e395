package org.clusterdeck.ui.clusters;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/** Makes a label show a health value: symbol, colour (by style class) and a tooltip in words. */
final class HealthBadge {
    private HealthBadge() {
    }

    static void bind(Label badge, ObservableValue<Health> health) {
        badge.getStyleClass().add("health-badge");
        Tooltip tip = new Tooltip();
        badge.setTooltip(tip);
        show(badge, tip, health.getValue());
        health.addListener((o, was, now) -> show(badge, tip, now));
    }

    static void show(Label badge, Tooltip tip, Health h) {
        for (Health each : Health.values()) {
            badge.getStyleClass().remove(each.styleClass());
        }
        badge.getStyleClass().add(h.styleClass());
        badge.setText(h.symbol());
        tip.setText("Health: " + h.description());
        badge.setAccessibleText("health " + h.description());
    }
}
