package org.clusterdeck.ui.clusters;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** A cluster in the side list: health badge, name, and where it comes from. */
public final class ClusterListCell extends ListCell<ClusterViewModel> {
    private final Label badge = new Label();
    private final Tooltip tip = new Tooltip();
    private final Label name = new Label();
    private final Label source = new Label();
    private final HBox box;
    private final ChangeListener<Health> healthListener = (o, was, now) -> HealthBadge.show(badge, tip, now);
    private ClusterViewModel shown;

    public ClusterListCell() {
        badge.getStyleClass().add("health-badge");
        badge.setTooltip(tip);
        name.getStyleClass().add("cluster-name");
        source.getStyleClass().add("cluster-source");
        VBox text = new VBox(1, name, source);
        box = new HBox(8, badge, text);
        box.setAlignment(Pos.CENTER_LEFT);
        // long file paths are cut with an ellipsis instead of widening the list sideways
        setPrefWidth(0);
        name.setMinWidth(0);
        source.setMinWidth(0);
    }

    @Override
    protected void updateItem(ClusterViewModel item, boolean empty) {
        super.updateItem(item, empty);
        if (shown != null) {
            shown.healthProperty().removeListener(healthListener);
            name.textProperty().unbind();
            source.textProperty().unbind();
        }
        shown = empty ? null : item;
        if (shown == null) {
            setGraphic(null);
            return;
        }
        name.textProperty().bind(item.nameProperty());
        source.textProperty().bind(item.sourceProperty());
        HealthBadge.show(badge, tip, item.healthProperty().get());
        item.healthProperty().addListener(healthListener);
        setGraphic(box);
    }
}
