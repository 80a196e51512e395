package org.clusterdeck.ui.setup;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One parameter of the fence device that powers one node off, as the agent names it.
 *
 * @param secret shown masked (a password)
 */
public record FenceField(String node, String name, boolean secret, StringProperty value) {
    public FenceField(String node, String name, String initial) {
        this(node, name, name.contains("passw"), new SimpleStringProperty(initial));
    }
}
