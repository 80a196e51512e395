package org.clusterdeck.ui.setup;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.clusterdeck.cluster.setup.Destruction;

/** A command of the plan that overwrites a disk, and whether the admin ticked it on the review page. */
public record DiskConfirmation(String step, Destruction destruction, BooleanProperty confirmed) {
    public DiskConfirmation(String step, Destruction destruction) {
        this(step, destruction, new SimpleBooleanProperty());
    }
}
