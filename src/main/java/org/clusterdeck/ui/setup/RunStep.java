package org.clusterdeck.ui.setup;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One step of the plan on the run page, with how far it got in this run. */
public record RunStep(String name, String why, ObjectProperty<State> state) {
    public enum State { WAITING, RUNNING, DONE, SKIPPED, STOPPED, FAILED }

    public RunStep(String name, String why) {
        this(name, why, new SimpleObjectProperty<>(State.WAITING));
    }
}
