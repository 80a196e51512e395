package org.clusterdeck.ui;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Sentences shown one below the other, each a wrapped label, kept in step with their list. */
public final class LabelList {
    private LabelList() {
    }

    public static void bind(ObservableList<String> items, VBox box, String styleClass) {
        Runnable fill = () -> box.getChildren().setAll(items.stream().map(text -> {
            Label l = new Label(text);
            l.setWrapText(true);
            l.getStyleClass().add(styleClass);
            return l;
        }).toList());
        items.addListener((ListChangeListener<String>) c -> fill.run());
        fill.run();
    }
}
