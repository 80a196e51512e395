package org.clusterdeck.ui.main;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.clusterdeck.app.BuildInfo;
import org.clusterdeck.app.action.UnfinishedAction;
import org.clusterdeck.app.action.UnfinishedActions;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.clusters.ClusterProfile;
import org.clusterdeck.app.clusters.ClusterProfileStore;
import org.clusterdeck.app.offline.CibFileReader;
import org.clusterdeck.app.offline.CibSnapshot;
import org.clusterdeck.ui.Background;
import org.clusterdeck.ui.DialogService;
import org.clusterdeck.ui.Theme;
import org.clusterdeck.ui.clusters.ClusterViewModel;
import org.clusterdeck.ui.clusters.ClusterWatcher;
import org.clusterdeck.ui.setup.SetupWizards;

/**
 * The window's state: the clusters (saved profiles and opened CIB files), which one is shown, the
 * theme and the status line. Saving, loading, reading files, connecting and disconnecting run in
 * the background; several clusters may be connected at once.
 */
public final class MainViewModel {
    private static final Duration FILE_TIMEOUT = Duration.ofSeconds(10);
    /** crm_mon has its own 30 s limit; this one only catches a stuck parse. */
    private static final Duration CIB_TIMEOUT = Duration.ofSeconds(45);

    private final Background background;
    private final DialogService dialogs;
    private final ClusterProfileStore store;
    private final CibFileReader cibReader;
    private final ClusterWatcher watcher;
    private SetupWizards wizards;

    private final AtomicReference<List<ClusterProfile>> toSave = new AtomicReference<>(List.of());
    private final ObservableList<ClusterViewModel> clusters = FXCollections.observableArrayList();
    private final ObjectProperty<ClusterViewModel> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final ReadOnlyStringWrapper statusLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper auditProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper unfinishedText = new ReadOnlyStringWrapper("");
    private List<UnfinishedAction> unfinished = List.of();
    private AuditLog auditLog;
    private final BooleanBinding profileSelected = Bindings.createBooleanBinding(
            () -> selected.get() != null && !selected.get().isFile(), selected);
    private final BooleanBinding anySelected = selected.isNotNull();
    private final BooleanProperty canConnect = new SimpleBooleanProperty();
    private final BooleanProperty canDisconnect = new SimpleBooleanProperty();
    private final ChangeListener<String> connectionText = (o, was, now) -> statusLine.set(now);

