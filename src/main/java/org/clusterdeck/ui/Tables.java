package org.clusterdeck.ui;

import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * The way every table of the window shows text columns, tints rows that need attention and says
 * what it means when it has no rows.
 */
public final class Tables {
    private static final PseudoClass BAD = PseudoClass.getPseudoClass("bad");
    private static final PseudoClass ATTENTION = PseudoClass.getPseudoClass("attention");

    private Tables() {
    }

    public static <T> void column(TableView<T> table, String title, Function<T, String> value, double width) {
        // columns share the table's width (no sideways scrolling at 1280x800); the last one takes the rest
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        // narrow columns cut text: the whole value is a hover away
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                HoverText.cell(this, empty ? null : item);
            }
        });
        c.setPrefWidth(width);
        table.getColumns().add(c);
    }

    /** Rows of things that are broken, or that need attention, are tinted by the stylesheet. */
    public static <T> void colourRows(TableView<T> table, Predicate<T> bad, Predicate<T> attention) {
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                boolean isBad = !empty && item != null && bad.test(item);
                pseudoClassStateChanged(BAD, isBad);
                pseudoClassStateChanged(ATTENTION, !isBad && !empty && item != null && attention.test(item));
            }
        });
    }

    /**
     * The sentence a table shows while it has no rows (JavaFX's own is "No content in table"):
     * what would be listed and why there is nothing, bound to its view model's state.
     */
    public static void placeholder(TableView<?> table, ObservableValue<String> text) {
        table.setPlaceholder(sentence(text));
    }

    public static void placeholder(TableView<?> table, String text) {
        placeholder(table, new ReadOnlyStringWrapper(text));
    }

    public static void placeholder(ListView<?> list, ObservableValue<String> text) {
        list.setPlaceholder(sentence(text));
    }

    public static void placeholder(ListView<?> list, String text) {
        placeholder(list, new ReadOnlyStringWrapper(text));
    }

    private static Label sentence(ObservableValue<String> text) {
        Label l = new Label();
        l.textProperty().bind(text);
        // narrow lists (the cluster list, the failovers) wrap the sentence rather than cut it
        l.setWrapText(true);
        l.getStyleClass().add("empty-table");
        return l;
    }
}
