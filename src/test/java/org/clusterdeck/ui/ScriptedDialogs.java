package org.clusterdeck.ui;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.clusterdeck.app.clusters.ClusterProfile;
import org.clusterdeck.transport.ssh.UnknownHostKey;
import org.clusterdeck.ui.action.ActionPlanViewModel;
import org.clusterdeck.ui.action.NewConstraintViewModel;
import org.clusterdeck.ui.action.NewResourceViewModel;

/**
 * Dialog answers given in advance, for view-model tests and for the file choosers in window tests
 * (native file dialogs cannot be driven headless). Errors, information, confirmations, host keys and
 * secret prompts shown are recorded.
 */
public class ScriptedDialogs implements DialogService {
    public final Deque<Optional<ClusterProfile>> profiles = new ArrayDeque<>();
    public final Deque<Path> cibFiles = new ArrayDeque<>();
    public final Deque<Path> exportFiles = new ArrayDeque<>();
    public final List<String> errors = new ArrayList<>();
    public final List<String> informations = new ArrayList<>();
    public final List<String> confirmations = new ArrayList<>();
    public boolean confirmAnswer = true;
    public final List<UnknownHostKey> hostKeys = new ArrayList<>();
    public boolean trustAnswer;
    public final List<String> secretPrompts = new ArrayList<>();
    public final Deque<String> secrets = new ArrayDeque<>();

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public void showInformation(String title, String message) {
        informations.add(title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String message) {
        confirmations.add(message);
        return confirmAnswer;
    }

    @Override
    public Optional<ClusterProfile> editProfile(ClusterProfile initial, Collection<String> takenNames) {
        return profiles.isEmpty() ? Optional.empty() : profiles.poll();
    }

    @Override
    public synchronized boolean trustHostKey(UnknownHostKey key) {
        hostKeys.add(key);
        return trustAnswer;
    }

    @Override
    public synchronized char[] askSecret(String title, String prompt) {
        secretPrompts.add(prompt);
        String s = secrets.poll();
        return s == null ? null : s.toCharArray();
    }

    @Override
    public Optional<Path> chooseCibFile() {
        return Optional.ofNullable(cibFiles.poll());
    }

    @Override
    public Optional<Path> chooseExportFile(String suggestedName, String extension) {
        return Optional.ofNullable(exportFiles.poll());
    }

    /**
     * How the admin handles each plan dialog, in order: e.g. wait for the plan, apply, wait for the
     * outcome. With none left, the dialog is closed at once (the plan is declined).
     */
    public final Deque<Consumer<ActionPlanViewModel>> planAnswers = new ArrayDeque<>();
    public final List<ActionPlanViewModel> plansShown = new ArrayList<>();
    public final Deque<String> texts = new ArrayDeque<>();

    @Override
    public void showActionPlan(ActionPlanViewModel plan) {
        plansShown.add(plan);
        Consumer<ActionPlanViewModel> answer = planAnswers.poll();
        if (answer != null) {
            answer.accept(plan);
        }
    }

    @Override
    public Optional<String> askText(String title, String prompt, String initial) {
        return Optional.ofNullable(texts.poll());
    }

    /**
     * How the admin fills in each constraint dialog, in order; true accepts it. With none left,
     * the dialog is cancelled.
     */
    public final List<org.clusterdeck.ui.setup.SetupWizardViewModel> wizardsShown = new ArrayList<>();

    @Override
    public void showSetupWizard(org.clusterdeck.ui.setup.SetupWizardViewModel wizard) {
        wizardsShown.add(wizard);
    }

    public final Deque<Predicate<NewConstraintViewModel>> constraintAnswers = new ArrayDeque<>();
    public final List<NewConstraintViewModel> constraintsShown = new ArrayList<>();

    @Override
    public boolean chooseConstraint(NewConstraintViewModel draft) {
        constraintsShown.add(draft);
        Predicate<NewConstraintViewModel> answer = constraintAnswers.poll();
        return answer != null && answer.test(draft);
    }

    public final Deque<Predicate<NewResourceViewModel>> resourceAnswers = new ArrayDeque<>();
    public final List<NewResourceViewModel> resourcesShown = new ArrayList<>();

    @Override
    public boolean chooseNewResource(NewResourceViewModel draft) {
        resourcesShown.add(draft);
        draft.load();
        Predicate<NewResourceViewModel> answer = resourceAnswers.poll();
        return answer != null && answer.test(draft);
    }
}