    public MainViewModel(Background background, DialogService dialogs, ClusterProfileStore store,
            CibFileReader cibReader, ClusterWatcher watcher) {
        this.background = background;
        this.dialogs = dialogs;
        this.store = store;
        this.cibReader = cibReader;
        this.watcher = watcher;
        selected.addListener((o, was, now) -> follow(was, now));
        theme.addListener((o, was, now) -> clusters.forEach(this::paint));
        clusters.addListener((ListChangeListener<ClusterViewModel>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::paint);
            }
        });
    }

    private void paint(ClusterViewModel c) {
        c.graph().paletteProperty().set(theme.get().graphPalette());
    }

    /** The connect actions and the status line follow the shown cluster. */
    private void follow(ClusterViewModel was, ClusterViewModel now) {
        canConnect.unbind();
        canDisconnect.unbind();
        if (was != null) {
            was.connectionTextProperty().removeListener(connectionText);
        }
        canConnect.set(false);
        canDisconnect.set(false);
        if (now != null) {
            canConnect.bind(now.canConnectProperty());
            canDisconnect.bind(now.canDisconnectProperty());
            now.connectionTextProperty().addListener(connectionText);
            if (!now.connectionTextProperty().get().isEmpty()) {
                statusLine.set(now.connectionTextProperty().get());
            }
        }
    }

    /** Reads the saved profiles; a corrupt file is reported and left untouched. */
    public void loadProfiles() {
        loadProfiles(Set.of());
    }

    /** Reads the saved profiles and connects those named in {@code connect} (e.g. from {@code ./run}). */
    public void loadProfiles(Set<String> connect) {
        background.run("Reading " + store.file(), FILE_TIMEOUT, store::load, profiles -> {
            profiles.forEach(p -> clusters.add(ClusterViewModel.forProfile(p, background, dialogs, watcher)));
            if (selected.get() == null && !clusters.isEmpty()) {
                selected.set(clusters.get(0));
            }
            clusters.stream().filter(c -> connect.contains(c.nameProperty().get())).forEach(c -> {
                selected.set(c);
                c.connect();
            });
        }, error -> dialogs.showError("Saved clusters could not be read", error.getMessage()
                + "\n\nFix or remove the file; ClusterDeck does not overwrite it until you add or change a cluster."));
    }

    public void addCluster() {
        dialogs.editProfile(null, names(null)).ifPresent(p -> {
            ClusterViewModel c = ClusterViewModel.forProfile(p, background, dialogs, watcher);
            clusters.add(c);
            selected.set(c);
            save();
        });
    }

    /** Lets {@link #newClusterFromBareNodes} open the setup wizard; without it the window offers none. */
    public void useSetupWizards(SetupWizards wizards) {
        this.wizards = wizards;
    }

    /**
     * Opens the setup wizard beside the window (a setup takes many minutes; the console stays
     * usable). The cluster it builds comes back here: saved, connected, its graph shown.
     */
    public void newClusterFromBareNodes() {
        if (wizards == null) {
            return;
        }
        dialogs.showSetupWizard(wizards.open(this::built));
    }

    /** The cluster the wizard built: in the list (replacing a saved one of its name), saved, connected, its graph shown. */
    void built(ClusterProfile profile) {
        clusters.stream().filter(c -> !c.isFile() && c.nameProperty().get().equalsIgnoreCase(profile.name())).findFirst()
                .ifPresent(old -> {
                    old.disconnect();
                    clusters.remove(old);
                });
        ClusterViewModel c = ClusterViewModel.forProfile(profile, background, dialogs, watcher);
        clusters.add(c);
        selected.set(c);
        save();
        c.tabProperty().set(ClusterViewModel.Tab.GRAPH);
        c.connect();
    }

    public void editSelected() {
        ClusterViewModel c = selected.get();
        if (c == null || c.isFile()) {
            return;
        }
        dialogs.editProfile(c.profileProperty().get(), names(c)).ifPresent(p -> {
            c.profileProperty().set(p);
            save();
        });
    }

    /** Removes the selected cluster from the list (and, for a profile, from the saved ones) after asking. */
    public void removeSelected() {
        ClusterViewModel c = selected.get();
        if (c == null) {
            return;
        }
        String what = c.isFile() ? "Close " + c.nameProperty().get() + "?"
                : "Remove the cluster \"" + c.nameProperty().get() + "\" from ClusterDeck? The cluster itself is not touched.";
        if (!dialogs.confirm(c.isFile() ? "Close CIB file" : "Remove cluster", what)) {
            return;
        }
        c.disconnect();
        int i = clusters.indexOf(c);
        clusters.remove(c);
        selected.set(clusters.isEmpty() ? null : clusters.get(Math.min(i, clusters.size() - 1)));
        if (!c.isFile()) {
            save();
        }
    }

    /** Opens a saved CIB as a cluster of its own: configuration parsed here, status from the local crm_mon. */
    public void openCibFile() {
        dialogs.chooseCibFile().ifPresent(this::openCibFile);
    }

    public void openCibFile(Path file) {
        statusLine.set("Reading " + file + " \u2026");
        background.run("Reading " + file, CIB_TIMEOUT, () -> cibReader.read(file), this::showSnapshot, error -> {
            statusLine.set("Could not open " + file.getFileName());
            dialogs.showError("CIB file could not be opened", error.getMessage());
        });
    }

    private void showSnapshot(CibSnapshot snap) {
        ClusterViewModel c = ClusterViewModel.forFile(snap.file(), background, dialogs);
        clusters.add(c);
        c.pages().show(snap.status(), snap.cib());
        selected.set(c);
        statusLine.set("Opened " + snap.file() + " (status computed by the local crm_mon)");
    }

    public void connectSelected() {
        ClusterViewModel c = selected.get();
        if (c != null) {
            c.connect();
        }
    }

    public void disconnectSelected() {
        ClusterViewModel c = selected.get();
        if (c != null) {
            c.disconnect();
        }
    }

    /** Disconnects every cluster (the window is closing); completes when all connections are closed. */
    public CompletableFuture<Void> disconnectAll() {
        return CompletableFuture.allOf(clusters.stream().map(ClusterViewModel::disconnect)
                .toArray(CompletableFuture[]::new));
    }

    /** The About box: the version of this build and the Java and JavaFX it runs on, for a bug report. */
    public void about() {
        dialogs.showInformation("About ClusterDeck", aboutText());
    }

    String aboutText() {
        return "ClusterDeck " + BuildInfo.version() + "\n"
                + "A desktop console for Pacemaker, Corosync and DRBD high-availability clusters.\n\n"
                + "Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")"
                + ", JavaFX " + System.getProperty("javafx.runtime.version", "unknown") + "\n"
                + "Runtime: " + System.getProperty("java.home");
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    private List<String> names(ClusterViewModel except) {
        return clusters.stream().filter(c -> c != except && !c.isFile()).map(c -> c.nameProperty().get()).toList();
    }

    /**
     * Saves in the background. Saves may overlap, so each writes the newest list under a lock:
     * whichever finishes last has written the latest state.
     */
    private void save() {
        toSave.set(clusters.stream().filter(c -> !c.isFile()).map(c -> c.profileProperty().get()).toList());
        background.run("Saving " + store.file(), FILE_TIMEOUT, () -> {
            synchronized (toSave) {
                store.save(toSave.get());
            }
            return store.file();
        }, file -> statusLine.set("Saved clusters to " + file),
                error -> dialogs.showError("Clusters could not be saved", error.getMessage()));
    }

    public ObservableList<ClusterViewModel> clusters() {
        return clusters;
    }

    public ObjectProperty<ClusterViewModel> selectedProperty() {
        return selected;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /**
     * Shows, until it is written again, that the audit log cannot be written (a full disk): the
     * log is the admin's record of what ran, so its loss is not left to a log file nobody reads.
     */
    public void watchAudit(AuditLog audit, Executor ui) {
        audit.onProblem(problem -> ui.execute(() -> auditProblem.set(problem == null ? "" : problem)));
        auditLog = audit;
        background.run("Reading " + audit.file(), FILE_TIMEOUT, () -> UnfinishedActions.in(audit.file().getParent()),
                found -> {
                    unfinished = found;
                    unfinishedText.set(unfinishedText(found, audit.file()));
                }, error -> unfinishedText.set("The audit log " + audit.file() + " could not be read for actions left"
                        + " unfinished: " + error.getMessage()));
    }

    /**
     * Actions confirmed and never ended: the console stopped while applying them. Their commands'
     * records say what ran; the cluster says the rest (a move's constraint shows among the findings).
     */
    static String unfinishedText(List<UnfinishedAction> found, Path auditFile) {
        if (found.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(found.size() == 1 ? "An action was left unfinished"
                : found.size() + " actions were left unfinished");
        sb.append(": ClusterDeck stopped while applying ").append(found.size() == 1 ? "it" : "them").append(".");
        for (UnfinishedAction a : found) {
            sb.append("\n  ").append(a.description()).append(" on ").append(a.node()).append(", confirmed ")
                    .append(a.confirmedAt());
        }
        return sb.append("\nWhether it reached the cluster is known only from the cluster: connect and look at where"
                + " the resources run and under Leftover constraints (a move leaves one until it is cleared). What ran"
                + " is in " + auditFile + ", before the confirmation's line.").toString();
    }

    /** Actions left unfinished by a console that stopped while applying; empty when there are none. */
    public ReadOnlyStringProperty unfinishedActionsProperty() {
        return unfinishedText.getReadOnlyProperty();
    }

    /** The admin has seen the unfinished actions: recorded in the audit log, and no longer shown. */
    public void acknowledgeUnfinished() {
        List<UnfinishedAction> seen = unfinished;
        unfinished = List.of();
        unfinishedText.set("");
        if (auditLog != null) {
            AuditLog audit = auditLog;
            background.run("Writing " + audit.file(), FILE_TIMEOUT, () -> {
                seen.forEach(a -> UnfinishedActions.acknowledge(audit, a, "window"));
                return null;
            }, done -> { }, error -> auditProblem.set(error.getMessage()));
        }
    }

    /** Why the audit log cannot be written, or empty. */
    public ReadOnlyStringProperty auditProblemProperty() {
        return auditProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusLineProperty() {
        return statusLine.getReadOnlyProperty();
    }

    public BooleanBinding profileSelectedProperty() {
        return profileSelected;
    }

    public BooleanBinding anySelectedProperty() {
        return anySelected;
    }

    /** The shown cluster is a saved one and not connected. */
    public ReadOnlyBooleanProperty canConnectProperty() {
        return canConnect;
    }

    /** The shown cluster is connected or connecting. */
    public ReadOnlyBooleanProperty canDisconnectProperty() {
        return canDisconnect;
    }
}
