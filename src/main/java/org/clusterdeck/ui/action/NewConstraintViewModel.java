package org.clusterdeck.ui.action;

import java.util.List;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.clusterdeck.cluster.command.InvalidInputException;
import org.clusterdeck.cluster.command.NewConstraint;

/**
 * The dialog for a constraint between two resources, as drawn in the graph: from {@code from}
 * (placed or acted on first) to {@code to} (which depends on it), the graph's own edge direction.
 * A colocation places {@code to} with {@code from}; an order acts on {@code to} after {@code from}.
 * Defaults follow the reference stack (a promotable clone takes part with its promoted role), and
 * the id is generated from the choice until the admin types one.
 */
public final class NewConstraintViewModel {
    public enum Type {
        COLOCATION, ORDER
    }

    /** How strongly a colocation binds; advisory takes the admin's score. */
    public enum Strength {
        MANDATORY("always together (INFINITY)"), ADVISORY("preferably together (score)"), APART("never together (-INFINITY)");

        private final String label;

        Strength(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The role choices; "any" (no role written) is the empty string, as a combo box shows it. */
    public static final List<String> ROLES = List.of("", "Started", "Promoted", "Unpromoted");

    private final String from;
    private final List<String> targets;
    private final Set<String> promotable;
    private final Set<String> takenIds;

    private final ObjectProperty<String> to = new SimpleObjectProperty<>();
    private final ObjectProperty<Type> type = new SimpleObjectProperty<>(Type.COLOCATION);
    private final ObjectProperty<Strength> strength = new SimpleObjectProperty<>(Strength.MANDATORY);
    private final StringProperty advisoryScore = new SimpleStringProperty("100");
    private final StringProperty fromRole = new SimpleStringProperty("");
    private final StringProperty toRole = new SimpleStringProperty("");
    private final StringProperty firstAction = new SimpleStringProperty("start");
    private final StringProperty thenAction = new SimpleStringProperty("start");
    private final StringProperty kind = new SimpleStringProperty("Mandatory");
    private final StringProperty id = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);

    private NewConstraint constraint;
    private String generatedId = "";

    /**
     * @param targets    the resources the constraint may point to (from is left out)
     * @param promotable the promotable clones among them, which get role and action defaults
     * @param takenIds   ids a generated id must avoid
     * @param to         the resource drawn to, or null to choose it in the dialog
     */
    public NewConstraintViewModel(String from, String to, List<String> targets, Set<String> promotable,
            Set<String> takenIds) {
        this.from = from;
        this.targets = targets.stream().filter(t -> !t.equals(from)).toList();
        this.promotable = Set.copyOf(promotable);
        this.takenIds = Set.copyOf(takenIds);
        if (promotable.contains(from)) {
            fromRole.set("Promoted");
            firstAction.set("promote");
        }
        this.to.addListener((o, was, now) -> targetDefaults(now));
        this.to.set(to);
        for (Observable o : new Observable[] {this.to, type, strength}) {
            o.addListener(x -> regenerateId());
        }
        for (Observable o : new Observable[] {this.to, type, strength, advisoryScore, fromRole, toRole, firstAction,
                thenAction, kind, id}) {
            o.addListener(x -> check());
        }
        regenerateId();
        check();
    }

    private void targetDefaults(String target) {
        boolean p = target != null && promotable.contains(target);
        toRole.set(p ? "Promoted" : "");
        thenAction.set(p ? "promote" : "start");
    }

    /** A typed id stays; one the admin did not touch follows the choice. */
    private void regenerateId() {
        if (!id.get().equals(generatedId)) {
            return;
        }
        String t = to.get() == null ? "?" : to.get();
        String base = type.get() == Type.ORDER ? "ord_" + from + "_then_" + t
                : (strength.get() == Strength.APART ? "col_" + t + "_apart_from_" : "col_" + t + "_with_") + from;
        String candidate = base;
        for (int n = 2; takenIds.contains(candidate); n++) {
            candidate = base + "_" + n;
        }
        generatedId = candidate;
        id.set(candidate);
    }

    private void check() {
        constraint = null;
        String target = to.get();
        if (target == null || target.isEmpty()) {
            fail("Choose the resource the constraint points to.");
            return;
        }
        if (target.equals(from)) {
            fail("A constraint needs two different resources.");
            return;
        }
        if (takenIds.contains(id.get().strip())) {
            fail("The id " + id.get().strip() + " is already used in the configuration.");
            return;
        }
        try {
            constraint = build(target);
        } catch (InvalidInputException e) {
            fail(e.getMessage());
            return;
        }
        problem.set("");
        preview.set(constraint.describe());
        valid.set(true);
    }

    private NewConstraint build(String target) {
        String i = id.get().strip();
        if (type.get() == Type.ORDER) {
            return new NewConstraint.Order(i, from, target, firstAction.get(), thenAction.get(), kind.get());
        }
        String score = switch (strength.get()) {
            case MANDATORY -> "INFINITY";
            case APART -> "-INFINITY";
            case ADVISORY -> advisoryScore.get().strip();
        };
        return new NewConstraint.Colocation(i, target, from, score, role(toRole.get()), role(fromRole.get()));
    }

    private static String role(String r) {
        return r == null || r.isEmpty() ? null : r;
    }

    private void fail(String why) {
        problem.set(why);
        preview.set("");
        valid.set(false);
    }

    /** The constraint as chosen; null while the choice is not valid. */
    public NewConstraint constraint() {
        return constraint;
    }

    public String from() {
        return from;
    }

    public List<String> targets() {
        return targets;
    }

    public ObjectProperty<String> toProperty() {
        return to;
    }

    public ObjectProperty<Type> typeProperty() {
        return type;
    }

    public ObjectProperty<Strength> strengthProperty() {
        return strength;
    }

    /** The score of an advisory colocation (positive: together, negative: apart). */
    public StringProperty advisoryScoreProperty() {
        return advisoryScore;
    }

    /** The role of {@code from} a colocation is with (with-rsc-role); "" for any. */
    public StringProperty fromRoleProperty() {
        return fromRole;
    }

    /** The role of {@code to} that is placed (rsc-role); "" for any. */
    public StringProperty toRoleProperty() {
        return toRole;
    }

    public StringProperty firstActionProperty() {
        return firstAction;
    }

    public StringProperty thenActionProperty() {
        return thenAction;
    }

    /** Mandatory, Optional or Serialize. */
    public StringProperty kindProperty() {
        return kind;
    }

    public StringProperty idProperty() {
        return id;
    }

    /** The constraint in words, as the plan will name it; empty while invalid. */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Why the choice cannot be planned; empty when it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }
}
