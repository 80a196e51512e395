package org.clusterdeck.ui.graph;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * What the admin typed over the details pane's values of one resource. The pane is drawn again
 * whenever the resource's state changes (a failover in the middle of typing), so the typing is
 * kept here, not in the fields, until it is planned, undone, or another resource is shown.
 */
final class DetailsEdits {
    private String resource;
    /** The value each field showed when drawn, by section and name. */
    private final Map<String, String> shown = new HashMap<>();
    private final Map<String, String> typed = new LinkedHashMap<>();
    private final ReadOnlyBooleanWrapper pending = new ReadOnlyBooleanWrapper();

    /** The pane is drawn for this resource (null: none): another one's typing is dropped. */
    void showing(String id) {
        if (!Objects.equals(resource, id)) {
            resource = id;
            typed.clear();
        }
        shown.clear();
        update();
    }

    /** The text a field shows: what was typed over it, else the value; typing the cluster now has is done. */
    String text(String section, String name, String value) {
        String key = key(section, name);
        shown.put(key, value);
        if (value.equals(typed.get(key))) {
            typed.remove(key);
        }
        update();
        return typed.getOrDefault(key, value);
    }

    void type(String section, String name, String text) {
        String key = key(section, name);
        if (text.equals(shown.get(key))) {
            typed.remove(key);
        } else {
            typed.put(key, text);
        }
        update();
    }

    /** What differs from the values shown in this section, by name; "" where a value was emptied. */
    Map<String, String> changes(String section) {
        Map<String, String> out = new LinkedHashMap<>();
        typed.forEach((key, text) -> {
            if (key.startsWith(section + "\0") && shown.containsKey(key)) {
                out.put(key.substring(section.length() + 1), text.strip());
            }
        });
        return out;
    }

    void clear() {
        typed.clear();
        update();
    }

    /** Something typed differs from what the cluster has. */
    ReadOnlyBooleanProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    private void update() {
        pending.set(typed.keySet().stream().anyMatch(shown::containsKey));
    }

    private static String key(String section, String name) {
        return section + "\0" + name;
    }
}
