package org.clusterdeck.ui;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import org.clusterdeck.app.clusters.ClusterProfile;
import org.clusterdeck.transport.ssh.UnknownHostKey;
import org.clusterdeck.ui.action.ActionPlanViewModel;
import org.clusterdeck.ui.action.NewConstraintViewModel;
import org.clusterdeck.ui.action.NewResourceViewModel;
import org.clusterdeck.ui.setup.SetupWizardViewModel;

/** Every dialog the console shows goes through here, so tests can answer them without a window. */
public interface DialogService {
    void showError(String title, String message);

    /** Shows a message that needs no answer, e.g. the About box. */
    void showInformation(String title, String message);

    boolean confirm(String title, String message);

    /**
     * Lets the admin fill in or change a cluster profile.
     *
     * @param initial   the profile to edit, or null for a new one
     * @param takenNames names of the other clusters (names must be unique)
     * @return the accepted profile; empty when cancelled
     */
    Optional<ClusterProfile> editProfile(ClusterProfile initial, Collection<String> takenNames);

    /** A CIB file to open; empty when cancelled. */
    Optional<Path> chooseCibFile();

    /**
     * Shows a host key seen for the first time (host, key type, SHA256 fingerprint) and asks
     * whether to trust it; true records it in known_hosts. Changed keys are never asked about.
     */
    boolean trustHostKey(UnknownHostKey key);

    /**
     * Asks for a secret (a key's passphrase, a login password) without showing it.
     *
     * @return the secret, which the caller wipes after use; null when cancelled
     */
    char[] askSecret(String title, String prompt);

    /** Where to export the graph; {@code extension} is "png" or "svg". Empty when cancelled. */
    Optional<Path> chooseExportFile(String suggestedName, String extension);

    /**
     * Shows an action's plan dialog and returns when the admin closes it: the commands, the
     * prediction, refusals, Apply, and after applying the outcome. The view model plans and applies;
     * the dialog only binds to it and calls {@link ActionPlanViewModel#apply()}.
     */
    void showActionPlan(ActionPlanViewModel plan);

    /**
     * Lets the admin choose a new constraint between two resources (kind, score or actions, id).
     *
     * @return true when accepted: {@link NewConstraintViewModel#constraint()} is then the choice
     */
    boolean chooseConstraint(NewConstraintViewModel draft);

    /**
     * Shows the form for a new resource or fencing device; true when the admin asks for its plan
     * (the form is then valid).
     */
    boolean chooseNewResource(NewResourceViewModel draft);

    /**
     * Shows the setup wizard in a window of its own beside the main one and returns at once: a
     * setup takes many minutes, and the console stays usable meanwhile. Closing it while a setup
     * runs asks first; the setup is kept to be continued.
     */
    void showSetupWizard(SetupWizardViewModel wizard);

    /** Asks for a line of text; empty when cancelled. */
    Optional<String> askText(String title, String prompt, String initial);
}
