package org.clusterdeck.ui.clusters;

import static org.clusterdeck.ui.FormText.blankToNull;
import static org.clusterdeck.ui.FormText.nullToEmpty;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.clusterdeck.app.clusters.ClusterProfile;

/** The add/edit cluster form: one text per field, the problems as the admin types, the profile when valid. */
public final class ClusterProfileDialogViewModel {
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty hosts = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty(ClusterProfile.DEFAULT_USER);
    private final StringProperty identityFile = new SimpleStringProperty("");
    private final StringProperty knownHosts = new SimpleStringProperty("");
    private final StringProperty jumpHost = new SimpleStringProperty("");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problemText = new ReadOnlyStringWrapper("");
    private final BooleanBinding valid = Bindings.isEmpty(problems);
    private final Set<String> takenNames;

    public ClusterProfileDialogViewModel(ClusterProfile initial, Collection<String> takenNames) {
        this.takenNames = takenNames.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        if (initial != null) {
            name.set(initial.name());
            hosts.set(String.join("\n", initial.hosts()));
            user.set(nullToEmpty(initial.user()));
            identityFile.set(nullToEmpty(initial.identityFile()));
            knownHosts.set(nullToEmpty(initial.knownHosts()));
            jumpHost.set(nullToEmpty(initial.jumpHost()));
        }
        List.of(name, hosts, user, identityFile, knownHosts, jumpHost).forEach(p -> p.addListener((o, a, b) -> check()));
        check();
    }

    private void check() {
        List<String> found = new java.util.ArrayList<>(profile().problems());
        if (takenNames.contains(name.get().strip().toLowerCase(Locale.ROOT))) {
            found.add("Another cluster is already called \"" + name.get().strip() + "\".");
        }
        problems.setAll(found);
        problemText.set(String.join("\n", found));
    }

    /** The form as a profile; addresses may be separated by new lines, commas or spaces. */
    public ClusterProfile profile() {
        List<String> hostList = Arrays.stream(hosts.get().split("[\\s,]+")).filter(h -> !h.isEmpty()).toList();
        return new ClusterProfile(name.get().strip(), hostList, user.get().strip(), blankToNull(identityFile.get()),
                blankToNull(knownHosts.get()), blankToNull(jumpHost.get()));
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty hostsProperty() {
        return hosts;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty identityFileProperty() {
        return identityFile;
    }

    public StringProperty knownHostsProperty() {
        return knownHosts;
    }

    public StringProperty jumpHostProperty() {
        return jumpHost;
    }

    public ObservableList<String> problems() {
        return problems;
    }

    public ReadOnlyStringProperty problemTextProperty() {
        return problemText.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
