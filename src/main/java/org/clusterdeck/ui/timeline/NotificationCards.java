package org.clusterdeck.ui.timeline;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * Shows the timeline's notifications as cards in a corner of the cluster's page, whichever tab
 * is open: an in-window area rather than popups, which follow the window and work headless.
 */
public final class NotificationCards {
    private NotificationCards() {
    }

    public static void bind(VBox area, TimelineViewModel vm) {
        area.getStyleClass().add("notification-area");
        area.setPickOnBounds(false);
        Runnable render = () -> {
            area.getChildren().clear();
            for (Notification n : vm.notifications()) {
                Label title = new Label(n.title() + "  " + TimelineFormat.clock(n.time()));
                title.getStyleClass().add("notification-title");
                Label text = new Label(n.text());
                text.setWrapText(true);
                text.getStyleClass().add("notification-text");
                Button close = new Button("\u00d7");
                close.getStyleClass().add("notification-close");
                close.setOnAction(e -> vm.dismiss(n));
                close.setAccessibleText("Dismiss " + n.title());
                BorderPane card = new BorderPane(text, title, close, null, null);
                card.getStyleClass().addAll("notification", "notification-" + n.severity().word());
                area.getChildren().add(card);
            }
        };
        vm.notifications().addListener((ListChangeListener<Notification>) c -> render.run());
        render.run();
    }
}
